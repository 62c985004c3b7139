import { describe, expect, it } from 'vitest';
import * as api from '../../../main/api/mira-overrides';
import { EMPTY_MIRA_FORM, MIRA_BAND_FIELDS, MIRA_NUMBER_FIELDS, miraSettingsList, rangeText, readMiraForm } from '../../../renderer/src/features/training/mira-fields';
import { miraOverridesSchema } from '../../../main/api/mira-overrides-schema';

// The Training form's Advanced section (docs/design/MIRA.md §6): the renderer's copy of the table (it may import
// only types from main/) is the API's, and what the form sends is what the API accepts.
describe('the Advanced fields', () => {
  it('list the API’s settings with the same defaults and ranges', () => {
    expect(MIRA_NUMBER_FIELDS).toEqual(api.MIRA_NUMBER_FIELDS);
    expect(MIRA_BAND_FIELDS).toEqual(api.MIRA_BAND_FIELDS);
    for (const f of MIRA_NUMBER_FIELDS) expect(rangeText(f.range)).toBe(api.rangeText(f.range));
  });

  it('send only what was filled in, and nothing but defaults when nothing was', () => {
    expect(readMiraForm(EMPTY_MIRA_FORM)).toEqual({ overrides: {}, problems: [] });
    const { overrides, problems } = readMiraForm({
      numbers: { alpha: ' 0.6 ', beta: '', lambda: '1' }, bands: { curriculumBand: ['0.1', ''] }, returnKind: 'raw', perplexityFilter: false,
    });
    expect(problems).toEqual([]);
    // A band with one end blank keeps that end's default.
    expect(overrides).toEqual({ alpha: 0.6, lambda: 1, curriculumBand: [0.1, 0.75], returnKind: 'raw', perplexityFilter: false });
    expect(miraOverridesSchema.safeParse(overrides).success).toBe(true);
  });

  it('name each invalid value with its range, the same values the API refuses', () => {
    const { problems } = readMiraForm({ ...EMPTY_MIRA_FORM, numbers: { beta: '0', gamma: 'x', alpha: '11' }, bands: { perplexityBounds: ['3', '2'], curriculumBand: ['-1', '0.5'] } });
    expect(problems).toEqual([
      'α shaping weight must be a number in [0, 10], not "11".',
      'γ discount must be a number in [0, 1], not "x".',
      'β log-ratio scale must be a number in (0, 100], not "0".',
      'perplexity band: the low end (3) must not exceed the high end (2).',
      'curriculum band (predicted success): both ends must be numbers in [0, 1].',
    ]);
    expect(miraOverridesSchema.safeParse({ beta: 0 }).success).toBe(false);
    expect(miraOverridesSchema.safeParse({ alpha: 11 }).success).toBe(false);
  });

  it('show a job’s changed values next to their defaults', () => {
    expect(miraSettingsList(undefined)).toEqual([]);
    expect(miraSettingsList({ alpha: 0.6, perplexityBounds: [1.01, 4], returnKind: 'raw', perplexityFilter: false })).toEqual([
      'α shaping weight 0.6 (default 0.3)', 'perplexity band [1.01, 4] (default [1.0526, 2])', 'return raw (default shaped)', 'perplexity filter off (default on)',
    ]);
  });
});
