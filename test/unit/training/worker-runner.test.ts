import { describe, expect, it } from 'vitest';
import { variantConcurrency } from '../../../main/services/worker-runner';

// Issue 16: variants train side by side, one worker per free core, never more workers than variants.
describe('variantConcurrency', () => {
  it('is min(variants, max(1, floor(cores / 1)))', () => {
    expect(variantConcurrency(2, 2)).toBe(2);
    expect(variantConcurrency(7, 2)).toBe(2);
    expect(variantConcurrency(1, 16)).toBe(1);
    expect(variantConcurrency(3, 1)).toBe(1);
    expect(variantConcurrency(3, 0)).toBe(1); // a machine reporting no free core still trains, one at a time
  });

  it('takes --parallel-variants over the core count, still capped by the variants', () => {
    expect(variantConcurrency(2, 1, 2)).toBe(2);
    expect(variantConcurrency(2, 16, 1)).toBe(1);
    expect(variantConcurrency(2, 16, 5)).toBe(2);
  });
});
