import { describe, expect, it } from 'vitest';
import { meanPassAtK, passAtK } from '../../../main/analysis/pass-at-k';

/** Exact C(n, k) with BigInt, only to check the product form on large n. */
function binom(n: number, k: number): bigint {
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}

describe('passAtK (docs/design/MIRA.md §5, 1 − C(n−c, k)/C(n, k))', () => {
  it('matches hand-computed values', () => {
    // n = 5, c = 2, k = 2: 1 − C(3,2)/C(5,2) = 1 − 3/10 = 0.7
    expect(passAtK(5, 2, 2)).toBeCloseTo(0.7, 12);
    // k = 1 is the success fraction: 1 − C(3,1)/C(5,1) = 1 − 3/5 = 0.4
    expect(passAtK(5, 2, 1)).toBeCloseTo(0.4, 12);
    // n = 10, c = 3, k = 5: 1 − C(7,5)/C(10,5) = 1 − 21/252 = 11/12 ≈ 0.916667
    expect(passAtK(10, 3, 5)).toBeCloseTo(11 / 12, 12);
    // n = 10, c = 3, k = 2: 1 − C(7,2)/C(10,2) = 1 − 21/45 = 24/45 ≈ 0.533333
    expect(passAtK(10, 3, 2)).toBeCloseTo(24 / 45, 12);
  });

  it('is 0 with no successes and 1 when every k-subset must contain one', () => {
    expect(passAtK(5, 0, 3)).toBe(0); // empty product: 1 − 1
    expect(passAtK(5, 5, 3)).toBe(1); // c = n
    expect(passAtK(5, 4, 2)).toBe(1); // k = 2 > n − c = 1
    expect(passAtK(5, 1, 5)).toBe(1); // k = n with one success
  });

  it('stays exact for large n where factorials would overflow', () => {
    // n = 200, c = 100, k = 50: compare with the exact ratio C(100,50)/C(200,50) from BigInt (scaled by 1e18).
    const ratio = Number((binom(100, 50) * 10n ** 18n) / binom(200, 50)) / 1e18;
    expect(passAtK(200, 100, 50)).toBeCloseTo(1 - ratio, 12);
    // n = 1000, c = 1, k = 1: 1/1000.
    expect(passAtK(1000, 1, 1)).toBeCloseTo(0.001, 15);
  });

  it('rejects invalid counts', () => {
    expect(() => passAtK(5, 2, 6)).toThrow(/k must be in \[1, n = 5\], got 6/);
    expect(() => passAtK(5, 2, 0)).toThrow(/k must be in \[1, n = 5\], got 0/);
    expect(() => passAtK(5, 6, 1)).toThrow(/c must be in \[0, n = 5\], got 6/);
    expect(() => passAtK(5, -1, 1)).toThrow(/c must be in \[0, n = 5\], got -1/);
    expect(() => passAtK(0, 0, 1)).toThrow(/n must be >= 1/);
    expect(() => passAtK(5.5, 2, 1)).toThrow(/n must be an integer, got 5.5/);
    expect(() => passAtK(5, 2, Number.NaN)).toThrow(/k must be an integer, got NaN/);
  });
});

describe('meanPassAtK', () => {
  it('averages per-task pass@k', () => {
    // k = 2: task A (5, 2) → 0.7; task B (10, 3) → 24/45; task C (4, 0) → 0.
    // mean = (0.7 + 0.533333 + 0) / 3 = 1.233333 / 3 ≈ 0.411111
    expect(meanPassAtK([{ n: 5, c: 2 }, { n: 10, c: 3 }, { n: 4, c: 0 }], 2)).toBeCloseTo((0.7 + 24 / 45) / 3, 12);
  });

  it('rejects an empty list and a k larger than some task’s n, naming the task', () => {
    expect(() => meanPassAtK([], 1)).toThrow(/non-empty array/);
    expect(() => meanPassAtK([{ n: 5, c: 1 }, { n: 2, c: 1 }], 3)).toThrow(/k must be in \[1, n = 2\] \(task 1\), got 3/);
  });
});
