import { describe, expect, it } from 'vitest';
import { MIRA_BAND_FIELDS, MIRA_NUMBER_FIELDS, DEFAULT_PERPLEXITY_FILTER, DEFAULT_RETURN_KIND, overridesText } from '../../../main/api/mira-overrides';
import { validateRequest } from '../../../main/api/schemas';
import { MiraDefaults } from '../../../main/training/defaults';
import { TrainingDefaults } from '../../../main/training/training-defaults';

// A training job's MiRA settings (docs/design/MIRA.md §6): the API refuses a value the trainer would fail on
// later (β = 0 failed the job at its first policy step, after demos, SFT, rollouts and the critics' fit).
const base = { variants: ['full'], phases: 1, families: ['shop/add-to-cart'], instancesPerFamily: 5, seed: 1 };
const start = (overrides: unknown) => () => validateRequest('startTraining', [{ ...base, overrides }]);

describe('startTraining overrides', () => {
  it('refuses β = 0 with a message naming beta and its range', () => {
    expect(start({ beta: 0 })).toThrow('startTraining: argument 0.overrides.beta: beta must be a number in (0, 100]');
    expect(start({ beta: -0.1 })).toThrow('overrides.beta');
    expect(start({ beta: 101 })).toThrow('overrides.beta');
    expect(start({ beta: 0.001 })).not.toThrow();
    expect(start({ beta: 100 })).not.toThrow();
  });

  it('holds α, λ, γ, the replay cap and the held-out fraction to the ranges the trainer uses them in', () => {
    const cases: [string, number, boolean][] = [
      ['alpha', 0, true], ['alpha', 10, true], ['alpha', -0.01, false], ['alpha', 10.5, false],
      ['lambda', 0, true], ['lambda', 1, true], ['lambda', 1.01, false], ['lambda', -1, false],
      ['gamma', 0, true], ['gamma', 1, true], ['gamma', 1.1, false],
      ['replayCapRatio', 0, true], ['replayCapRatio', 100, true], ['replayCapRatio', -1, false],
      ['criticHeldOut', 0, true], ['criticHeldOut', 0.5, true], ['criticHeldOut', 0.6, false],
    ];
    for (const [key, value, ok] of cases) {
      if (ok) expect(start({ [key]: value }), `${key} = ${value}`).not.toThrow();
      else expect(start({ [key]: value }), `${key} = ${value}`).toThrow(`overrides.${key}: ${key} must be a number in`);
    }
    expect(start({ alpha: Number.NaN })).toThrow('overrides.alpha');
    expect(start({ alpha: '0.5' })).toThrow('overrides.alpha');
  });

  it('takes the bands as [lo, hi] with lo ≤ hi inside their range', () => {
    expect(start({ perplexityBounds: [1.1, 3] })).not.toThrow();
    expect(start({ perplexityBounds: [0.5, 2] })).toThrow('argument 0.overrides.perplexityBounds: both ends must lie in [1, 10000]');
    expect(start({ curriculumBand: [0.1, 0.9] })).not.toThrow();
    expect(start({ curriculumBand: [0.8, 0.2] })).toThrow('overrides.curriculumBand: the low end (0.8) must not exceed the high end (0.2)');
    expect(start({ curriculumBand: [0.1, 1.5] })).toThrow('overrides.curriculumBand: both ends must lie in [0, 1]');
    expect(start({ curriculumBand: [0.1] })).toThrow('overrides.curriculumBand');
  });

  it('takes the return kind and the filter switch, and refuses keys it does not know', () => {
    expect(start({ returnKind: 'raw', perplexityFilter: false })).not.toThrow();
    expect(start({ returnKind: 'discounted' })).toThrow('overrides.returnKind: returnKind must be shaped or raw');
    expect(start({ perplexityFilter: 'no' })).toThrow('overrides.perplexityFilter');
    expect(start({ temperature: 1 })).toThrow('Unrecognized key: "temperature"');
  });
});

describe('the table of settings', () => {
  it('has the defaults the trainer has (docs/design/MIRA.md §6)', () => {
    for (const f of MIRA_NUMBER_FIELDS) if (f.key !== 'criticHeldOut') expect(f.default, f.key).toBe(MiraDefaults[f.key]);
    for (const f of MIRA_BAND_FIELDS) expect([...f.default], f.key).toEqual([...MiraDefaults[f.key]]);
    expect(DEFAULT_RETURN_KIND).toBe(MiraDefaults.returnKind);
    expect(DEFAULT_PERPLEXITY_FILTER).toBe(TrainingDefaults.perplexityFilter);
    // Every MiraConfig field is a setting.
    const keys = [...MIRA_NUMBER_FIELDS.map((f) => f.key), ...MIRA_BAND_FIELDS.map((f) => f.key), 'returnKind'];
    for (const key of Object.keys(MiraDefaults)) expect(keys, key).toContain(key);
  });

  it('each default passes the schema', () => {
    const defaults = Object.fromEntries([...MIRA_NUMBER_FIELDS, ...MIRA_BAND_FIELDS].map((f) => [f.key, Array.isArray(f.default) ? [...f.default] : f.default]));
    expect(start({ ...defaults, returnKind: DEFAULT_RETURN_KIND, perplexityFilter: DEFAULT_PERPLEXITY_FILTER })).not.toThrow();
  });

  it('says what a job changed in one phrase', () => {
    expect(overridesText(undefined)).toBe('');
    expect(overridesText({})).toBe('');
    expect(overridesText({ alpha: 0.5, beta: 0.2, replayCapRatio: 1, curriculumBand: [0.1, 0.9], perplexityBounds: [1 / 0.9, 3], returnKind: 'raw', perplexityFilter: false }))
      .toBe('α 0.5, β 0.2, replay cap 1, perplexity band [1.111, 3], curriculum band [0.1, 0.9], return raw, no perplexity filter');
    expect(overridesText({ perplexityFilter: true })).toBe('');
  });
});
