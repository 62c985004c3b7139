// The one way integration tests get a workbench core: a fresh data directory in the OS temp folder, the test
// run's shared Chromium (test/setup/browser-server.ts), and teardown that closes the core and removes the
// directory. `useCore()` registers the hooks for a whole file; `openTestCore()` is for a second core inside
// one test (close it in a finally).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../main/core';
import { sharedBrowserEndpoint } from './shared-browser';

/** CoreOptions, with the data directory optional (a fresh temp directory by default). */
export type TestCoreOptions = Omit<CoreOptions, 'dataDir'> & { dataDir?: string };

export interface TestCore extends Core {
  readonly dataDir: string;
}

/** Time for a core to start: SQLite migrations, the sandbox server and its catalog, on a busy machine. */
const SETUP_TIMEOUT_MS = 120_000;

export async function openTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const made = options.dataDir ? null : await mkdtemp(join(tmpdir(), 'mira-test-'));
  const dataDir = options.dataDir ?? made!;
  const removeMade = () => (made ? rm(made, { recursive: true, force: true }) : Promise.resolve());
  let core: Core;
  try {
    core = await createCore({ browserWsEndpoint: sharedBrowserEndpoint(), ...options, dataDir });
  } catch (err) {
    await removeMade();
    throw err;
  }
  return {
    ...core,
    dataDir,
    async close() {
      await core.close();
      await removeMade();
    },
  };
}

/** A core for every test of the file: opened before the first test, closed (and its directory removed) after
 * the last. Options may be a function, for values other hooks registered earlier produce (a server's URL). */
export function useCore(options: TestCoreOptions | (() => TestCoreOptions | Promise<TestCoreOptions>) = {}): TestCore {
  let current: TestCore | null = null;
  beforeAll(async () => {
    current = await openTestCore(typeof options === 'function' ? await options() : options);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await current?.close();
    current = null;
  }, SETUP_TIMEOUT_MS);
  // The file's tests hold this stand-in from the start; it forwards to the core once the hook has opened it.
  return new Proxy({} as TestCore, {
    get(_target, prop) {
      if (prop === 'then') return undefined; // not a promise
      if (!current) throw new Error(`useCore(): the core is open only inside this file's tests and later hooks (read .${String(prop)}).`);
      return Reflect.get(current, prop);
    },
  });
}

/** A temp directory for every test of the file (e.g. a data directory a child process writes first). */
export function useTempDir(prefix = 'mira-test-'): { readonly path: string } {
  let path: string | null = null;
  beforeAll(async () => {
    path = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (path) await rm(path, { recursive: true, force: true });
  });
  return {
    get path() {
      if (!path) throw new Error('useTempDir(): the directory exists only inside this file\'s tests and later hooks.');
      return path;
    },
  };
}
