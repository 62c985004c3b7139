// Rank statistics used to judge subgoals as a progress signal (docs/design/MIRA.md §2.3: AUROC 0.84, Kendall τ 0.459).
// Both return null where the statistic is undefined (one class only, a constant variable) rather than NaN.

function assertFinite(fn: string, name: string, xs: readonly number[]): void {
  if (!Array.isArray(xs as unknown)) throw new Error(`${fn}: ${name} must be an array of numbers`);
  xs.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`${fn}: ${name}[${i}] must be a finite number, got ${String(x)}`);
  });
}

function assertSameLength(fn: string, a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) throw new Error(`${fn}: inputs have different lengths (${a.length} and ${b.length})`);
}

/** Average (mid) ranks, 1-based: tied values share the mean of the ranks they span. */
export function midRanks(xs: readonly number[]): number[] {
  assertFinite('midRanks', 'xs', xs);
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const ranks = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && xs[order[j + 1]] === xs[order[i]]) j++;
    const rank = (i + 1 + (j + 1)) / 2;
    for (let m = i; m <= j; m++) ranks[order[m]] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * AUROC of `scores` for the positive class, in Mann–Whitney form: the probability that a random positive
 * scores above a random negative, a tie counting 0.5. With mid-ranks R₊ summed over the n₊ positives,
 * U = R₊ − n₊(n₊+1)/2 and AUROC = U / (n₊·n₋). Null when either class is empty.
 */
export function aurocMannWhitney(scores: readonly number[], labels: readonly boolean[]): number | null {
  assertFinite('aurocMannWhitney', 'scores', scores);
  if (!Array.isArray(labels as unknown) || labels.some((l) => typeof l !== 'boolean')) throw new Error('aurocMannWhitney: labels must be an array of booleans');
  assertSameLength('aurocMannWhitney', scores, labels);
  const nPos = labels.filter(Boolean).length;
  const nNeg = labels.length - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  const ranks = midRanks(scores);
  const rankSum = ranks.reduce((sum, r, i) => (labels[i] ? sum + r : sum), 0);
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/**
 * Kendall's τ-b = (C − D) / √((n₀ − n₁)(n₀ − n₂)), with C/D the concordant/discordant pairs, n₀ = n(n−1)/2,
 * n₁ and n₂ the pairs tied in x and in y. O(n²) pairs, fine for the few thousand episodes of a run. Null when
 * either variable is constant (or n < 2), where τ-b is undefined.
 */
export function kendallTauB(x: readonly number[], y: readonly number[]): number | null {
  assertFinite('kendallTauB', 'x', x);
  assertFinite('kendallTauB', 'y', y);
  assertSameLength('kendallTauB', x, y);
  const n = x.length;
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign(x[i] - x[j]);
      const dy = Math.sign(y[i] - y[j]);
      if (dx === 0) tiesX++;
      if (dy === 0) tiesY++;
      if (dx * dy > 0) concordant++;
      else if (dx * dy < 0) discordant++;
    }
  }
  const n0 = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((n0 - tiesX) * (n0 - tiesY));
  return denominator === 0 ? null : (concordant - discordant) / denominator;
}
