import { describe, expect, it } from 'vitest';
import { CORES_PER_EPISODE, defaultConcurrency } from '../../../main/browser/default-concurrency';

// The default number of episodes in parallel: the cores divided by what one episode keeps busy, rounded up,
// plus one spare to fill the waits episodes share; at least one and at most the browser-context cap
// (main/browser/default-concurrency.ts). Hand-worked cases.
describe('defaultConcurrency', () => {
  it('divides the cores by the cores one episode uses, rounds up and adds one', () => {
    expect(defaultConcurrency(2, 1.15)).toBe(3); // 2 / 1.15 = 1.74 → 2, + 1
    expect(defaultConcurrency(2, CORES_PER_EPISODE)).toBe(3); // 2 / 1.2 = 1.67 → 2, + 1: 3 on the 2-core reference box
    expect(defaultConcurrency(2, 1)).toBe(3); // exactly 2 → 2, + 1
    expect(defaultConcurrency(1, 1.15)).toBe(2); // 0.87 → 1, + 1
    expect(defaultConcurrency(8, 1.5)).toBe(7); // 5.33 → 6, + 1
    expect(defaultConcurrency(16, 1.15)).toBe(15); // 13.9 → 14, + 1
    expect(defaultConcurrency(32, 1.15)).toBe(16); // 27.8 → 28, + 1, capped at 16 contexts
    expect(defaultConcurrency(16, 1.15, 8)).toBe(8);
  });

  it('never goes below one, whatever it is told', () => {
    expect(defaultConcurrency(0, 0.9)).toBe(1);
    expect(defaultConcurrency(4, 0)).toBe(1);
    expect(defaultConcurrency(Number.NaN, 0.9)).toBe(1);
    expect(defaultConcurrency(2, 1.15, 1)).toBe(1); // a cap of one context
  });
});
