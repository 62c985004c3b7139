// The schema of a training job's `overrides` (main/api/mira-overrides.ts): every MiRA value of
// docs/design/MIRA.md §6 and the filter switch, each refused at the API with the range the trainer needs, so a bad
// value (β = 0) fails before the job starts rather than at its first policy step.
import { z } from 'zod';
import { MIRA_BAND_FIELDS, MIRA_NUMBER_FIELDS, RETURN_KINDS, bandProblem, rangeText, type ValueRange } from './mira-overrides';

function rangedNumber(name: string, range: ValueRange): z.ZodNumber {
  const message = `${name} must be a number in ${rangeText(range)}`;
  const low = range.aboveMin ? z.number({ error: message }).gt(range.min, message) : z.number({ error: message }).min(range.min, message);
  return low.max(range.max, message);
}

// The issue's path names the band; its message says what is wrong with it.
function band(name: string, range: ValueRange) {
  return z.tuple([z.number(), z.number()], { error: `${name} must be a pair [lo, hi]` }).superRefine((value, ctx) => {
    const problem = bandProblem(value, range);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

export const miraOverridesSchema = z.object({
  ...Object.fromEntries(MIRA_NUMBER_FIELDS.map((f) => [f.key, rangedNumber(f.key, f.range).optional()])),
  ...Object.fromEntries(MIRA_BAND_FIELDS.map((f) => [f.key, band(f.key, f.range).optional()])),
  returnKind: z.enum(RETURN_KINDS, { error: `returnKind must be ${RETURN_KINDS.join(' or ')}` }).optional(),
  perplexityFilter: z.boolean().optional(),
}).strict();
