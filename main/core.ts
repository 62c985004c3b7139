import { join } from 'node:path';
import type { CoreInfo, WorkbenchApi } from './api/contract';
import { DEFAULT_TASK_PAGE, MAX_TASK_PAGE } from './api/schemas';
import { REGISTRIES } from './api/registries';
import type { EpisodeRecord } from './api/types';
import { BrowserPool } from './browser/pool';
import { parseEndpointList } from './api/endpoint-spec';
import type { MiniWobSuccessRule } from './eval/miniwob-reward';
import { EventHub } from './events';
import { watchRuns } from './store/run-watch';
import { TrainingJobs, type TrainingRunner } from './services/training-jobs';
import { CriticFitJobs } from './services/critic-fit-jobs';
import { workerTrainingRunner } from './services/worker-runner';
import { includeJobTestSplits, jobTestInstances } from './services/job-test-split';
import type { TrainingOptions } from './training/worker/protocol';
import { TrainingDefaults, trainerStopRules } from './training/training-defaults';
import { MemorySecretStore, type SecretStore } from './settings/secret-store';
import { createSettingsApi } from './settings/settings-api';
import { SettingsStore } from './settings/settings-store';
import { SiteLogins } from './tasks/site-login';
import { siteProfileFromEnv } from './tasks/site-profile';
import type { SettingsPatch, SettingsView } from './api/settings';
import { resolveCheckpoint } from './training/model/checkpoint-path';
import { startSandboxServer, type SandboxServer } from './sandbox/server';
import { openStore, type Store } from './store';
import { SandboxCatalog } from './runs/sandbox-catalog';
import { ActiveRuns } from './runs/active-runs';
import { resumeRun, startRun, type RunTasksRequest, type StartedRun } from './runs/run-tasks';
import type { JobProgress, SchedulerSettings } from './runs/scheduler';
import { homepageFor } from './runs/run-environments';
import { analyzeRun } from './runs/analyze-run';
import { PendingAnalyses } from './runs/pending-analyses';
import { resolveSummarizer, type SummarizerChoice } from './services/llm-summarizer';
import { runLlmUsage } from './store/run-llm-usage';
import { closeOrphans, releaseIfOrphaned } from './store/orphans';
import { runState } from './runs/run-state';
import { forkRunRequest } from './runs/fork';
import { startFork } from './runs/fork-start';
import type { TaskRecord } from './api/types';
import { episodeDetail, episodeStepWindow, openReplay, type EpisodeSources } from './services/episode-detail';
import { planHistory } from './subgoals/plan';
import { withVersionUse } from './subgoals/version-use';
import { resolveMiniWobSuccess, startMiniWob, type MiniWobSetup } from './runs/miniwob-setup';
import { checkMiniWobDir, listedMiniWobTaskIds, miniwobDirChoice, switchMiniWobCheckout } from './runs/miniwob-settings';
import type { SiteProfile } from './tasks/site-profile';
import { Inference } from './services/inference';
import { InferenceApi } from './services/inference-api';
import type { LlmRuntimeOptions } from './llm/client-factory';
import { observeStartPage } from './services/start-page';
import { studyView } from './training/study/study-view';

export const VERSION = '0.1.0';

