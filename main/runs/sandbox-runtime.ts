// An episode runtime of its own for a process or worker that runs sandbox episodes outside a workbench core
// (the trainer worker, issue 19): a store, a browser pool, a sandbox server and its catalog — nothing else a
// core wires (no MiniWoB++, no LLM services, no imported sites). docs/design/ARCHITECTURE.md §6 (trainer worker).
import { BrowserPool } from '../browser/pool';
import { startSandboxServer, type SandboxServer } from '../sandbox/server';
import { openStore, type Store } from '../store';
import { EpisodeRuntime } from './episode-runtime';
import { SandboxCatalog } from './sandbox-catalog';

export interface SandboxRuntimeOptions {
  /** The data directory whose store records the episodes. SQLite's WAL lets this connection write next to a
   * workbench's own (docs/design/ARCHITECTURE.md §5). */
  dataDir: string;
  browserPath?: string | null;
  /** A running Playwright browser server to use instead of launching Chromium (tests share one this way). */
  browserWsEndpoint?: string | null;
  datasetSeed: number;
  instancesPerFamily: number;
}

export interface SandboxRuntime {
  episodes: EpisodeRuntime;
  store: Store;
  sandbox: SandboxServer;
  catalog: SandboxCatalog;
  /** Closes the browser, the sandbox and the store, in that order. */
  close(): Promise<void>;
}

export async function openSandboxRuntime(options: SandboxRuntimeOptions): Promise<SandboxRuntime> {
  const store = await openStore(options.dataDir);
  let sandbox: SandboxServer;
  try {
    sandbox = await startSandboxServer({ port: 0, datasetSeed: options.datasetSeed });
  } catch (err) {
    await store.close();
    throw err;
  }
  const pool = new BrowserPool({ browserPath: options.browserPath ?? null, wsEndpoint: options.browserWsEndpoint ?? null });
  const catalog = new SandboxCatalog(options.datasetSeed, options.instancesPerFamily);
  const episodes = new EpisodeRuntime({
    store, pool, sandbox, catalog, siteProfile: () => ({}), logins: null,
    miniwob: { server: null, problem: 'This runtime runs sandbox tasks only.', successRule: 'browsergym' },
  });
  let closing: Promise<void> | null = null;
  return {
    episodes, store, sandbox, catalog,
    close: () => (closing ??= (async () => {
      await pool.close();
      await sandbox.close();
      await store.close();
    })()),
  };
}
