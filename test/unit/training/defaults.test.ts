import { describe, expect, it } from 'vitest';
import { MiraDefaults } from '../../../main/training/defaults';

describe('MiraDefaults (docs/design/MIRA.md §6)', () => {
  it('holds the values docs/design/MIRA.md §6 gives (γ = 1: V is fitted to the undiscounted outcome, §4.9)', () => {
    expect(MiraDefaults).toEqual({
      alpha: 0.3,
      lambda: 0.5,
      gamma: 1,
      beta: 0.1,
      returnKind: 'shaped',
      perplexityBounds: [1 / 0.95, 1 / 0.5],
      replayCapRatio: 2,
      curriculumBand: [0.05, 0.75],
    });
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(MiraDefaults)).toBe(true);
    expect(Object.isFrozen(MiraDefaults.perplexityBounds)).toBe(true);
    expect(Object.isFrozen(MiraDefaults.curriculumBand)).toBe(true);
  });
});
