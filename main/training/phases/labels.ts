// From judged trajectories to the critics' targets (docs/design/MIRA.md §4.3): when each reference
// subgoal completed, as a state index, and the labels p*_0..p*_T of an episode (successful: the paper's
// labels; failed: flat after the last completed milestone, issue 16).
import { failedProgressLabels, progressLabels } from '../progress-labels';

/**
 * State index of each completion, in order: the progress vector stored with step t is judged after action t,
 * so a completion first seen there happens at state s_{t+1}. The labels count milestones (p* rises by 1/K per
 * completion, docs/design/MIRA.md §4.3), so the j-th completion is the first state at which j of the K subgoals
 * are done, whichever they are: subgoals done out of their listed order, or a vector that drops a milestone
 * and regains it, give non-decreasing states (ties are several completions by one action) instead of an
 * error that would fail a whole critic fit. In-order vectors give each subgoal's own first state, as before.
 * Shapes: progressAfter [T][≥K] (entries past K are ignored; null = not judged).
 */
export function completionStates(progressAfter: readonly (readonly number[] | null)[], K: number): number[] {
  const out: number[] = [];
  progressAfter.forEach((p, t) => {
    const done = p === null ? 0 : p.slice(0, K).filter((x) => x === 1).length;
    while (out.length < done) out.push(t + 1);
  });
  return out;
}

/**
 * Labels p*_0..p*_T (length T + 1) of an episode with K subgoals, via progressLabels (success, the default)
 * or failedProgressLabels.
 * Several subgoals may complete after the same action, which progressLabels (strictly increasing steps)
 * cannot express; so the time axis is refined by a factor K + 1, tied completions are spread over the
 * sub-steps just before their state, and the labels are read back at whole states. A tied state then gets
 * the level of its last completion, and interpolation elsewhere is unchanged up to the sub-step shift.
 */
export function episodeProgressLabels(completions: readonly number[], T: number, K: number, success = true): number[] {
  const scale = K + 1;
  // A success that completed all K has its K-th completion pinned to T (gap anchoring, docs/design/MIRA.md §4.3),
  // so it is a tie partner only at T; counting it where it was judged shifted the one before it a sub-step early
  // (K = 2, both done at state 3, T = 5 gave p*_4 = 0.79, not the formula's 0.75).
  const placed = success && completions.length === K ? [...completions.slice(0, -1), T] : completions;
  const fine: number[] = [];
  placed.forEach((t, j) => {
    let ties = 0;
    for (let i = j + 1; i < placed.length && placed[i] === t; i++) ties++;
    fine.push(Math.max(0, t * scale - ties));
  });
  const labels = (success ? progressLabels : failedProgressLabels)(fine, T * scale, K);
  return Array.from({ length: T + 1 }, (_, t) => labels[t * scale]);
}
