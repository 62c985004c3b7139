import { describe, expect, it } from 'vitest';
import { heldOutNotes, variantConcurrency } from '../../../main/services/worker-runner';

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

// docs/design/MIRA.md §4.6: a MiRA phase whose held-out slice lacked an outcome has no value held-out BCE; the
// phase result says why, for the phase table, instead of leaving a blank (or, before, a false near-zero BCE).
describe('heldOutNotes', () => {
  it('explains a missing value held-out BCE from the held-out outcomes', () => {
    expect(heldOutNotes({ valueLoss: 0.3, heldOutSuccesses: 0, heldOutFailures: 4 })).toEqual({
      'value held-out BCE': expect.stringMatching(/^not available: no success could be held out/),
    });
    expect(heldOutNotes({ valueLoss: 0.3, heldOutSuccesses: 0, heldOutFailures: 0 })!['value held-out BCE']).toMatch(/no episode/);
  });

  it('says nothing when the phase measured it, or fitted no critics (SFT)', () => {
    expect(heldOutNotes({ valueLoss: 0.3, valueHeldOut: 0.4, heldOutSuccesses: 1, heldOutFailures: 4 })).toBeNull();
    expect(heldOutNotes({ keptAfterFilter: 10 })).toBeNull();
    expect(heldOutNotes(undefined)).toBeNull();
  });
});
