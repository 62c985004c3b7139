import { join } from 'node:path';
import type { CoreInfo, WorkbenchApi } from './api/contract';
import type { EpisodeRecord } from './api/types';
import type { EvaluateContext } from './agent/episode-loop';
import { BrowserPool } from './browser/pool';
import { evaluateEpisode } from './eval/evaluate';
import { EventHub } from './events';
import { startSandboxServer, type SandboxServer } from './sandbox/server';
import { openStore, type Store } from './store';
import { SandboxCatalog } from './runs/sandbox-catalog';
import { startRun, type RunTasksRequest } from './runs/run-tasks';
import type { TaskRecord } from './api/types';

export const VERSION = '0.1.0';

export interface CoreOptions {
  dataDir: string;
  browserPath?: string | null;
  /** The built-in sandbox sites; false to run without them. */
  sandbox?: { port?: number; datasetSeed?: number; instancesPerFamily?: number } | false;
  mode?: CoreInfo['mode'];
}

export interface Core {
  api: WorkbenchApi;
  events: EventHub;
  store: Store;
  pool: BrowserPool;
  sandbox: SandboxServer | null;
  catalog: SandboxCatalog | null;
  /** Starts a run and also returns a promise of its finished episodes (the CLI and tests wait on it). */
  run(request: RunTasksRequest): Promise<{ runId: string; done: Promise<EpisodeRecord[]> }>;
  close(): Promise<void>;
}

/** The composition root: wires store, browser pool, sandbox and runs for one data directory. No module-level
 * state, so tests create isolated cores in temp directories. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const store = await openStore(options.dataDir);
  // Episodes a killed process left 'running' are closed as interrupted, their completed steps kept.
  await store.episodes.markOrphansInterrupted(isProcessAlive);
  const pool = new BrowserPool({ browserPath: options.browserPath });
  const events = new EventHub();

  let sandbox: SandboxServer | null = null;
  let catalog: SandboxCatalog | null = null;
  if (options.sandbox !== false) {
    const settings = options.sandbox ?? {};
    sandbox = await startSandboxServer({ port: settings.port ?? 0, datasetSeed: settings.datasetSeed ?? 1 });
    catalog = new SandboxCatalog(settings.datasetSeed ?? 1, settings.instancesPerFamily ?? 5);
    await catalog.register(store);
  }

  const deps = {
    store,
    pool,
    sandbox,
    catalog,
    evaluate: (task: TaskRecord, ctx: EvaluateContext) =>
      evaluateEpisode(task.config, {
        answer: ctx.answer,
        finalUrl: ctx.finalUrl,
        page: ctx.page,
        placeholders: ctx.resolveUrl,
        // Sandbox tasks are scored with the original WebArena rules; Lite tasks default to vab-lite.
        profile: task.source === 'sandbox' ? 'webarena' : 'vab-lite',
        // The sandbox renders on the server: no need for WebArena's fixed wait after navigating.
        settleMs: task.source === 'sandbox' ? 0 : undefined,
      }),
    onStep: (step: Parameters<typeof events.emit<'step'>>[1]) => events.emit('step', step),
    onEpisode: (episode: EpisodeRecord) => events.emit('episode', episode),
    onRun: (run: Parameters<typeof events.emit<'run'>>[1]) => events.emit('run', run),
  };
  const run = (request: RunTasksRequest) => startRun(deps, request);

  const api: WorkbenchApi = {
    async info() {
      return {
        version: VERSION,
        dataDir: options.dataDir,
        browser: { executablePath: pool.location.executablePath, source: pool.location.source, problem: pool.location.problem },
        sandboxUrl: sandbox?.baseUrl ?? null,
        mode: options.mode ?? 'cli',
      };
    },
    listTasks: () => store.tasks.list(),
    listRuns: () => store.runs.list(),
    async listEpisodes(query) {
      const [episodes, tasks] = await Promise.all([store.episodes.list(query), store.tasks.list()]);
      const byId = new Map(tasks.map((t) => [t.id, t]));
      return episodes.map((e) => ({ ...e, intent: byId.get(e.taskId)?.intent ?? '', sites: byId.get(e.taskId)?.sites ?? [] }));
    },
    async getEpisode(id) {
      const episode = await store.episodes.get(id);
      if (!episode) throw new Error(`No episode with id ${id}.`);
      const task = await store.tasks.get(episode.taskId);
      if (!task) throw new Error(`Episode ${id} refers to unknown task ${episode.taskId}.`);
      return { episode, task, steps: await store.steps.list(id) };
    },
    getBlobText: (hash) => store.blobs.getText(hash),
    async startRun(request) {
      const { runId, done } = await run(request);
      done.catch(() => undefined); // The run's status records the failure; nobody awaits it here.
      return { runId };
    },
  };

  return {
    api,
    events,
    store,
    pool,
    sandbox,
    catalog,
    run,
    async close() {
      await pool.close();
      await sandbox?.close();
      await store.close();
    },
  };
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const defaultDataDir = (home: string) => join(home, '.mira-workbench');
