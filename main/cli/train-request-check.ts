// `train` and `train critics` check the requests their flags build with the API's own schemas (startTraining,
// startCriticFit in main/api/schemas.ts) before a job starts, naming the flag of each wrong value.
import type { TrainingRequest } from '../api/training-types';
import { paramSchema } from '../api/schemas';
import type { ParsedArgs } from './args';
import { checkWithSchemas, schemaAt } from './schema-check';

export function checkTrainingRequest(args: ParsedArgs, request: TrainingRequest): void {
  checkWithSchemas(args, [{
    schema: schemaAt(paramSchema('startTraining'), [0])!,
    value: request,
    fields: {
      variants: { flag: 'variants' }, families: { flag: 'families' }, phases: { flag: 'phases' }, instancesPerFamily: { flag: 'train-instances' },
      seed: { flag: 'seed' }, seeds: { flag: 'seeds' }, parallelVariants: { flag: 'parallel-variants' }, concurrency: { flag: 'concurrency' },
      'budget.sftDemosPerFamily': { flag: 'sft-demos' }, 'budget.rolloutsPerTask': { flag: 'rollouts' }, 'budget.tasksPerPhase': { flag: 'tasks-per-phase' },
      'overrides.alpha': { flag: 'alpha' }, 'overrides.lambda': { flag: 'lambda' }, 'overrides.gamma': { flag: 'gamma' }, 'overrides.beta': { flag: 'beta' },
      'overrides.returnKind': { flag: 'return' }, 'overrides.perplexityBounds': { flag: 'perplexity-band' }, 'overrides.replayCapRatio': { flag: 'replay-cap' },
      'overrides.curriculumBand': { flag: 'curriculum-band' }, 'overrides.criticHeldOut': { flag: 'critic-held-out' },
    },
  }]);
}

export function checkCriticFitRequest(args: ParsedArgs, request: { runIds: string[]; seed?: number; maxEpochs?: number; patience?: number }): void {
  checkWithSchemas(args, [{
    schema: schemaAt(paramSchema('startCriticFit'), [0])!,
    value: request,
    fields: { runIds: { flag: 'runs' }, seed: { flag: 'seed' }, maxEpochs: { flag: 'epochs' }, patience: { flag: 'patience' } },
  }]);
}
