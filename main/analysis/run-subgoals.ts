// Which of a run's scored episodes the subgoal heatmap and the subgoal quality statistics read
// (docs/design/MIRA.md §2.3, §5), or why there are none.

import type { AnalyzedEpisode } from './trajectory';

export type RunSubgoalEpisodes =
  | {
      ok: true;
      K: number;
      /** Last step index of the longest episode (heatmap columns 0..maxT). */
      maxT: number;
      /** Every scored episode; one that took no step carries an empty progress list (nothing done). */
      episodes: AnalyzedEpisode[];
    }
  | { ok: false; reason: string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The run's episodes with one K across every progress vector. A scored episode that took no step (the page
 * failed its check before the first action, or the policy stopped at once) recorded no vector, yet it reached
 * no subgoal: it counts as nothing done rather than hiding the run's subgoals. An episode that took steps but
 * recorded no vector is unknown, not zero, so then nothing is shown, with the reason.
 */
export function runSubgoalEpisodes(all: readonly AnalyzedEpisode[]): RunSubgoalEpisodes {
  if (all.length > 0 && all.every((e) => e.steps.length === 0)) {
    return { ok: false, reason: 'Every scored episode ended before its first step, so none recorded subgoal progress.' };
  }
  const recorded = all.filter((e) => e.progress && e.progress.length > 0);
  if (recorded.every((e) => e.progress!.every((z) => z.length === 0))) {
    return { ok: false, reason: 'No episode of this run recorded subgoal progress (its policy kept no subgoals), so there is nothing to compare with the outcomes.' };
  }
  const unknown = all.filter((e) => e.steps.length > 0 && !(e.progress && e.progress.length > 0)).length;
  if (unknown > 0) {
    return { ok: false, reason: `${plural(unknown, 'scored episode', 'scored episodes')} of ${all.length} took steps but recorded no subgoal progress, so the run's subgoal completion is not known for every episode.` };
  }
  const lengths = [...new Set(recorded.flatMap((e) => e.progress!.map((z) => z.length)))].sort((a, b) => a - b);
  // A run recorded before re-plans kept K (issue 21) mixes lengths; its completion fractions do not compare.
  if (lengths.length !== 1) {
    return { ok: false, reason: `The episodes recorded different numbers of subgoals (K = ${lengths.join(', ')}), so their completion cannot be compared.` };
  }
  return {
    ok: true,
    K: lengths[0],
    maxT: Math.max(...recorded.map((e) => e.steps.length - 1)),
    episodes: all.map((e) => (e.steps.length === 0 ? { ...e, progress: [] } : e)),
  };
}
