import { describe, expect, it } from 'vitest';
import { defaultConcurrency } from '../../../main/browser/default-concurrency';

// The default number of episodes in parallel: the cores divided by what one episode keeps busy, rounded down,
// at least one and at most the browser-context cap (main/browser/default-concurrency.ts). Hand-worked cases.
describe('defaultConcurrency', () => {
  it('divides the cores by the cores one episode uses, rounding down', () => {
    expect(defaultConcurrency(2, 0.9)).toBe(2); // 2 / 0.9 = 2.2
    expect(defaultConcurrency(2, 1.2)).toBe(1); // 1.67
    expect(defaultConcurrency(16, 0.9)).toBe(16); // 17.8, capped at 16 contexts
    expect(defaultConcurrency(16, 0.9, 8)).toBe(8);
    expect(defaultConcurrency(8, 1.5)).toBe(5); // 5.33
  });

  it('never goes below one, whatever it is told', () => {
    expect(defaultConcurrency(1, 1.76)).toBe(1);
    expect(defaultConcurrency(0, 0.9)).toBe(1);
    expect(defaultConcurrency(4, 0)).toBe(1);
    expect(defaultConcurrency(Number.NaN, 0.9)).toBe(1);
  });
});
