import { randomUUID } from 'node:crypto';
import type { EpisodeRecord, RunRecord, TaskRecord } from '../api/types';
import { parseRunConfig } from '../api/run-config';
import { WEBARENA_STOP_RULES } from '../agent/stop-rules';
import { predicateMonitor } from '../subgoals/monitor';
import { episodeJudge, keptJudge } from './evaluation-judge';
import { isLlmPolicy } from '../agent/sgo-settings';
import { createPolicy } from './policies';
import { preflightRun } from './preflight';
import { withForkPrefix } from './fork';
import { EpisodeRuntime } from './episode-runtime';
import { policyPrompt, resolvePromptPins } from './prompt-pins';
import { DEFAULT_SCHEDULER, runJobs, type Job, type SchedulerSettings } from './scheduler';
import type { RunTasksDeps, RunTasksRequest, StartedRun } from './types';

// The request, deps and started-run shapes live in types.ts (no import circle with fork.ts and
// run-environments.ts); they are re-exported here for the modules that start runs.
export type { RunTasksDeps, RunTasksRequest, StartedRun } from './types';

/** Creates a run and schedules its episodes. The run's config records everything needed to resume it. */
export async function startRun(deps: RunTasksDeps, request: RunTasksRequest): Promise<StartedRun> {
  const tasks = await loadTasks(deps, request.taskIds);
  // The judge of its fuzzy_match tasks is fixed now and recorded, so a resume or a report names the same one
  // (a fork's request carries its source run's: forkRunRequest).
  const judge = await preflightRun(preflightDeps(deps), request, tasks);
  if (judge) request = { ...request, judge };
  const scheduler = { ...DEFAULT_SCHEDULER, ...request.scheduler };
  const pinned = await withPromptPins(deps, request);
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
      ...(judge ? { judge } : {}),
      ...(request.sgo ? { sgo: request.sgo } : {}),
      ...(pinned.promptVersion !== undefined ? { promptVersion: pinned.promptVersion } : {}),
      ...(pinned.promptVersions ? { promptVersions: pinned.promptVersions } : {}),
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
  return execute(deps, run, { ...pinned, scheduler }, jobs, new Map(tasks.map((t) => [t.id, t])));
}

/** Resumes an interrupted run (its process died, it was cancelled) or one that ended with infrastructure
 * failures: every task without a finished episode in the run is run again (interrupted and errored episodes
 * keep their recorded steps and stay as they are; the new attempt is a fresh episode, so no step is lost or
 * duplicated). Finished episodes are kept and not re-run. The run is claimed atomically first, so two resumes
 * at once never run a (task, seed) twice: the second is told the run is already running. */
