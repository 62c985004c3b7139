// The training options as the New training job form names them, for the job comparison's Option column (the
// web-UI audit of 2026-12-05: it showed the request's keys, `budget.tasksPerPhase`, `instancesPerFamily`).
import type { TrainingRequest } from '../../../../main/api/training-types';
import { MIRA_BAND_FIELDS, MIRA_NUMBER_FIELDS } from '../training/mira-fields';

type RequestKey = Exclude<keyof TrainingRequest, 'budget' | 'overrides'>;

/** A Record over the request's own keys, so a new option does not compile until it has a name. */
const REQUEST_NAMES: Record<RequestKey, string> = {
  variants: 'Variants',
  phases: 'MiRA phases after SFT',
  families: 'Families',
  instancesPerFamily: 'Instances per family',
  seed: 'Seed',
  seeds: 'Seeds',
  parallelVariants: 'Variants in parallel',
  concurrency: 'Episodes at once',
};

const NAMES: Readonly<Record<string, string>> = {
  ...REQUEST_NAMES,
  'budget.sftDemosPerFamily': 'SFT demos per family',
  'budget.rolloutsPerTask': 'Rollouts per task',
  'budget.tasksPerPhase': 'Tasks per phase',
  ...Object.fromEntries([...MIRA_NUMBER_FIELDS, ...MIRA_BAND_FIELDS].map((f) => [`overrides.${f.key}`, f.label])),
  'overrides.returnKind': 'Return G_t sums',
  'overrides.perplexityFilter': 'Perplexity filter',
};

/** The form's name of a flattened option key (job-diff.ts flattenOptions); an unknown key as it is. */
export function optionName(key: string): string {
  return NAMES[key] ?? key;
}
