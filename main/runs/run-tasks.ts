import type { GrammarName } from '../actions/grammars';
import { randomUUID } from 'node:crypto';
import type { EpisodeRecord, RunRecord } from '../api/types';
import { runEpisode, type EpisodeDeps, type EpisodeEnvironment } from '../agent/episode-loop';
import type { StopRules } from '../agent/stop-rules';
import type { SandboxServer } from '../sandbox/server';
import { sandboxEnvironment } from './environments';
import { createPolicy } from './policies';
import type { SandboxCatalog } from './sandbox-catalog';

export interface RunTasksRequest {
  taskIds: string[];
  policy: string;
  seed?: number;
  stopRules?: StopRules;
  /** The grammar the policy writes (oracle: any; LLM policies: the one the model was trained on). */
  grammar?: GrammarName;
}

export interface RunTasksDeps extends EpisodeDeps {
  sandbox: SandboxServer | null;
  catalog: SandboxCatalog | null;
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
  const run: RunRecord = {
    id: randomUUID(),
    kind: 'eval',
    config: { policy: request.policy, seed: request.seed ?? 0, grammar: request.grammar ?? 'webarena', taskIds: request.taskIds },
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
        const environment = environmentFor(deps, task.source);
        const policy = createPolicy(request.policy, { instance, resolveUrl: environment.resolveUrl, seed, grammar: request.grammar });
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

function environmentFor(deps: RunTasksDeps, source: string): EpisodeEnvironment {
  if (source === 'sandbox') {
    if (!deps.sandbox) throw new Error('Sandbox tasks need the sandbox server, which this core was started without.');
    return sandboxEnvironment(deps.sandbox);
  }
  throw new Error(`Running ${source} tasks needs a site profile; only sandbox tasks are supported in this version.`);
}