export interface CoreOptions {
  dataDir: string;
  browserPath?: string | null;
  /** A running Playwright browser server to use instead of launching Chromium (tests share one this way). */
  browserWsEndpoint?: string | null;
  /** Remote browser endpoints (and the local one's cap) for this process: `--browser-endpoint`,
   * MIRA_BROWSER_ENDPOINTS; default settings.json's browserEndpoints (main/api/endpoint-spec.ts). */
  browserEndpoints?: readonly string[];
  /** The built-in sandbox sites; false to run without them. */
  sandbox?: { port?: number; datasetSeed?: number; instancesPerFamily?: number } | false;
  mode?: CoreInfo['mode'];
  /** Where API keys live: the OS keychain in the desktop app; memory (+ environment) by default. */
  secrets?: SecretStore;
  /** An LLM that writes a short summary of each failed episode after a run (docs/design/MIRA.md §1): a given model,
   * or 'configured' for the Settings' LLM when one is usable (services/llm-summarizer.ts); off when absent. */
  summarizer?: SummarizerChoice;
  /** A miniwob-plusplus checkout (default: MINIWOB_DIR) and the success rule (default 'browsergym'). */
  miniwob?: { dir?: string | null; successRule?: MiniWobSuccessRule };
  /** Site URLs for imported WebArena tasks; default: read from the environment at each run. */
  siteProfile?: SiteProfile;
  /** This process's settings from the command line and environment (--provider, --base-url, MIRA_OPENAI_BASE_URL,
   * …), laid over settings.json and never written into it. */
  settingsOverrides?: SettingsPatch;
  /** LLM retries, per-attempt time-out and response cache (default: the client's defaults, cache in dataDir/llm-cache),
   * and whether environment API keys may go to a custom endpoint (the command-line opt-in; default no). */
  llm?: LlmRuntimeOptions;
  /** The trainer behind training jobs (default: the tfjs trainer worker) and its options (epochs, …). */
  training?: { runner?: TrainingRunner; trainer?: Partial<TrainingOptions>; /** Critic fits on recorded runs (tests: a long fit). */ criticFit?: { patience?: number; maxEpochs?: number } };
  /** Open the data directory for reading only (`list` and `analyze` on a read-only folder): no sandbox, no
   * MiniWoB++ registration, nothing written. */
  readOnly?: boolean;
  /** Process-wide caps: active runs (more are refused, default 8) and open browser contexts (more wait, default 16). */
  limits?: { maxActiveRuns?: number; maxBrowserContexts?: number };
}

export interface Core {
  api: WorkbenchApi;
  events: EventHub;
  store: Store;
  pool: BrowserPool;
  sandbox: SandboxServer | null;
  catalog: SandboxCatalog | null;
  miniwob: MiniWobSetup;
  /** Prompts, subgoal sets, verdicts and LLM call records (docs/design/MIRA.md §2, §3). */
  inference: Inference;
  /** Training jobs (docs/design/MIRA.md §4): records in dataDir/training, next to their checkpoints. */
  training: TrainingJobs;
  /** Starts a run and also returns a promise of its finished episodes (the CLI and tests wait on it). */
  run(request: RunTasksRequest): Promise<StartedRun>;
  /** A requested checkpoint as the real path of a checkpoint file inside dataDir/training, or a clear error
   * (issue 14); relative paths are taken from `base` (the CLI passes its working directory). */
  resolveCheckpoint(requested: string, base?: string): Promise<string>;
  /** The desktop shell's native file dialog, after the user confirmed: the only way besides --browser and
   * MIRA_BROWSER to choose the browser. Not part of `api` (neither the WebSocket nor the renderer's IPC). */
  setBrowserPathFromTrustedShell(path: string | null): Promise<SettingsView>;
  /** Resumes a run whose process died: tasks without a finished episode run again. */
  resume(runId: string, scheduler?: Partial<SchedulerSettings>): Promise<StartedRun>;
  /** Ctrl-C / SIGTERM: cancels the active runs, waits up to graceMs for them to record their episodes, then
   * closes (browser last). Returns the runs that were still going when the wait ended. */
  shutdown(graceMs?: number): Promise<string[]>;
  close(): Promise<void>;
}

/** The composition root: wires store, browser pool, sandbox and runs for one data directory. No module-level
 * state, so tests create isolated cores in temp directories. */
