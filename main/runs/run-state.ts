import type { RunState } from '../api/run-state';
import { parseRunConfig } from '../api/run-config';
import type { Store } from '../store';
import { runningRefusal } from '../store/orphans';
import { plannedPairs, resumeRefusal } from './run-tasks';

/** A run's progress from what is stored: the pairs its config plans (the same list `resumeRun` schedules
 * from) against the episodes recorded so far. A pair counts as finished when any attempt at it finished,
 * which is also the test `resumeRun` uses to skip it. With `isAlive`, a run marked running is checked against
 * its owner as the core's `resume` checks it: an owner that is gone leaves it resumable. */
export async function runState(store: Pick<Store, 'runs' | 'episodes'>, runId: string, isAlive?: (pid: number) => boolean): Promise<RunState> {
  const run = await store.runs.get(runId);
  if (!run) throw new Error(`No run with id ${runId}.`);
  const config = parseRunConfig(run);
  const pairs = plannedPairs(config.taskIds, config.seed, config.seedsPerTask);
  const byPair = new Map<string, Set<string>>();
  for (const a of await store.episodes.attempts(runId)) {
    const key = `${a.taskId}#${a.seed}`;
    byPair.set(key, (byPair.get(key) ?? new Set()).add(a.status));
  }
  const statuses = pairs.map((p) => byPair.get(`${p.taskId}#${p.seed}`));
  return {
    runId,
    status: run.status,
    total: pairs.length,
    seedsPerTask: config.seedsPerTask ?? 1,
    finished: statuses.filter((s) => s?.has('finished')).length,
    running: statuses.filter((s) => s?.has('running') && !s.has('finished')).length,
    notStarted: statuses.filter((s) => s === undefined).length,
    resumeRefusal: await refusalNow(store, run, isAlive),
  };
}

async function refusalNow(store: Pick<Store, 'runs'>, run: Parameters<typeof resumeRefusal>[0], isAlive?: (pid: number) => boolean): Promise<string | null> {
  const refusal = resumeRefusal(run);
  if (run.status !== 'running' || run.kind === 'rollout' || !isAlive) return refusal;
  const owner = await store.runs.runningOwner(run.id, isAlive);
  if (owner === null || !owner.live) return owner === null ? refusal : null; // gone: `resume` releases it first
  return runningRefusal(run.id, owner);
}
