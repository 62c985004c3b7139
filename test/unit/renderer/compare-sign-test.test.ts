import { describe, expect, it } from 'vitest';
import { signTestP, signTestText } from '../../../renderer/src/features/compare/sign-test';

// Exact two-sided sign test, p = min(1, 2·Σ_{i ≤ min(b, w)} C(n, i) / 2ⁿ), n = b + w; values worked by hand
// (small n) and with exact fractions in Python (large n: Σ C(n, i) as integers over 2ⁿ).
describe('signTestP', () => {
  it('matches hand-worked values', () => {
    // n = 4, min = 1: 2·(C(4,0) + C(4,1))/16 = 2·5/16 = 0.625
    expect(signTestP(3, 1)).toBeCloseTo(0.625, 12);
    expect(signTestP(1, 3)).toBeCloseTo(0.625, 12);
    // n = 8, min = 0: 2·1/256 = 0.0078125
    expect(signTestP(8, 0)).toBeCloseTo(0.0078125, 12);
    // n = 12, min = 2: 2·(1 + 12 + 66)/4096 = 158/4096 = 0.03857421875
    expect(signTestP(10, 2)).toBeCloseTo(0.03857421875, 12);
  });

  it('is 1 with no changed task and capped at 1 for an even split', () => {
    expect(signTestP(0, 0)).toBe(1);
    // n = 10, min = 5: 2·638/1024 > 1
    expect(signTestP(5, 5)).toBe(1);
    // n = 1: 2·½ = 1 — one changed task is no evidence.
    expect(signTestP(1, 0)).toBe(1);
  });

  it('stays accurate for thousands of tasks (exact fractions from Python)', () => {
    expect(signTestP(530, 470)).toBeCloseTo(0.06202319509836318, 10);
    expect(signTestP(1500, 1300) / 0.0001684116226437612).toBeCloseTo(1, 9);
    expect(signTestP(600, 400) / 2.7284641560660184e-10).toBeCloseTo(1, 9);
  });

  it('rejects counts that are not whole numbers >= 0', () => {
    expect(() => signTestP(-1, 2)).toThrow(/better must be an integer >= 0, got -1/);
    expect(() => signTestP(1, 0.5)).toThrow(/worse must be an integer >= 0, got 0.5/);
  });
});

describe('signTestText', () => {
  it('gives the counts, the p-value and what it means', () => {
    expect(signTestText(3, 1, 6)).toBe(
      'B did better than A on 3 tasks, worse on 1 task and the same on 6. Exact two-sided sign test over the 4 tasks that changed: p = 0.625 (a difference this large is common by chance: no clear winner).',
    );
    expect(signTestText(0, 8, 0)).toBe(
      'B did better than A on 0 tasks, worse on 8 tasks and the same on 0. Exact two-sided sign test over the 8 tasks that changed: p = 0.008 (a difference this large is unlikely by chance).',
    );
    expect(signTestText(600, 400, 0)).toContain('p < 0.001');
    expect(signTestText(0, 0, 2)).toBe('B did better than A on 0 tasks, worse on 0 tasks and the same on 2. No task changed outcome: no evidence either run is better.');
  });
});
