import type { GrammarName } from '../actions/grammars';
import { randomUUID } from 'node:crypto';
import type { EpisodeRecord, RunRecord, TaskRecord } from '../api/types';
import { runEpisode, type EpisodeDeps, type EpisodeEnvironment } from '../agent/episode-loop';
import type { ObservationFormat } from '../agent/observation-view';
import { WEBARENA_STOP_RULES, type StopRules } from '../agent/stop-rules';
import type { MiniWobSuccessRule } from '../eval/miniwob-reward';
import type { SandboxServer } from '../sandbox/server';
import type { MiniWobServer } from '../tasks/miniwob/server';
import { siteProfileFromEnv, type SiteProfile } from '../tasks/site-profile';
import { sandboxEnvironment } from './environments';
import { miniwobEnvironment } from './miniwob-environment';
import { createPolicy } from './policies';
import type { SandboxCatalog } from './sandbox-catalog';
import { missingSitesProblem, webArenaEnvironment } from './webarena-environment';

export interface RunTasksRequest {
  taskIds: string[];
  policy: string;
  seed?: number;
  stopRules?: StopRules;
  /** The grammar the policy writes (oracle: any; LLM policies: the one the model was trained on). */
  grammar?: GrammarName;
  /** How the policy sees the page (oracle: any; LLM policies: what the model was trained on). */
  observationFormat?: ObservationFormat;
}

export interface RunTasksDeps extends EpisodeDeps {
  sandbox: SandboxServer | null;
  catalog: SandboxCatalog | null;
  /** Where imported WebArena tasks' sites are; read from the environment (SHOPPING=…, WA_SHOPPING=…) by default. */
  siteProfile?(): SiteProfile;
  /** The MiniWoB++ server when a checkout is configured, else why not; and the success rule in force. */
  miniwob?: { server: MiniWobServer | null; problem: string | null; successRule: MiniWobSuccessRule };
  onRun?(run: RunRecord): void;
}

/** Creates a run and its episodes, one after another (the concurrent scheduler comes with the LLM agents).
 * Returns the run id at once; `done` settles when every episode has ended. */
export async function startRun(deps: RunTasksDeps, request: RunTasksRequest): Promise<{ runId: string; done: Promise<EpisodeRecord[]> }> {
  const tasks = await Promise.all(
    request.taskIds.map(async (id) => {
      const task = await deps.store.tasks.get(id);
      if (!task) throw new Error(`Unknown task "${id}".`);
      return task;
    }),
  );
  if (tasks.length === 0) throw new Error('A run needs at least one task.');
  // Fail before the run exists when a task cannot run here (missing site URLs, no MiniWoB++ checkout …).
  const problems = [...new Set(tasks.map((t) => environmentProblem(deps, t)).filter((p): p is string => p !== null))];
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const run: RunRecord = {
    id: randomUUID(),
    kind: 'eval',
    config: {
      policy: request.policy,
      seed: request.seed ?? 0,
      grammar: request.grammar ?? 'webarena',
      observationFormat: request.observationFormat ?? 'axtree',
      stopRules: request.stopRules ?? WEBARENA_STOP_RULES,
      ...(tasks.some((t) => t.source === 'miniwob') ? { miniwobSuccess: deps.miniwob?.successRule } : {}),
      taskIds: request.taskIds,
    },
    status: 'running',
    createdAt: new Date().toISOString(),
  };
  await deps.store.runs.create(run);
  deps.onRun?.(run);

  const done = (async () => {
    const episodes: EpisodeRecord[] = [];
    let status: RunRecord['status'] = 'finished';
    try {
      for (const [i, task] of tasks.entries()) {
        const seed = (request.seed ?? 0) + i;
        const instance = deps.catalog?.get(task.id);
        const environment = environmentFor(deps, task, seed);
        const policy = createPolicy(request.policy, {
          instance, resolveUrl: environment.resolveUrl, seed, grammar: request.grammar, observationFormat: request.observationFormat,
        });
        episodes.push(await runEpisode(deps, { task, policy, environment, runId: run.id, seed, stopRules: request.stopRules }));
      }
    } catch (err) {
      status = 'error';
      throw err;
    } finally {
      await deps.store.runs.setStatus(run.id, status);
      deps.onRun?.({ ...run, status });
    }
    return episodes;
  })();
  return { runId: run.id, done };
}

function environmentFor(deps: RunTasksDeps, task: TaskRecord, seed: number): EpisodeEnvironment {
  const problem = environmentProblem(deps, task);
  if (problem) throw new Error(problem);
  if (task.source === 'sandbox') return sandboxEnvironment(deps.sandbox!);
  if (task.source === 'miniwob') return miniwobEnvironment(deps.miniwob!.server!, seed);
  return webArenaEnvironment(task, siteProfileOf(deps));
}

/** Why a task cannot run with these deps, or null. */
function environmentProblem(deps: RunTasksDeps, task: TaskRecord): string | null {
  switch (task.source) {
    case 'sandbox':
      return deps.sandbox ? null : 'Sandbox tasks need the sandbox server, which this core was started without.';
    case 'miniwob':
      return deps.miniwob?.server ? null : (deps.miniwob?.problem ?? 'MiniWoB++ tasks need a miniwob-plusplus checkout: set MINIWOB_DIR.');
    case 'webarena':
      return missingSitesProblem(task, siteProfileOf(deps));
    default:
      return `Tasks from "${String(task.source)}" cannot be run.`;
  }
}

function siteProfileOf(deps: RunTasksDeps): SiteProfile {
  return deps.siteProfile ? deps.siteProfile() : siteProfileFromEnv();
}
