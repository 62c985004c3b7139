// A job's overrides (main/api/mira-overrides.ts) as trainer options: the MiRA values go to `mira`, where MiraDefaults
// fill the rest (phases/variants.ts); the filter switch and the critics' held-out fraction are options of their own.
import type { MiraOverrides } from '../api/mira-overrides';
import type { TrainingOptions } from './worker/protocol';

export function trainerOverrides(overrides: MiraOverrides = {}): Pick<TrainingOptions, 'mira' | 'perplexityFilter' | 'criticHeldOut'> {
  const { perplexityFilter, criticHeldOut, ...mira } = overrides;
  return { mira, ...(perplexityFilter === undefined ? {} : { perplexityFilter }), ...(criticHeldOut === undefined ? {} : { criticHeldOut }) };
}
