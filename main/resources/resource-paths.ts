// The one place that knows where the workbench's files are (issue 18): prompts, the built renderer, the
// trainer and critic fit workers, and the package folders whose files are read or executed from disk (tfjs wasm binaries,
// playwright-core). The same answers hold from source (tsx, vitest), from the esbuild bundle (dist/electron)
// and from a packaged app, where the code sits in app.asar and the files that must be real files on disk
// are unpacked beside it into app.asar.unpacked (electron-builder.yml `asarUnpack`).
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_LOCATION, type CodeLocation } from './code-location';

/** 'source': TypeScript run by tsx/vitest; 'bundle': dist/electron in a checkout; 'asar': a packaged app. */
export type Layout = 'source' | 'bundle' | 'asar';

/** How to start a worker: the file given to `new Worker`, and the module that file imports. */
export interface TrainerWorkerScript {
  /** Bundled: dist/electron/<name>.cjs. Source: boot.mjs, which registers tsx and imports `entry`. */
  file: string;
  /** The worker's entry as a file URL (the .ts source, or the bundle itself). */
  entry: string;
}

export interface ResourcePaths {
  layout: Layout;
  appRoot: string;
  /** resources/prompts: the default prompt texts and few-shot examples (read-only, fine inside the asar). */
  promptsDir: string;
  /** dist/renderer: the built UI. */
  rendererDir: string;
  trainerWorker: TrainerWorkerScript;
  /** The critic fit worker (issue 17: fits on recorded runs off the core's event loop), started the same way. */
  criticFitWorker: TrainerWorkerScript;
  /** The folder of an installed package, on disk (app.asar.unpacked when it is unpacked in a package). */
  packageDir(name: string): string;
  /** The folder holding tfjs-backend-wasm's .wasm binaries, with a trailing separator (setWasmPaths). */
  tfjsWasmDir(): string;
  /** playwright-core's package folder: the driver's files it reads and executes at run time. */
  playwrightCoreDir(): string;
}

const ASAR_SEGMENT = /([\\/])app\.asar(?=[\\/]|$)/;

/** A path inside app.asar mapped to the same path in app.asar.unpacked; other paths unchanged. */
export function unpackedPath(path: string): string {
  return path.replace(ASAR_SEGMENT, '$1app.asar.unpacked');
}

export function resourcePaths(location: CodeLocation = CODE_LOCATION): ResourcePaths {
  const { appRoot, bundleDir } = location;
  const layout: Layout = ASAR_SEGMENT.test(appRoot) ? 'asar' : bundleDir ? 'bundle' : 'source';
  // Resolved from the app root, as the bundle's own externals are: in a package Electron's asar-aware
  // require finds them in app.asar/node_modules.
  const requireFromApp = createRequire(join(appRoot, 'package.json'));
  const packageDir = (name: string) => unpackedPath(dirname(requireFromApp.resolve(`${name}/package.json`)));
  const workerSource = join(appRoot, 'main', 'training', 'worker');
  const worker = (name: string): TrainerWorkerScript => {
    const bundled = bundleDir && join(bundleDir, `${name}.cjs`);
    return bundled
      ? { file: bundled, entry: pathToFileURL(bundled).href }
      : { file: join(workerSource, 'boot.mjs'), entry: pathToFileURL(join(workerSource, `${name}.ts`)).href };
  };
  return {
    layout,
    appRoot,
    promptsDir: join(appRoot, 'resources', 'prompts'),
    rendererDir: join(appRoot, 'dist', 'renderer'),
    trainerWorker: worker('trainer-worker'),
    criticFitWorker: worker('critic-fit-worker'),
    packageDir,
    tfjsWasmDir: () => join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist') + sep,
    playwrightCoreDir: () => packageDir('playwright-core'),
  };
}

/** The workbench's own files, for the code that is running now. */
export const RESOURCES = resourcePaths();
