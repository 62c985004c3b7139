// From judged trajectories to the critics' targets (docs/design/MIRA.md §4.3): when each reference
// subgoal completed, as a state index, and the labels p*_0..p*_T of an episode (successful: the paper's
// labels; failed: flat after the last completed milestone, issue 16).
import { failedProgressLabels, progressLabels } from '../progress-labels';

/**
 * State index at which each subgoal completed, in order: the progress vector stored with step t is judged
 * after action t, so a subgoal first seen done there completes at state s_{t+1}. Only the prefix of
 * subgoals that completed is returned (the monitor completes them in order). Shapes: progressAfter [T][K].
 */
export function completionStates(progressAfter: readonly (readonly number[] | null)[], K: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < K; k++) {
    const t = progressAfter.findIndex((p) => p !== null && p[k] === 1);
    if (t < 0) break;
    out.push(t + 1);
  }
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
  const fine: number[] = [];
  completions.forEach((t, j) => {
    let ties = 0;
    for (let i = j + 1; i < completions.length && completions[i] === t; i++) ties++;
    fine.push(Math.max(0, t * scale - ties));
  });
  const labels = (success ? progressLabels : failedProgressLabels)(fine, T * scale, K);
  return Array.from({ length: T + 1 }, (_, t) => labels[t * scale]);
}