export async function createCore(options: CoreOptions): Promise<Core> {
  resolveMiniWobSuccess(options.miniwob?.successRule); // a bad rule fails here, before anything is started
  const readOnly = options.readOnly === true;
  const store = await openStore(options.dataDir, { readOnly });
  // Episodes a killed process left 'running' are closed as interrupted, their completed steps kept.
  if (!readOnly) await closeOrphans(store, isProcessAlive);
  const settingsStore = new SettingsStore(options.dataDir, options.settingsOverrides);
  await settingsStore.load().catch(() => undefined); // a broken settings.json is reported by getSettings
  const pool = new BrowserPool({
    browserPath: options.browserPath ?? settingsStore.current().browserPath, wsEndpoint: options.browserWsEndpoint, maxContexts: options.limits?.maxBrowserContexts,
    endpoints: parseEndpointList(options.browserEndpoints ?? settingsStore.current().browserEndpoints),
  });
  const events = new EventHub();
  const inference = new Inference({
    store,
    settings: () => settingsStore.load(),
    secrets: () => secrets,
    runtime: { cacheDir: join(options.dataDir, 'llm-cache'), ...options.llm },
  });

  let sandbox: SandboxServer | null = null;
  let catalog: SandboxCatalog | null = null;
  if (options.sandbox !== false && !readOnly) {
    const settings = options.sandbox ?? {};
    sandbox = await startSandboxServer({ port: settings.port ?? 0, datasetSeed: settings.datasetSeed ?? 1 });
    catalog = new SandboxCatalog(settings.datasetSeed ?? 1, settings.instancesPerFamily ?? 5);
    await catalog.register(store);
  }
  // Critics fitted on recorded runs (issue 17), beside the training jobs' checkpoints.
  const criticFits = new CriticFitJobs(store, join(options.dataDir, 'training'), { backend: () => settingsStore.current().trainerBackend, maxEpochs: options.training?.trainer?.criticEpochs, ...options.training?.criticFit, isAlive: isProcessAlive });
  const training = new TrainingJobs(
    join(options.dataDir, 'training'),
    options.training?.runner ?? workerTrainingRunner({
      datasetSeed: (options.sandbox && options.sandbox.datasetSeed) || 1,
      dataDir: options.dataDir,
      browserPath: () => options.browserPath ?? settingsStore.current().browserPath,
      backend: () => settingsStore.current().trainerBackend,
      trainer: options.training?.trainer,
    }),
    (progress) => events.emit('training', progress),
    isProcessAlive,
  );
  // MiniWoB++ tasks are offered when a checkout is configured; a bad one is reported when a run needs it.
  const miniwob = await startMiniWob(store, readOnly ? { dir: null } : { ...options.miniwob, dir: miniwobDirChoice(options.miniwob?.dir, settingsStore.current().miniwobDir) });

  const deps = {
    store,
    pool,
    sandbox,
    catalog,
    miniwob,
    // Site URLs: an explicit profile, else the Settings page's over the environment's (SHOPPING=… / WA_…).
    siteProfile: options.siteProfile ? () => options.siteProfile! : () => siteProfileFromEnv({ ...process.env, ...settingsStore.current().siteProfile }),
    logins: new SiteLogins(pool),
    onStep: (step: Parameters<typeof events.emit<'step'>>[1]) => events.emit('step', step),
    onEpisode: (episode: EpisodeRecord) => events.emit('episode', episode),
    onRun: (run: Parameters<typeof events.emit<'run'>>[1]) => events.emit('run', run),
    inference,
    settings: () => settingsStore.load(), // the fuzzy_match judge setting (runs/evaluation-judge.ts)
    // AutoRater verdicts are stored and streamed as they are made, so the UI watches milestones live.
    onVerdicts: (episodeId: string, t: number, verdicts: Parameters<Inference['recordVerdicts']>[2]) =>
      inference.recordVerdicts(episodeId, t, verdicts, (v) => events.emit('verdict', v)),
    onProgress: (runId: string, progress: JobProgress) => events.emit('progress', { runId, done: progress.done, total: progress.total, episodeId: progress.episode.id, retrying: progress.retrying }),
  };
  // Every finished run is analysed (docs/design/MIRA.md §1): failed episodes get a category and a key decision step.
  const analyses = new PendingAnalyses(); // close() waits for them before the store closes
  const analysed = (started: StartedRun): StartedRun => ({
    ...started,
    done: started.done.then(async (episodes) => {
      const analyse = async () => analyzeRun(store, started.runId, await resolveSummarizer(options.summarizer, inference).catch(() => undefined));
      await analyses.track(started.runId, analyse, (err) => /no scored episodes/.test(err.message));
      return episodes;
    }),
  });
  // Runs started or resumed by this process, so the UI and Ctrl-C can cancel them; capped (issue 14).
  const active = new ActiveRuns(options.limits?.maxActiveRuns);
  const run = (request: RunTasksRequest) => active.admit(async () => analysed(await startRun(deps, request)));
  // A run left 'running' by an owner that is gone is released first; one that really runs is refused saying where.
  const resume = (runId: string, scheduler?: Partial<SchedulerSettings>) =>
    active.admit(async () => {
      if (!readOnly) await releaseIfOrphaned(store, runId, isProcessAlive);
      return analysed(await resumeRun(deps, runId, scheduler));
    });
  // An open UI (web or desktop) shows runs the CLI records meanwhile (issue 21); the CLI needs no watching.
  const stopRunWatch = options.mode === 'web' || options.mode === 'desktop' ? watchRuns(store.runs, (r) => events.emit('run', r)).stop : () => undefined;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      stopRunWatch();
      await training.close();
      await criticFits.close();
      await pool.close();
      await sandbox?.close();
      await miniwob.server?.close();
      await analyses.settle();
      await store.close();
    })());

  const secrets = options.secrets ?? new MemorySecretStore();
  const episodeSources: EpisodeSources = {
    store, subgoals: (id) => inference.subgoalSets.forEpisode(id), plans: (id) => planHistory(inference.subgoalSets, id), verdicts: (id) => inference.verdicts.list(id),
  };
  const inferenceApi = new InferenceApi(store, inference, (task) => observeStartPage(deps, task), (task) => homepageFor(deps, task));
  const settingsApi = createSettingsApi(settingsStore, secrets, options.llm);
  const checkpoint = (requested: string | undefined) => (requested === undefined ? undefined : resolveCheckpoint(options.dataDir, requested));

  const api: WorkbenchApi = {
    async info() {
      return {
        version: VERSION,
        dataDir: options.dataDir,
        browser: { executablePath: pool.location.executablePath, source: pool.location.source, problem: pool.location.problem },
        sandboxUrl: sandbox?.baseUrl ?? null,
        mode: options.mode ?? 'cli',
        registries: REGISTRIES,
        defaultConcurrency: pool.defaultConcurrency(),
      };
    },
    async listTasks(query = {}) {
      const offset = query.offset ?? 0;
      const page = await store.tasks.page({ source: query.source, offset, limit: Math.min(query.limit ?? DEFAULT_TASK_PAGE, MAX_TASK_PAGE), miniwobIds: listedMiniWobTaskIds(miniwob), includeTraining: query.includeTraining });
      return { ...page, offset };
    },
    listRuns: () => store.runs.list(),
    browserEndpoints: async () => pool.endpointStatus(),
    listEpisodes: (query) => store.episodes.listSummaries(query),
    listEpisodePage: (query) => store.episodes.page(query),
    listRunSummaries: () => store.runs.summaries(),
    async annotateEpisode(episodeId, annotation) {
      const note = annotation.note?.trim() ? annotation.note : null;
      if (!(await store.episodes.annotate(episodeId, note, annotation.tags))) throw new Error(`No episode with id ${episodeId}.`);
      return { note, tags: [...new Set(annotation.tags)].sort() };
    },
    getEpisode: (id) => episodeDetail(episodeSources, id),
    openReplay: (id, step) => openReplay(episodeSources, id, step),
    getEpisodeSteps: (id, from, to) => episodeStepWindow(episodeSources, id, from, to),
    getBlobText: (hash) => store.blobs.getText(hash),
    getRunReport: (runId) => analyzeRun(store, runId, undefined, (id) => criticFits.episodeCritics(id).then((c) => c?.values ?? null)),
    getRunLlmUsage: (runId) => runLlmUsage(store.db, runId),
    getSettings: settingsApi.getSettings,
    async updateSettings(patch) {
      // The MiniWoB++ checkout field: a folder that is not a checkout is refused before anything is saved; a
      // good one is opened at once, unless --miniwob-dir chose the checkout for this session.
      // The page sends every field on each save: only a changed folder is checked and reopened.
      const changed = patch.miniwobDir !== undefined && patch.miniwobDir !== settingsStore.current().miniwobDir;
      if (changed) await checkMiniWobDir(patch.miniwobDir!);
      const view = await settingsApi.updateSettings(patch);
      if (changed && !readOnly && options.miniwob?.dir === undefined) {
        await switchMiniWobCheckout(store, miniwob, view.settings.miniwobDir);
      }
      return view;
    },
    setSecret: settingsApi.setSecret,
    clearSecret: settingsApi.clearSecret,
    async startRun(request) {
      const { concurrency, subgoalSetId, ...rest } = request;
      // A checkpoint outside dataDir/training is a configuration error: refused before any run row exists.
      const { runId, done } = await run({
        ...rest, checkpoint: await checkpoint(rest.checkpoint), scheduler: concurrency ? { concurrency } : undefined,
        ...(subgoalSetId !== undefined ? { sgo: { subgoalSetId } } : {}), // pinned by id (main/subgoals/pinned-set.ts)
      });
      done.catch(() => undefined); // The run's status records the failure; nobody awaits it here.
      return { runId };
    },
    async forkEpisode(request) {
      const fork = await forkRunRequest(deps, { ...request, checkpoint: await checkpoint(request.checkpoint) });
      // Answers once the new policy has taken over; a prefix that diverged is reported, not stored (fork-start.ts).
      return startFork({ store, events }, fork.fork!, async () => {
        const started = await run(fork);
        started.done.catch(() => undefined); // as startRun: the run's status records a failure
        return started;
      });
    },
    async cancelRun(runId) {
      const started = active.get(runId);
      started?.cancel();
      return started !== undefined;
    },
    getRunState: (runId) => runState(store, runId, readOnly ? undefined : isProcessAlive),
    async resumeRun(runId) {
      // The CLI's `resume` (runs/run-tasks.ts resumeRun): refusals (finished, running) reject with the reason.
      const { done } = await resume(runId);
      done.catch(() => undefined); // as startRun: the run's status records a failure
      return { runId };
    },
    async listSubgoalSets(taskId) {
      // A sandbox task that never had a set shows its reference set, stored as version 1, so the Subgoals page
      // opens on the task's current set even before the task first ran (issue 21). Never on top of others.
      const versions = await inference.subgoalSets.list(taskId);
      const reference = catalog?.get(taskId)?.subgoals;
      const listed = versions.length > 0 || !reference?.length || readOnly ? versions : [await inference.referenceSet(taskId, reference)];
      // Each says what new runs do with it: the newest may be an episode's re-plan, which none starts from.
      return withVersionUse(listed, await store.tasks.get(taskId));
    },
    saveSubgoalSet: (taskId, subgoals, note) => inferenceApi.saveHandSet(taskId, subgoals, note),
    generateSubgoals: (taskId) => inferenceApi.generateForTask(taskId),
    listPrompts: () => inference.prompts.latestAll(),
    listPromptVersions: (name) => inference.prompts.versions(name),
    savePrompt: (name, text, note) => inference.prompts.save(name, text, note),
    previewPrompt: (name, episodeId, t, promptText) => inferenceApi.previewPrompt(name, episodeId, t, promptText),
    tryAutoRater: (episodeId, t, index, promptText) => inferenceApi.tryAutoRater(episodeId, t, index, promptText),
    listVerdicts: (episodeId) => inference.verdicts.list(episodeId),
    async startTraining(request) {
      // The trainer trains on sandbox families (oracle demonstrations and predicate-judged rollouts).
      const known = new Set(catalog?.all().map((i) => i.family));
      const unknown = request.families.filter((f) => !known.has(f));
      if (unknown.length) throw new Error(`Unknown sandbox famil${unknown.length > 1 ? 'ies' : 'y'} ${unknown.join(', ')}; training needs the built-in sandbox's families.`);
      // The test split is kept on the job and made runnable here, for "run on the test split" (issue 21).
      const testSplit = catalog ? jobTestInstances(request, catalog.datasetSeed) : [];
      await catalog?.include(testSplit, store);
      // Its evaluations' stop rules too, so a run on that split is comparable with them.
      const evaluationRules = trainerStopRules(options.training?.trainer?.maxSteps ?? TrainingDefaults.maxSteps);
      const { jobId, done } = await training.start(request, testSplit.map((i) => i.id), evaluationRules);
      done.catch(() => undefined); // The job record holds the outcome.
      return { jobId };
    },
    cancelTraining: (jobId) => training.cancel(jobId),
    async listTrainingJobs() {
      const jobs = await training.list();
      await includeJobTestSplits(catalog, store, jobs); // jobs of other processes or larger splits
      return jobs;
    },
    getTrainingJob: (jobId) => training.get(jobId),
    getTrainingStudy: async (jobId) => studyView(await training.get(jobId)),
    async startCriticFit(request) {
      const { fitId, done } = await criticFits.start(request);
      done.catch(() => undefined); // The fit's record holds the outcome.
      return { fitId };
    },
    cancelCriticFit: (fitId) => criticFits.cancel(fitId),
    listCriticFits: (runId) => criticFits.list(runId),
    getEpisodeCritics: (episodeId) => criticFits.episodeCritics(episodeId),
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
    resolveCheckpoint: (requested, base) => resolveCheckpoint(options.dataDir, requested, base),
    async setBrowserPathFromTrustedShell(path) {
      const view = await settingsApi.setBrowserPathFromTrustedShell(path);
      // The next run launches the chosen browser (a --browser flag still wins, as at start).
      if (!options.browserPath) pool.useBrowserPath(view.settings.browserPath);
      return view;
    },
    async shutdown(graceMs = 10_000) {
      const left = await active.cancelAll(graceMs);
      await close();
      return left;
    },
    close,
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
