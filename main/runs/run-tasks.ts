import type { GrammarName } from '../actions/grammars';
import { randomUUID } from 'node:crypto';
import type { EpisodeRecord, ForkProvenance, RunRecord, TaskRecord } from '../api/types';
import { runEpisode, type EpisodeDeps } from '../agent/episode-loop';
import type { ObservationFormat } from '../agent/observation-view';
import { WEBARENA_STOP_RULES, type StopRules } from '../agent/stop-rules';
import type { ScreenshotCapture } from '../agent/screenshot-capture';
import { evaluateMiniWob, type MiniWobSuccessRule } from '../eval/miniwob-reward';
import type { SandboxServer } from '../sandbox/server';
import type { MiniWobServer } from '../tasks/miniwob/server';
import type { SiteLogins } from '../tasks/site-login';
import type { SiteProfile } from '../tasks/site-profile';
import { predicateMonitor } from '../subgoals/monitor';
import type { LlmSelection } from '../api/inference-types';
import type { Inference } from '../agent/inference';
import { isLlmPolicy, type SgoSettings } from '../agent/sgo-settings';
import { createPolicy } from './policies';
import { preflightRun } from './preflight';
import { withForkPrefix } from './fork';
import { environmentFor, environmentProblem, homepageFor } from './run-environments';
import type { SandboxCatalog } from './sandbox-catalog';
import { DEFAULT_SCHEDULER, runJobs, type Job, type JobProgress, type SchedulerSettings } from './scheduler';

export interface RunTasksRequest {
  taskIds: string[];
  policy: string;
  seed?: number;
  /** `--seeds N`: every task runs with seeds seed … seed+N−1, whatever the task list; without it each task
   * runs once with seed + its index in the list. */
  seedsPerTask?: number;
  stopRules?: StopRules;
  /** The grammar the policy writes (oracle: any; LLM policies: the one the model was trained on). */
  grammar?: GrammarName;
  /** How the policy sees the page (oracle: any; LLM policies: what the model was trained on). */
  observationFormat?: ObservationFormat;
  /** Concurrency, per-episode time limit, infrastructure retries. */
  scheduler?: Partial<SchedulerSettings>;
  /** LLM policies: provider/model/thinking budget (Settings fill the rest) and SGO settings (K, re-plan N). */
  llm?: LlmSelection;
  sgo?: Partial<SgoSettings>;
  /** 'local': the trained policy's checkpoint (a phase-<n>.json file or a training job's directory). */
  checkpoint?: string;
  /** LLM policies: the version of their policy prompt (policy-react / policy-sgo); the latest by default. */
  promptVersion?: number;
  /** A fork (fork.ts): each episode first replays this episode's steps t < step, then the policy takes over. */
  fork?: ForkProvenance;
  /** Which steps keep a screenshot: 'all' (the default, as replay and the UI's runs need), 'first-last' for
   * sweeps, 'none'. Observations are stored either way. */
  capture?: ScreenshotCapture;
}

export interface RunTasksDeps extends EpisodeDeps {
  sandbox: SandboxServer | null;
  catalog: SandboxCatalog | null;
  /** Where imported WebArena tasks' sites are; read from the environment (SHOPPING=…, WA_SHOPPING=…) by default. */
  siteProfile?(): SiteProfile;
  /** The per-site login step for WebArena tasks that require a login. */
  logins?: SiteLogins;
  /** The MiniWoB++ server when a checkout is configured, else why not; and the success rule in force. */
  miniwob?: { server: MiniWobServer | null; problem: string | null; successRule: MiniWobSuccessRule };
  onRun?(run: RunRecord): void;
  onProgress?(runId: string, progress: JobProgress): void;
  /** Prompts, subgoal sets, verdicts and LLM clients; needed by the LLM policies. */
  inference?: Inference;
}

export interface StartedRun {
  runId: string;
  /** Settles with one final episode per task when the run has ended. */
  done: Promise<EpisodeRecord[]>;
  cancel(): void;
}

