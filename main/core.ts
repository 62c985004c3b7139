import { join } from 'node:path';
import type { CoreInfo, WorkbenchApi } from './api/contract';
import type { EpisodeRecord } from './api/types';
import type { EvaluateContext } from './agent/episode-loop';
import { BrowserPool } from './browser/pool';
import { evaluateEpisode } from './eval/evaluate';
import { evaluateMiniWob, type MiniWobSuccessRule } from './eval/miniwob-reward';
import { defaultProfileFor } from './eval/profiles';
import { EventHub } from './events';
import { TrainingJobs, type TrainingRunner } from './training/jobs/training-jobs';
import { workerTrainingRunner } from './training/jobs/worker-runner';
import type { TrainingOptions } from './training/worker/protocol';
import { MemorySecretStore, secretStatus, type SecretStore } from './settings/secret-store';
import { SettingsStore } from './settings/settings-store';
import { SiteLogins } from './tasks/site-login';
import { siteProfileFromEnv } from './tasks/site-profile';
import { SECRET_NAMES, type SettingsView } from './api/settings';
import { startSandboxServer, type SandboxServer } from './sandbox/server';
import { openStore, type Store } from './store';
import { SandboxCatalog } from './runs/sandbox-catalog';
import { resumeRun, startRun, type RunTasksRequest, type StartedRun } from './runs/run-tasks';
import type { JobProgress, SchedulerSettings } from './runs/scheduler';
import { homepageFor } from './runs/run-environments';
import { analyzeRun, type RunSummarizer } from './runs/analyze-run';
import { forkRunRequest } from './runs/fork';
import type { TaskRecord } from './api/types';
import { startMiniWob, type MiniWobSetup } from './runs/miniwob-setup';
import type { SiteProfile } from './tasks/site-profile';
import { Inference } from './agent/inference';
import { InferenceApi } from './agent/inference-api';
import type { LlmRuntimeOptions } from './llm/client-factory';
import { observeStartPage } from './subgoals/start-page';

export const VERSION = '0.1.0';

export interface CoreOptions {
  dataDir: string;
  browserPath?: string | null;
  /** The built-in sandbox sites; false to run without them. */
  sandbox?: { port?: number; datasetSeed?: number; instancesPerFamily?: number } | false;
  mode?: CoreInfo['mode'];
  /** Where API keys live: the OS keychain in the desktop app; memory (+ environment) by default. */
  secrets?: SecretStore;
  /** An LLM that writes a short summary of each failed episode after a run (MIRA.md §1); off when absent. */
  summarizer?: RunSummarizer;
  /** A miniwob-plusplus checkout (default: MINIWOB_DIR) and the success rule (default 'browsergym'). */
  miniwob?: { dir?: string | null; successRule?: MiniWobSuccessRule };
  /** Site URLs for imported WebArena tasks; default: read from the environment at each run. */
  siteProfile?: SiteProfile;
  /** LLM retries, per-attempt time-out and response cache (default: the client's defaults, cache in dataDir/llm-cache). */
  llm?: LlmRuntimeOptions;
  /** The trainer behind training jobs (default: the tfjs trainer worker) and its options (epochs, …). */
  training?: { runner?: TrainingRunner; trainer?: Partial<TrainingOptions> };
}

export interface Core {
  api: WorkbenchApi;
  events: EventHub;
  store: Store;
  pool: BrowserPool;
  sandbox: SandboxServer | null;
  catalog: SandboxCatalog | null;
  miniwob: MiniWobSetup;
  /** Prompts, subgoal sets, verdicts and LLM call records (MIRA.md §2–3). */
  inference: Inference;
  /** Training jobs (MIRA.md §4): records in dataDir/training, next to their checkpoints. */
  training: TrainingJobs;
  /** Starts a run and also returns a promise of its finished episodes (the CLI and tests wait on it). */
  run(request: RunTasksRequest): Promise<StartedRun>;
  /** Resumes a run whose process died: tasks without a finished episode run again. */
  resume(runId: string, scheduler?: Partial<SchedulerSettings>): Promise<StartedRun>;
  close(): Promise<void>;
}

