// Reading an episode's subgoal progress vectors z ∈ {0,1}^K (docs/design/MIRA.md §3) for the heatmap and the subgoal
// quality statistics (docs/design/MIRA.md §2, §5).

import type { AnalyzedEpisode } from './trajectory';

export function assertK(fn: string, K: number): void {
  if (!Number.isInteger(K) || K < 1) throw new Error(`${fn}: K must be an integer >= 1, got ${String(K)}`);
}

/**
 * done[i][k] = subgoal k was marked done at some step index ≤ i. "Done by" is cumulative: once the AutoRater
 * said yes the milestone stays done even if a later vector (after a re-plan) shows 0, so the curve is
 * monotone. Indices are positions in `ep.progress` (= step indices). Entries must be exactly 0 or 1 and every
 * vector must have length K; an episode without progress is an error (filter such episodes first).
 */
export function cumulativeDone(ep: AnalyzedEpisode, K: number, fn = 'cumulativeDone'): boolean[][] {
  assertK(fn, K);
  if (!Array.isArray(ep.progress)) throw new Error(`${fn}: episode of task ${ep.taskId} has no progress vectors`);
  const state = new Array<boolean>(K).fill(false);
  return ep.progress.map((z, i) => {
    if (!Array.isArray(z) || z.length !== K) {
      throw new Error(`${fn}: episode of task ${ep.taskId} progress[${i}] must have length K = ${K}, got ${Array.isArray(z) ? z.length : String(z)}`);
    }
    z.forEach((v, k) => {
      if (v !== 0 && v !== 1) throw new Error(`${fn}: episode of task ${ep.taskId} progress[${i}][${k}] must be 0 or 1, got ${String(v)}`);
      if (v === 1) state[k] = true;
    });
    return [...state];
  });
}

/** Number of subgoals done by the end of the episode (0..K); 0 for an episode with no progress entries. */
export function completedCount(ep: AnalyzedEpisode, K: number, fn = 'completedCount'): number {
  const done = cumulativeDone(ep, K, fn);
  return done.length === 0 ? 0 : done[done.length - 1].filter(Boolean).length;
}