/** Creates a run and schedules its episodes. The run's config records everything needed to resume it. */
export async function startRun(deps: RunTasksDeps, request: RunTasksRequest): Promise<StartedRun> {
  const tasks = await loadTasks(deps, request.taskIds);
  await preflightRun(deps, request, tasks);
  const scheduler = { ...DEFAULT_SCHEDULER, ...request.scheduler };
  const run: RunRecord = {
    id: randomUUID(),
    kind: 'eval',
    config: {
      policy: request.policy,
      seed: request.seed ?? 0,
      ...(request.seedsPerTask ? { seedsPerTask: request.seedsPerTask } : {}),
      grammar: request.grammar ?? 'webarena',
      observationFormat: request.observationFormat ?? 'axtree',
      stopRules: request.stopRules ?? WEBARENA_STOP_RULES,
      scheduler,
      ...(tasks.some((t) => t.source === 'miniwob') ? { miniwobSuccess: deps.miniwob?.successRule } : {}),
      taskIds: request.taskIds,
      ...(request.llm ? { llm: request.llm } : {}),
      ...(request.sgo ? { sgo: request.sgo } : {}),
      ...(request.promptVersion !== undefined ? { promptVersion: request.promptVersion } : {}),
      ...(request.checkpoint ? { checkpoint: request.checkpoint } : {}),
      ...(request.fork ? { fork: request.fork } : {}),
      ...(request.capture && request.capture !== 'all' ? { capture: request.capture } : {}),
    },
    status: 'running',
    createdAt: new Date().toISOString(),
  };
  await deps.store.runs.create(run);
  deps.onRun?.(run);
  const jobs = jobsFor(tasks, request.seed ?? 0, request.seedsPerTask);
  return execute(deps, run, { ...request, scheduler }, jobs, new Map(tasks.map((t) => [t.id, t])));
}

/** Resumes an interrupted run (its process died, it was cancelled) or one that ended with infrastructure
 * failures: every task without a finished episode in the run is run again (interrupted and errored episodes
 * keep their recorded steps and stay as they are; the new attempt is a fresh episode, so no step is lost or
 * duplicated). Finished episodes are kept and not re-run. The run is claimed atomically first, so two resumes
 * at once never run a (task, seed) twice: the second is told the run is already running. */
export async function resumeRun(deps: RunTasksDeps, runId: string, overrides: Partial<SchedulerSettings> = {}): Promise<StartedRun> {
  const run = await deps.store.runs.get(runId);
  if (!run) throw new Error(`No run with id ${runId}.`);
  if (run.status === 'running') throw new Error(`Run ${runId} is already running.`);
  if (run.status === 'finished') throw new Error(`Run ${runId} has finished; there is nothing to resume.`);
  const config = run.config as unknown as RunTasksRequest & { taskIds: string[] };
  const request: RunTasksRequest = { ...config, scheduler: { ...DEFAULT_SCHEDULER, ...config.scheduler, ...overrides } };
  const tasks = await loadTasks(deps, config.taskIds);
  await preflightRun(deps, request, tasks);
  if (!(await deps.store.runs.claimForResume(runId))) throw new Error(`Run ${runId} is already running (another resume took it first).`);
  let jobs: Job[];
  try {
    const finished = new Set(
      (await deps.store.episodes.list({ runId, limit: 100_000 })).filter((e) => e.status === 'finished').map((e) => `${e.taskId}#${e.seed}`),
    );
    jobs = jobsFor(tasks, config.seed ?? 0, config.seedsPerTask)
      .filter((job) => !finished.has(`${job.taskId}#${job.seed}`))
      .map((job, index) => ({ ...job, index }));
  } catch (err) {
    await deps.store.runs.setStatus(runId, run.status).catch(() => undefined); // give the claim back
    throw err;
  }
  deps.onRun?.({ ...run, status: 'running' });
  return execute(deps, run, request, jobs, new Map(tasks.map((t) => [t.id, t])));
}

/** The (task, seed) pairs of a run: each task once with seed + its index, or with N seeds of its own. */
function jobsFor(tasks: TaskRecord[], seed: number, seedsPerTask: number | undefined): Job[] {
  const pairs = seedsPerTask
    ? tasks.flatMap((task) => Array.from({ length: seedsPerTask }, (_, k) => ({ taskId: task.id, seed: seed + k })))
    : tasks.map((task, i) => ({ taskId: task.id, seed: seed + i }));
  return pairs.map((pair, index) => ({ index, ...pair }));
}