/** The composition root: wires store, browser pool, sandbox and runs for one data directory. No module-level
 * state, so tests create isolated cores in temp directories. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const store = await openStore(options.dataDir);
  // Episodes a killed process left 'running' are closed as interrupted, their completed steps kept.
  await store.episodes.markOrphansInterrupted(isProcessAlive);
  await store.runs.markOrphansInterrupted(isProcessAlive);
  const settingsStore = new SettingsStore(options.dataDir);
  await settingsStore.load().catch(() => undefined); // a broken settings.json is reported by getSettings
  const pool = new BrowserPool({ browserPath: options.browserPath ?? settingsStore.current().browserPath });
  const events = new EventHub();
  const inference = new Inference({
    store,
    settings: () => settingsStore.load(),
    secrets: () => secrets,
    runtime: { cacheDir: join(options.dataDir, 'llm-cache'), ...options.llm },
  });

  let sandbox: SandboxServer | null = null;
  let catalog: SandboxCatalog | null = null;
  if (options.sandbox !== false) {
    const settings = options.sandbox ?? {};
    sandbox = await startSandboxServer({ port: settings.port ?? 0, datasetSeed: settings.datasetSeed ?? 1 });
    catalog = new SandboxCatalog(settings.datasetSeed ?? 1, settings.instancesPerFamily ?? 5);
    await catalog.register(store);
  }
  const training = new TrainingJobs(
    join(options.dataDir, 'training'),
    options.training?.runner ?? workerTrainingRunner({
      datasetSeed: (options.sandbox && options.sandbox.datasetSeed) || 1,
      browserPath: () => options.browserPath ?? settingsStore.current().browserPath,
      backend: () => settingsStore.current().trainerBackend,
      trainer: options.training?.trainer,
    }),
    (progress) => events.emit('training', progress),
  );
  // MiniWoB++ tasks are offered when a checkout is configured; a bad one is reported when a run needs it.
  const miniwob = await startMiniWob(store, options.miniwob);

  const deps = {
    store,
    pool,
    sandbox,
    catalog,
    miniwob,
    // Site URLs: an explicit profile, else the Settings page's over the environment's (SHOPPING=… / WA_…).
    siteProfile: options.siteProfile ? () => options.siteProfile! : () => siteProfileFromEnv({ ...process.env, ...settingsStore.current().siteProfile }),
    logins: new SiteLogins(pool),
    evaluate: (task: TaskRecord, ctx: EvaluateContext) =>
      task.source === 'miniwob' ? evaluateMiniWob(ctx.page, miniwob.successRule) : evaluateEpisode(task.config, {
        answer: ctx.answer,
        finalUrl: ctx.finalUrl,
        page: ctx.page,
        placeholders: ctx.resolveUrl,
        // Sandbox tasks are scored with the original WebArena rules; Lite tasks default to vab-lite.
        profile: task.source === 'sandbox' ? 'webarena' : defaultProfileFor(task.config),
        // The sandbox renders on the server: no need for WebArena's fixed wait after navigating.
        settleMs: task.source === 'sandbox' ? 0 : undefined,
      }),
    onStep: (step: Parameters<typeof events.emit<'step'>>[1]) => events.emit('step', step),
    onEpisode: (episode: EpisodeRecord) => events.emit('episode', episode),
    onRun: (run: Parameters<typeof events.emit<'run'>>[1]) => events.emit('run', run),
    inference,
    // AutoRater verdicts are stored and streamed as they are made, so the UI watches milestones live.
    onVerdicts: (episodeId: string, t: number, verdicts: Parameters<Inference['recordVerdicts']>[2]) =>
      inference.recordVerdicts(episodeId, t, verdicts, (v) => events.emit('verdict', v)),
    onProgress: (runId: string, progress: JobProgress) => events.emit('progress', { runId, done: progress.done, total: progress.total, episodeId: progress.episode.id, retrying: progress.retrying }),
  };
  // Every finished run is analysed (MIRA.md §1): failed episodes get a category and a key decision step.
  const analysed = (started: StartedRun): StartedRun => ({
    ...started,
    done: started.done.then(async (episodes) => {
      const summarizer = options.summarizer && { template: (await inference.prompts.latest('analyzer')).text, ...options.summarizer };
      await analyzeRun(store, started.runId, summarizer).catch((err: Error) => {
        if (!/no scored episodes/.test(err.message)) console.error(`Analysis of run ${started.runId} failed: ${err.message}`);
      });
      return episodes;
    }),
  });
  // Runs started by this process, so the UI can cancel them.
  const active = new Map<string, StartedRun>();
  const track = (started: StartedRun): StartedRun => {
    active.set(started.runId, started);
    started.done.finally(() => active.delete(started.runId)).catch(() => undefined);
    return started;
  };
  const run = async (request: RunTasksRequest) => track(analysed(await startRun(deps, request)));
  const resume = async (runId: string, scheduler?: Partial<SchedulerSettings>) => analysed(await resumeRun(deps, runId, scheduler));

  const secrets = options.secrets ?? new MemorySecretStore();
  const inferenceApi = new InferenceApi(store, inference, (task) => observeStartPage(deps, task), (task) => homepageFor(deps, task));
  const settingsView = async (): Promise<SettingsView> => ({
    settings: await settingsStore.load(),
    secrets: Object.fromEntries(await Promise.all(SECRET_NAMES.map(async (n) => [n, await secretStatus(secrets, n)] as const))) as SettingsView['secrets'],
  });

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
      const [steps, subgoals, verdicts] = await Promise.all([store.steps.list(id), inference.subgoalSets.forEpisode(id), inference.verdicts.list(id)]);
      return { episode, task, steps, subgoals, verdicts };
    },
    getBlobText: (hash) => store.blobs.getText(hash),
    getRunReport: (runId) => analyzeRun(store, runId),
    getSettings: settingsView,
    async updateSettings(patch) {
      await settingsStore.update(patch);
      return settingsView();
    },
    async setSecret(name, value) {
      await secrets.set(name, value);
      return settingsView();
    },
    async clearSecret(name) {
      await secrets.delete(name);
      return settingsView();
    },
    async startRun(request) {
      const { concurrency, ...rest } = request;
      const { runId, done } = await run({ ...rest, scheduler: concurrency ? { concurrency } : undefined });
      done.catch(() => undefined); // The run's status records the failure; nobody awaits it here.
      return { runId };
    },
    async forkEpisode(request) {
      const { runId, done } = await run(await forkRunRequest(deps, request));
      done.catch(() => undefined); // as startRun: the run's status records a failure
      return { runId };
    },
    async cancelRun(runId) {
      const started = active.get(runId);
      started?.cancel();
      return started !== undefined;
    },
    listSubgoalSets: (taskId) => inference.subgoalSets.list(taskId),
    saveSubgoalSet: (taskId, subgoals, note) => inferenceApi.saveHandSet(taskId, subgoals, note),
    generateSubgoals: (taskId) => inferenceApi.generateForTask(taskId),
    listPrompts: () => inference.prompts.latestAll(),
    listPromptVersions: (name) => inference.prompts.versions(name),
    savePrompt: (name, text, note) => inference.prompts.save(name, text, note),
    previewPrompt: (name, episodeId, t) => inferenceApi.previewPrompt(name, episodeId, t),
    tryAutoRater: (episodeId, t, index, promptText) => inferenceApi.tryAutoRater(episodeId, t, index, promptText),
    listVerdicts: (episodeId) => inference.verdicts.list(episodeId),
    async startTraining(request) {
      // The trainer trains on sandbox families (oracle demonstrations and predicate-judged rollouts).
      const known = new Set(catalog?.all().map((i) => i.family));
      const unknown = request.families.filter((f) => !known.has(f));
      if (unknown.length) throw new Error(`Unknown sandbox famil${unknown.length > 1 ? 'ies' : 'y'} ${unknown.join(', ')}; training needs the built-in sandbox's families.`);
      const { jobId, done } = await training.start(request);
      done.catch(() => undefined); // The job record holds the outcome.
      return { jobId };
    },
    cancelTraining: (jobId) => training.cancel(jobId),
    listTrainingJobs: () => training.list(),
    getTrainingJob: (jobId) => training.get(jobId),
  };

  return {
    api,
    events,
    store,
    pool,
    sandbox,
    catalog,
    miniwob,
    inference,
    training,
    run,
    resume,
    async close() {
      await training.close();
      await pool.close();
      await sandbox?.close();
      await miniwob.server?.close();
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
