import type { GrammarName } from '../actions/grammars';
import { randomUUID } from 'node:crypto';
import type { EpisodeRecord, ForkProvenance, RunRecord, TaskRecord } from '../api/types';
import { runEpisode, type EpisodeDeps } from '../agent/episode-loop';
import type { ObservationFormat } from '../agent/observation-view';
import { WEBARENA_STOP_RULES, type StopRules } from '../agent/stop-rules';
import type { MiniWobSuccessRule } from '../eval/miniwob-reward';
import type { SandboxServer } from '../sandbox/server';
import type { MiniWobServer } from '../tasks/miniwob/server';
import type { SiteLogins } from '../tasks/site-login';
import type { SiteProfile } from '../tasks/site-profile';
import { predicateMonitor } from '../subgoals/monitor';
import type { LlmSelection } from '../api/inference-types';
import type { Inference } from '../agent/inference';
import { isLlmPolicy, type SgoSettings } from '../agent/sgo-settings';
import { createPolicy } from './policies';
import { withForkPrefix } from './fork';
import { environmentFor, environmentProblem, homepageFor } from './run-environments';
import type { SandboxCatalog } from './sandbox-catalog';
import { DEFAULT_SCHEDULER, runJobs, type Job, type JobProgress, type SchedulerSettings } from './scheduler';

export interface RunTasksRequest {
  taskIds: string[];
  policy: string;
  seed?: number;
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
  await checkLlm(deps, request);
  const scheduler = { ...DEFAULT_SCHEDULER, ...request.scheduler };
  const run: RunRecord = {
    id: randomUUID(),
    kind: 'eval',
    config: {
      policy: request.policy,
      seed: request.seed ?? 0,
      grammar: request.grammar ?? 'webarena',
      observationFormat: request.observationFormat ?? 'axtree',
      stopRules: request.stopRules ?? WEBARENA_STOP_RULES,
      scheduler,
      ...(tasks.some((t) => t.source === 'miniwob') ? { miniwobSuccess: deps.miniwob?.successRule } : {}),
      taskIds: request.taskIds,
      ...(request.llm ? { llm: request.llm } : {}),
      ...(request.sgo ? { sgo: request.sgo } : {}),
      ...(request.promptVersion !== undefined ? { promptVersion: request.promptVersion } : {}),
      ...(request.fork ? { fork: request.fork } : {}),
    },
    status: 'running',
    createdAt: new Date().toISOString(),
  };
  await deps.store.runs.create(run);
  deps.onRun?.(run);
  const jobs = tasks.map((task, index) => ({ index, taskId: task.id, seed: (request.seed ?? 0) + index }));
  return execute(deps, run, { ...request, scheduler }, jobs, new Map(tasks.map((t) => [t.id, t])));
}

/** Resumes a run whose process died: every task without a finished episode in the run is run again
 * (interrupted episodes keep their recorded steps and stay as they are; the new attempt is a fresh episode,
 * so no step is lost or duplicated). Finished episodes are kept and not re-run. */
export async function resumeRun(deps: RunTasksDeps, runId: string, overrides: Partial<SchedulerSettings> = {}): Promise<StartedRun> {
  const run = await deps.store.runs.get(runId);
  if (!run) throw new Error(`No run with id ${runId}.`);
  if (run.status === 'running') throw new Error(`Run ${runId} is still running in another process.`);
  const config = run.config as unknown as RunTasksRequest & { taskIds: string[] };
  const request: RunTasksRequest = { ...config, scheduler: { ...DEFAULT_SCHEDULER, ...config.scheduler, ...overrides } };
  const tasks = await loadTasks(deps, config.taskIds);
  const finished = new Set(
    (await deps.store.episodes.list({ runId, limit: 100_000 })).filter((e) => e.status === 'finished').map((e) => `${e.taskId}#${e.seed}`),
  );
  const jobs: Job[] = tasks
    .map((task, i) => ({ index: i, taskId: task.id, seed: (config.seed ?? 0) + i }))
    .filter((job) => !finished.has(`${job.taskId}#${job.seed}`))
    .map((job, index) => ({ ...job, index }));
  await deps.store.runs.setStatus(runId, 'running');
  deps.onRun?.({ ...run, status: 'running' });
  return execute(deps, run, request, jobs, new Map(tasks.map((t) => [t.id, t])));
}

/** An LLM policy without a usable provider fails before anything runs, saying what to configure. */
async function checkLlm(deps: RunTasksDeps, request: RunTasksRequest): Promise<void> {
  if (!isLlmPolicy(request.policy)) return;
  if (!deps.inference) throw new Error(`The ${request.policy} policy needs the LLM services of a core.`);
  await deps.inference.llm(request.llm);
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
  const done = (async () => {
    let status: RunRecord['status'] = 'finished';
    try {
      return await runJobs(
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
          const policy = await withForkPrefix(deps.store, createPolicy(request.policy, {
            instance: deps.catalog?.get(task.id), resolveUrl: environment.resolveUrl, seed: job.seed,
            grammar: request.grammar, observationFormat: request.observationFormat, llm, checkpoint: request.checkpoint,
          }), request.fork);
          const monitor = llm ? llm.monitor : subgoals?.length ? predicateMonitor(subgoals) : undefined;
          if (!llm && subgoals?.length) await deps.inference?.linkReference(episodeId, task.id, subgoals);
          return runEpisode(deps, { task, policy, environment, runId: run.id, seed: job.seed, stopRules: request.stopRules, signal, monitor, episodeId, forkedFrom: request.fork });
        },
        (progress) => deps.onProgress?.(run.id, progress),
        cancelController.signal,
      );
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