async function loadTasks(deps: RunTasksDeps, taskIds: string[]): Promise<TaskRecord[]> {
  const tasks = await Promise.all(
    taskIds.map(async (id) => {
      const task = await deps.store.tasks.get(id);
      if (!task) throw new Error(`Unknown task "${id}".`);
      return task;
    }),
  );
  if (tasks.length === 0) throw new Error('A run needs at least one task.');
  // Fail before anything runs when a task cannot run here (missing site URLs, no MiniWoB++ checkout …).
  const problems = [...new Set(tasks.map((t) => environmentProblem(deps, t)).filter((p): p is string => p !== null))];
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return tasks;
}

function execute(deps: RunTasksDeps, run: RunRecord, request: RunTasksRequest, jobs: Job[], tasks: Map<string, TaskRecord>): StartedRun {
  const cancelController = new AbortController();
  const settings = { ...DEFAULT_SCHEDULER, ...request.scheduler };
  // MiniWoB++ episodes are scored with the success rule the run was started with, also when it is resumed
  // under another setting (docs/design/WEBARENA.md §5).
  const rule = (run.config as { miniwobSuccess?: MiniWobSuccessRule }).miniwobSuccess;
  const episodeDeps: EpisodeDeps = rule
    ? { ...deps, evaluate: (task, ctx) => (task.source === 'miniwob' ? evaluateMiniWob(ctx.page, rule) : deps.evaluate(task, ctx)) }
    : deps;
  const done = (async () => {
    let status: RunRecord['status'] = 'finished';
    try {
      const episodes = await runJobs(
        jobs,
        settings,
        async (job, signal) => {
          const task = tasks.get(job.taskId)!;
          // Sandbox tasks carry reference subgoals with predicates: every episode gets its progress vector.
          const subgoals = deps.catalog?.get(task.id)?.subgoals;
          const episodeId = randomUUID();
          const environment = environmentFor(deps, task, job.seed);
          const llm = isLlmPolicy(request.policy) && deps.inference
            ? await deps.inference.episodeContext({
              task, reference: subgoals, episodeId, seed: job.seed, policy: request.policy as 'react' | 'sgo',
              grammar: request.grammar, observationFormat: request.observationFormat, llm: request.llm, sgo: request.sgo,
              homepage: homepageFor(deps, task), promptVersion: request.promptVersion,
            })
            : undefined;
          // A cancel (Ctrl-C) or the time limit also cuts the policy's LLM call short instead of waiting it out.
          if (llm) llm.policy.signal = signal;
          const policy = await withForkPrefix(deps.store, createPolicy(request.policy, {
            instance: deps.catalog?.get(task.id), resolveUrl: environment.resolveUrl, seed: job.seed,
            grammar: request.grammar, observationFormat: request.observationFormat, llm, checkpoint: request.checkpoint,
          }), request.fork, environment.resolveUrl);
          const monitor = llm ? llm.monitor : subgoals?.length ? predicateMonitor(subgoals) : undefined;
          if (!llm && subgoals?.length) await deps.inference?.linkReference(episodeId, task.id, subgoals);
          return runEpisode(episodeDeps, { task, policy, environment, runId: run.id, seed: job.seed, stopRules: request.stopRules, signal, monitor, episodeId, forkedFrom: request.fork, capture: request.capture });
        },
        (progress) => deps.onProgress?.(run.id, progress),
        cancelController.signal,
      );
      // Episodes that ended in infrastructure failures (after their retries) leave the run unfinished: 'error'
      // says so, and `resume` runs them again.
      if (episodes.some((e) => e.status !== 'finished')) status = 'error';
      return episodes;
    } catch (err) {
      status = 'error';
      throw err;
    } finally {
      if (cancelController.signal.aborted) status = 'interrupted';
      await deps.store.runs.setStatus(run.id, status);
      deps.onRun?.({ ...run, status });
    }
  })();
  return { runId: run.id, done, cancel: () => cancelController.abort('cancelled') };
}
