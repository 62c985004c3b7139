// TensorFlow.js backend choice for the trainer (docs/design/ARCHITECTURE.md §6: tfjs-node-gpu → tfjs-node → wasm → cpu,
// and say which one is used; docs/design/STACK.md §4). Every import is guarded: tfjs-node-gpu is an
// optional dependency whose install fails offline, and tfjs-node is not a dependency at all.
//
// Differentiable code must not rely on gather: on wasm its gradient needs the missing UnsortedSegmentSum
// kernel and gather with batchDims returns garbage (docs/design/STACK.md §4), so use oneHot × matrix (see actionLogProbs).

import * as tf from '@tensorflow/tfjs';
import { RESOURCES } from '../resources/resource-paths';

export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';

/** The order backends are tried in, fastest first. */
export const BACKEND_ORDER: readonly BackendName[] = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];

export interface BackendAttempt {
  name: BackendName;
  /** Why it could not be used (the import's or setBackend's error message). */
  error: string;
}

export interface BackendSelection {
  /** The backend now active in tf. */
  name: BackendName;
  /** One line for logs and the UI: which backend and why. */
  reason: string;
  /** Backends tried before `name` that failed, in order. */
  tried: BackendAttempt[];
}

export interface SelectBackendOptions {
  /** 'auto' (default) tries BACKEND_ORDER; a name starts the chain at that backend ('cpu' forces cpu). */
  preference?: BackendName | 'auto';
  /** Module loader; tests replace it. Default: dynamic import. */
  importModule?: (specifier: string) => Promise<unknown>;
}

// The specifier goes through a variable so neither tsc nor a bundler tries to resolve a package that may
// be absent; the failure then happens here, at run time, where it is caught.
const defaultImport = (specifier: string): Promise<unknown> => import(specifier);

/**
 * Activate the fastest TensorFlow.js backend that loads, and report which one and what failed.
 * Order: '@tensorflow/tfjs-node-gpu' → '@tensorflow/tfjs-node' (both register tf backend 'tensorflow') →
 * '@tensorflow/tfjs-backend-wasm' (with '@tensorflow/tfjs') → cpu (always present in '@tensorflow/tfjs').
 * Accepts the options object or just a preference.
 */
export async function selectBackend(
  options: SelectBackendOptions | BackendName | 'auto' = {},
): Promise<BackendSelection> {
  const { preference = 'auto', importModule = defaultImport } =
    typeof options === 'string' ? { preference: options } : options;
  const start = preference === 'auto' ? 0 : BACKEND_ORDER.indexOf(preference);
  if (start < 0) throw new Error(`selectBackend: unknown backend preference ${JSON.stringify(preference)}`);

  const tried: BackendAttempt[] = [];
  for (const name of BACKEND_ORDER.slice(start)) {
    try {
      await activate(name, importModule);
      const why =
        tried.length === 0
          ? preference === 'auto'
            ? 'first choice'
            : `preferred (${preference})`
          : `fallback after ${tried.map((a) => `${a.name} (${attemptWords(a.error)})`).join('; ')}`;
      return { name, reason: `Using TensorFlow.js backend '${name}': ${why}.`, tried };
    } catch (error) {
      tried.push({ name, error: firstLine(error) });
    }
  }
  // cpu ships with @tensorflow/tfjs, so this means tfjs itself is broken.
  throw new Error(`selectBackend: no TensorFlow.js backend could be activated: ${JSON.stringify(tried)}`);
}

async function activate(name: BackendName, importModule: (specifier: string) => Promise<unknown>): Promise<void> {
  let tfName: string;
  switch (name) {
    case 'tensorflow-gpu':
      await importModule('@tensorflow/tfjs-node-gpu');
      tfName = 'tensorflow';
      break;
    case 'tensorflow':
      await importModule('@tensorflow/tfjs-node');
      tfName = 'tensorflow';
      break;
    case 'wasm':
      pointWasmAtBinaries(await importModule('@tensorflow/tfjs-backend-wasm'));
      tfName = 'wasm';
      break;
    case 'cpu':
      tfName = 'cpu';
      break;
  }
  // setBackend resolves false (and only warns) when the backend registered but failed to initialise.
  const ok = await tf.setBackend(tfName);
  if (!ok || tf.getBackend() !== tfName) throw new Error(`tf.setBackend('${tfName}') failed`);
  await tf.ready();
}

/** The .wasm files are found through the resource resolver, not next to the module: in a packaged app the
 * module is read from app.asar while the binaries are unpacked beside it (issue 18). */
function pointWasmAtBinaries(module: unknown): void {
  const wasm = module as { setWasmPaths?: (prefix: string) => void; default?: { setWasmPaths?: (prefix: string) => void } } | undefined;
  const setWasmPaths = wasm?.setWasmPaths ?? wasm?.default?.setWasmPaths;
  setWasmPaths?.(RESOURCES.tfjsWasmDir());
}

/** The reason line (logs, the CLI) says what to do about a package that is simply absent instead of the import
 * error with its absolute paths (the first-hour audit of 2026-12-05); `tried` keeps the raw message. */
function attemptWords(error: string): string {
  const missing = /Cannot find (?:package|module) '((?:@[^/'\s]+\/)?[^/'\s]+)/.exec(error);
  return missing ? `not installed: \`npm install ${missing[1]}\` to use it` : error;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
