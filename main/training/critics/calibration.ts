// Held-out calibration of the value critic (docs/design/MIRA.md §4.2: V(s) estimates P(success | s)): a
// reliability diagram — predictions cut into equal-width bins, each bin's mean prediction against the rate
// at which its states' episodes succeeded — and the expected calibration error
//   ECE = Σ_b (n_b / N) · |observed_b − predicted_b|.
// A well-calibrated V puts every bin on the diagonal (ECE 0).

export interface ReliabilityBin {
  /** The bin's range [lo, hi) (the last bin includes 1). */
  lo: number;
  hi: number;
  count: number;
  /** Mean V of the bin's states; null for an empty bin. */
  meanPredicted: number | null;
  /** Share of the bin's states whose episode succeeded; null for an empty bin. */
  observedRate: number | null;
}

export interface ReliabilityDiagram {
  bins: ReliabilityBin[];
  /** States judged. */
  n: number;
  /** Expected calibration error; null with no states. */
  ece: number | null;
}

export const DEFAULT_RELIABILITY_BINS = 10;

/** `predicted[i]` ∈ [0, 1] against `outcomes[i]` ∈ {0, 1}, in `binCount` equal-width bins. */
export function reliabilityDiagram(predicted: readonly number[], outcomes: readonly number[], binCount = DEFAULT_RELIABILITY_BINS): ReliabilityDiagram {
  if (predicted.length !== outcomes.length) throw new Error(`reliabilityDiagram: ${predicted.length} predictions but ${outcomes.length} outcomes.`);
  if (!Number.isInteger(binCount) || binCount < 1) throw new Error(`reliabilityDiagram: binCount must be a positive integer, got ${binCount}.`);
  const sums = Array.from({ length: binCount }, () => ({ count: 0, predicted: 0, successes: 0 }));
  predicted.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new Error(`reliabilityDiagram: prediction ${i} is ${p}, not in [0, 1].`);
    const o = outcomes[i];
    if (o !== 0 && o !== 1) throw new Error(`reliabilityDiagram: outcome ${i} is ${o}, not 0 or 1.`);
    const bin = sums[Math.min(binCount - 1, Math.floor(p * binCount))];
    bin.count++;
    bin.predicted += p;
    bin.successes += o;
  });
  const n = predicted.length;
  let ece = 0;
  const bins = sums.map((s, b) => {
    const meanPredicted = s.count ? s.predicted / s.count : null;
    const observedRate = s.count ? s.successes / s.count : null;
    if (s.count) ece += (s.count / n) * Math.abs(observedRate! - meanPredicted!);
    return { lo: b / binCount, hi: (b + 1) / binCount, count: s.count, meanPredicted, observedRate };
  });
  return { bins, n, ece: n ? ece : null };
}
