import { describe, expect, it } from 'vitest';
import { aurocMannWhitney, kendallTauB, midRanks } from '../../../main/analysis/rank-stats';

describe('midRanks', () => {
  it('gives tied values the mean of the ranks they span', () => {
    // sorted: 1 (rank 1), 2 (rank 2), 3, 3 (ranks 3 and 4 → 3.5 each)
    expect(midRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
    expect(midRanks([])).toEqual([]);
  });
});

describe('aurocMannWhitney', () => {
  it('equals the pairwise win rate with ties counted 0.5', () => {
    // positives {.9, .4}, negatives {.6, .4, .1}: .9 beats 3 → 3; .4 loses to .6, ties .4, beats .1 → 1.5.
    // (3 + 1.5) / (2·3) = 4.5 / 6 = 0.75
    expect(aurocMannWhitney([0.9, 0.4, 0.6, 0.4, 0.1], [true, true, false, false, false])).toBeCloseTo(0.75, 12);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one, 0.5 when everything ties, null with one class', () => {
    expect(aurocMannWhitney([0.9, 0.8, 0.1], [true, true, false])).toBe(1);
    expect(aurocMannWhitney([0.1, 0.8, 0.9], [true, false, false])).toBe(0);
    expect(aurocMannWhitney([0.5, 0.5, 0.5, 0.5], [true, false, true, false])).toBe(0.5);
    expect(aurocMannWhitney([0.2, 0.3], [true, true])).toBeNull();
  });

  it('rejects bad input', () => {
    expect(() => aurocMannWhitney([0.1], [true, false])).toThrow(/different lengths \(1 and 2\)/);
    expect(() => aurocMannWhitney([Number.NaN], [true])).toThrow(/scores\[0\] must be a finite number/);
    expect(() => aurocMannWhitney([0.1], [1 as unknown as boolean])).toThrow(/labels must be an array of booleans/);
  });
});

describe('kendallTauB', () => {
  it('without ties is (C − D) / n₀', () => {
    // x 1 2 3 4, y 1 3 2 4: of 6 pairs only (2nd, 3rd) is discordant → (5 − 1) / 6 = 0.6667
    expect(kendallTauB([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(4 / 6, 12);
    expect(kendallTauB([1, 2, 3], [3, 2, 1])).toBe(-1);
  });

  it('corrects for ties in each variable', () => {
    // points (1,1) (2,2) (2,3) (3,3): pairs 1-2 C, 1-3 C, 1-4 C, 2-3 tied in x, 2-4 C, 3-4 tied in y.
    // C = 4, D = 0, n₀ = 6, n₁ = 1, n₂ = 1 → 4 / √(5·5) = 0.8
    expect(kendallTauB([1, 2, 2, 3], [1, 2, 3, 3])).toBeCloseTo(0.8, 12);
  });

  it('is null for a constant variable or fewer than two points; rejects bad input', () => {
    expect(kendallTauB([1, 1, 1], [0, 1, 0])).toBeNull();
    expect(kendallTauB([1], [1])).toBeNull();
    expect(() => kendallTauB([1, 2], [1])).toThrow(/different lengths \(2 and 1\)/);
    expect(() => kendallTauB([1, Infinity], [1, 2])).toThrow(/x\[1\] must be a finite number/);
  });
});
