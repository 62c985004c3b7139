// Progress labels p*_t: the regression targets of the potential critic (docs/design/MIRA.md §4.3,
// arXiv 2603.19685 §3, potential critic). progressLabels is the paper's, for successful episodes;
// failedProgressLabels extends it to failed ones (issue 16), because P shapes every episode and a critic
// that never saw a failure rates failing states as if they were on the way to success.

/**
 * Progress label p*_t for every state s_0..s_T of one successful episode.
 *
 * Subgoal j (1..K) completes at step t_j, with t_0 = 0 and p*(t_0) = 0. Between completions progress rises
 * linearly: for t_j ≤ t ≤ t_{j+1}, a = (t − t_j)/(t_{j+1} − t_j) and p*_t = ((1 − a)·j + a·(j + 1))/K.
 *
 * Gap anchoring: the K-th subgoal is pinned to the final step T, so the labels reach exactly 1.0 at T and
 * not before. Concretely:
 * - fewer than K completions: the remaining subgoals are pinned to T together, so progress climbs linearly
 *   from the last completion's level m/K to 1.0 at T (for m = K − 1 this is exactly the formula above);
 * - all K completed: t_K is replaced by T (the outcome is only known at the end, and a state after the
 *   rater's "done" but before the agent stops is not yet a finished task).
 * - a completion at t = 0 (subgoal satisfied by the start page) makes p*_0 = 1/K.
 *
 * Shapes: completionSteps has length m ≤ K, strictly increasing integers in [0, T]; the result has length
 * T + 1 (one label per state s_0..s_T), values in [0, 1], last value exactly 1.
 *
 * Worked example (docs/design/MIRA.md §4.3): K = 3, completions at 2 and 4, T = 9 →
 * [0, .1667, .3333, .5, .6667, .7333, .8, .8667, .9333, 1].
 */
export function progressLabels(completionSteps: readonly number[], T: number, K: number): number[] {
  checkCompletions('progressLabels', completionSteps, T, K);
  // Knots (time, level) of a piecewise-linear curve; several knots may share a time (completion at t = 0),
  // and the last knot at a given time wins.
  const knots = completionKnots(completionSteps, K);
  if (completionSteps.length === K) knots[knots.length - 1] = { t: T, level: 1 }; // pin t_K to T
  else knots.push({ t: T, level: 1 }); // the remaining subgoals share the anchor at T
  return interpolate(knots, T);
}

/**
 * Progress labels p*_0..p*_T of a FAILED episode (issue 16): the same linear rise between completions as
 * progressLabels, but no anchor at T: after the last completed milestone m the labels stay flat at m/K up to
 * s_T. An episode that completed nothing is labelled 0 throughout; one that completed all K subgoals and
 * still failed stays at 1 after t_K (its terminal shaping is set by the outcome, see shapedRewards).
 *
 * Worked example: K = 3, failed, completions at 2, T = 6 → [0, 1/6, 1/3, 1/3, 1/3, 1/3, 1/3].
 */
export function failedProgressLabels(completionSteps: readonly number[], T: number, K: number): number[] {
  checkCompletions('failedProgressLabels', completionSteps, T, K);
  const knots = completionKnots(completionSteps, K);
  knots.push({ t: T, level: knots[knots.length - 1].level });
  return interpolate(knots, T);
}

interface Knot {
  t: number;
  level: number;
}

function completionKnots(completionSteps: readonly number[], K: number): Knot[] {
  const knots: Knot[] = [{ t: 0, level: 0 }];
  completionSteps.forEach((t, i) => knots.push({ t, level: (i + 1) / K }));
  return knots;
}

/** Labels at t = 0..T of the piecewise-linear curve through `knots` (sorted by t, last knot at T). */
function interpolate(knots: readonly Knot[], T: number): number[] {
  const labels: number[] = new Array<number>(T + 1);
  let k = 0; // index of the last knot with knot.t <= t
  for (let t = 0; t <= T; t++) {
    while (k + 1 < knots.length && knots[k + 1].t <= t) k++;
    const left = knots[k];
    if (left.t === t || k + 1 === knots.length) {
      labels[t] = left.level;
      continue;
    }
    const right = knots[k + 1];
    const a = (t - left.t) / (right.t - left.t);
    labels[t] = (1 - a) * left.level + a * right.level;
  }
  return labels;
}

function checkCompletions(fn: string, completionSteps: readonly number[], T: number, K: number): void {
  if (!Number.isInteger(T) || T < 1) throw new Error(`${fn}: T must be an integer >= 1, got ${String(T)}`);
  if (!Number.isInteger(K) || K < 1) throw new Error(`${fn}: K must be an integer >= 1, got ${String(K)}`);
  if (!Array.isArray(completionSteps)) throw new Error(`${fn}: completionSteps must be an array`);
  if (completionSteps.length > K) {
    throw new Error(`${fn}: ${completionSteps.length} completion steps for only K = ${K} subgoals`);
  }
  completionSteps.forEach((t, i) => {
    if (!Number.isInteger(t) || t < 0 || t > T) {
      throw new Error(`${fn}: completionSteps[${i}] = ${String(t)} must be an integer in [0, T = ${T}]`);
    }
    if (i > 0 && t <= completionSteps[i - 1]) {
      throw new Error(
        `${fn}: completionSteps must be strictly increasing, got ${completionSteps[i - 1]} then ${t} at index ${i}`,
      );
    }
  });
}