export async function resumeRun(deps: RunTasksDeps, runId: string, overrides: Partial<SchedulerSettings> = {}): Promise<StartedRun> {
  let run = await deps.store.runs.get(runId);
  if (!run) throw new Error(`No run with id ${runId}.`);
  const refusal = resumeRefusal(run);
  if (refusal) throw new Error(refusal);
  const config = parseRunConfig(run);
  const stored: RunTasksRequest = { ...config, scheduler: { ...DEFAULT_SCHEDULER, ...config.scheduler, ...overrides } };
  const tasks = await loadTasks(deps, config.taskIds);
  // The recorded judge, checked again; a run recorded before judges were keeps its own LLM, which judged its
  // earlier episodes, and records it now so the report and Compare name it.
  const judge = await preflightRun(preflightDeps(deps), { ...stored, judge: keptJudge(config) }, tasks);
  // The versions the run started with (a run stored before they were recorded: its policy prompt's, else the newest).
  const request = await withPromptPins(deps, judge ? { ...stored, judge } : stored);
  if (!(await deps.store.runs.claimForResume(runId))) throw new Error(`Run ${runId} is already running (another resume took it first).`);
  let jobs: Job[];
  try {
    if (judge && !config.judge) {
      run = { ...run, config: { ...run.config, judge } };
      await deps.store.runs.setConfig(runId, run.config);
    }
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

/** Why `resumeRun` refuses a run, or null when it can be resumed (the run page's Resume button asks too). */
export function resumeRefusal(run: Pick<RunRecord, 'id' | 'kind' | 'status'>): string | null {
  // Training rollouts are the trainer's record of a phase, not a run to finish: the job trains again instead.
  if (run.kind === 'rollout') return `Run ${run.id} holds a training job's episodes; it cannot be resumed (start the training job again).`;
  if (run.status === 'running') return `Run ${run.id} is already running.`;
  if (run.status === 'finished') return `Run ${run.id} has finished; there is nothing to resume.`;
  return null;
}

/** The (task, seed) pairs a run was started with: each task once with seed + its index, or with N seeds of its own. */
export function plannedPairs(taskIds: readonly string[], seed: number, seedsPerTask: number | undefined): { taskId: string; seed: number }[] {
  return seedsPerTask
    ? taskIds.flatMap((taskId) => Array.from({ length: seedsPerTask }, (_, k) => ({ taskId, seed: seed + k })))
    : taskIds.map((taskId, i) => ({ taskId, seed: seed + i }));
}

function jobsFor(tasks: TaskRecord[], seed: number, seedsPerTask: number | undefined): Job[] {
  return plannedPairs(tasks.map((t) => t.id), seed, seedsPerTask).map((pair, index) => ({ index, ...pair }));
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
  const runtime = new EpisodeRuntime(deps);
  const problems = [...new Set(tasks.map((t) => runtime.problemWith(t)).filter((p): p is string => p !== null))];
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return tasks;
}

/** The request with the version of every prompt its LLM policy sends fixed (prompt-pins.ts); others unchanged. */
async function withPromptPins(deps: RunTasksDeps, request: RunTasksRequest): Promise<RunTasksRequest> {
  if (!isLlmPolicy(request.policy) || !deps.inference) return request;
  const promptVersions = await resolvePromptPins(deps.inference.prompts, request.policy, request.promptVersion, request.promptVersions);
  const name = policyPrompt(request.policy);
  return { ...request, promptVersions, promptVersion: name ? promptVersions[name] : request.promptVersion };
}

const preflightDeps = (deps: RunTasksDeps) => ({ catalog: deps.catalog, inference: deps.inference ?? undefined, browser: deps.pool, siteProfile: deps.siteProfile, settings: deps.settings });

function execute(deps: RunTasksDeps, run: RunRecord, request: RunTasksRequest, jobs: Job[], tasks: Map<string, TaskRecord>): StartedRun {
  const cancelController = new AbortController();
  const settings = { ...DEFAULT_SCHEDULER, ...request.scheduler };
  const runtime = new EpisodeRuntime(deps);
  // MiniWoB++ episodes are scored with the success rule the run was started with, also when it is resumed
  // under another setting (docs/design/WEBARENA.md §5).
  const miniwobSuccess = parseRunConfig(run).miniwobSuccess;
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
          const llm = isLlmPolicy(request.policy) && deps.inference
            ? await deps.inference.episodeContext({
              task, reference: subgoals, episodeId, seed: job.seed, policy: request.policy as 'react' | 'sgo',
              grammar: request.grammar, observationFormat: request.observationFormat, llm: request.llm, sgo: request.sgo,
              homepage: runtime.homepageFor(task), promptVersion: request.promptVersion, promptVersions: request.promptVersions,
              // A cancel (Ctrl-C) or the time limit also cuts the episode's LLM calls (policy, planner, AutoRater)
              // short instead of waiting them out.
              signal,
            })
            : undefined;
          const monitor = llm ? llm.monitor : subgoals?.length ? predicateMonitor(subgoals) : undefined;
          const judge = await episodeJudge(deps.inference ?? undefined, { task, episodeId, llm: request.judge ?? request.llm, signal });
          if (!llm && subgoals?.length) await deps.inference?.linkReference(episodeId, task.id, subgoals);
          return runtime.run({
            task, seed: job.seed, runId: run.id, episodeId, stopRules: request.stopRules, signal, monitor, forkedFrom: request.fork,
            capture: request.capture, miniwobSuccess, judge,
            policy: (environment) => withForkPrefix(deps.store, createPolicy(request.policy, {
              instance: deps.catalog?.get(task.id), resolveUrl: environment.resolveUrl, seed: job.seed,
              grammar: request.grammar, observationFormat: request.observationFormat, llm, checkpoint: request.checkpoint,
            }), request.fork, environment.resolveUrl),
          });
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
