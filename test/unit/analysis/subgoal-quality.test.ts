import { describe, expect, it } from 'vitest';
import { subgoalOutcomes, subgoalQuality, successRateByCompleted, type SubgoalOutcome } from '../../../main/analysis/subgoal-quality';
import { progressEpisode } from './build';

// Hand-worked table, K = 4, 8 episodes:
//   ep  completed  fraction  success   all-complete?
//   1   4          1.00      yes       yes  → TP
//   2   4          1.00      yes       yes  → TP
//   3   4          1.00      no        yes  → FP
//   4   3          0.75      yes       no   → FN
//   5   2          0.50      no        no   → TN
//   6   2          0.50      yes       no   → FN
//   7   1          0.25      no        no   → TN
//   8   0          0.00      no        no   → TN
// P = TP/(TP+FP) = 2/3; R = TP/(TP+FN) = 2/4 = 0.5; F1 = 2PR/(P+R) = (2/3)/(7/6) = 4/7 ≈ 0.5714.
// AUROC: positives {1, 1, .75, .5} vs negatives {1, .5, .25, 0}, 16 pairs, a tie = 0.5:
//   1 → .5+1+1+1 = 3.5;  1 → 3.5;  .75 → 0+1+1+1 = 3;  .5 → 0+.5+1+1 = 2.5;  sum 12.5 / 16 = 0.78125.
// Kendall τ-b (fraction vs success 0/1): n₀ = 28; ties in x: C(3,2) + C(2,2) = 3 + 1 = 4; ties in y:
//   C(4,2) + C(4,2) = 12. Of the 16 success/failure pairs, 3 tie in x (eps 1,2 vs 3; 6 vs 5); the other 13
//   split into C = 11 (12.5 − 3·0.5 wins from the AUROC count) and D = 2 (ep 4 vs 3, ep 6 vs 3).
//   τ-b = (11 − 2) / √((28 − 4)(28 − 12)) = 9 / √384 ≈ 0.459279.
// By completed count: 0 → 0/1, 1 → 0/1, 2 → 1/2, 3 → 1/1, 4 → 2/3 (not strictly increasing: 1 > 2/3).
const table: SubgoalOutcome[] = [
  { completed: 4, success: true },
  { completed: 4, success: true },
  { completed: 4, success: false },
  { completed: 3, success: true },
  { completed: 2, success: false },
  { completed: 2, success: true },
  { completed: 1, success: false },
  { completed: 0, success: false },
];

describe('subgoalQuality (docs/design/MIRA.md §2.3)', () => {
  it('reproduces the hand-worked table', () => {
    const q = subgoalQuality(table, 4);
    expect(q.n).toBe(8);
    expect(q.confusion).toEqual({ tp: 2, fp: 1, fn: 2, tn: 3 });
    expect(q.precision).toBeCloseTo(2 / 3, 12);
    expect(q.recall).toBe(0.5);
    expect(q.f1).toBeCloseTo(4 / 7, 12);
    expect(q.auroc).toBeCloseTo(0.78125, 12);
    expect(q.kendallTauB).toBeCloseTo(9 / Math.sqrt(384), 12);
    expect(q.kendallTauB).toBeCloseTo(0.459279, 6);
    expect(q.byCompleted.map((b) => [b.completed, b.successes, b.total])).toEqual([[0, 0, 1], [1, 0, 1], [2, 1, 2], [3, 1, 1], [4, 2, 3]]);
    expect(q.byCompleted.map((b) => b.rate)).toEqual([0, 0, 0.5, 1, 2 / 3]);
    expect(q.strictlyIncreasing).toBe(false);
  });

  it('reports a strictly rising success rate and skips empty bins', () => {
    // K = 2: completed 0 → 0/2, 1 → none, 2 → 1/1. Rates over non-empty bins: 0, 1 → strictly rising.
    const q = subgoalQuality([{ completed: 0, success: false }, { completed: 0, success: false }, { completed: 2, success: true }], 2);
    expect(q.byCompleted[1]).toEqual({ completed: 1, total: 0, successes: 0, rate: null });
    expect(q.strictlyIncreasing).toBe(true);
    expect(q).toMatchObject({ precision: 1, recall: 1, f1: 1, auroc: 1, kendallTauB: 1 });
  });

  it('returns null for undefined statistics instead of NaN', () => {
    // No episode completes all K = 3 and none succeeds: P (0/0), R (0/0), F1, AUROC (one class), τ-b (y constant).
    const q = subgoalQuality([{ completed: 1, success: false }, { completed: 2, success: false }], 3);
    expect(q).toMatchObject({ precision: null, recall: null, f1: null, auroc: null, kendallTauB: null });
    // All complete but all failed: P = 0/2 = 0, R = 0/0 → null, F1 null.
    const r = subgoalQuality([{ completed: 1, success: false }, { completed: 1, success: false }], 1);
    expect(r).toMatchObject({ precision: 0, recall: null, f1: null, strictlyIncreasing: null });
    // P = 0 and R = 0 both defined → F1 = 0: one all-complete failure, one partial success.
    const s = subgoalQuality([{ completed: 1, success: false }, { completed: 0, success: true }], 1);
    expect(s).toMatchObject({ precision: 0, recall: 0, f1: 0, auroc: 0 });
  });

  it('rejects bad input', () => {
    expect(() => subgoalQuality([], 4)).toThrow(/outcomes must be a non-empty array/);
    expect(() => subgoalQuality([{ completed: 5, success: true }], 4)).toThrow(/outcomes\[0\]\.completed must be an integer in \[0, K = 4\], got 5/);
    expect(() => subgoalQuality([{ completed: 1, success: 1 as unknown as boolean }], 4)).toThrow(/outcomes\[0\]\.success must be a boolean/);
    expect(() => successRateByCompleted([{ completed: 0, success: true }], 0)).toThrow(/K must be an integer >= 1/);
  });
});

describe('subgoalOutcomes', () => {
  it('reads the final completed count from each episode’s progress vectors', () => {
    // A: [1,0,0,0] then [1,1,0,0] → 2 done; B: all four done by the end → 4.
    const eps = [progressEpisode(false, [[1, 0, 0, 0], [1, 1, 0, 0]]), progressEpisode(true, [[0, 0, 0, 0], [1, 1, 1, 1]])];
    expect(subgoalOutcomes(eps, 4)).toEqual([{ completed: 2, success: false }, { completed: 4, success: true }]);
    expect(() => subgoalOutcomes([progressEpisode(true, [[1, 1]])], 4)).toThrow(/subgoalOutcomes: .*must have length K = 4/);
  });
});
