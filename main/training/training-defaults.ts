// The trainer's defaults in one place, like MiraDefaults (defaults.ts) for MiRA's hyper-parameters: every field of
// TrainingOptions (worker/protocol.ts) that may be left out falls back to the value here, and nowhere else.
// No TensorFlow.js here: the main process (start-worker.ts, the CLI) reads these too.
import type { EpisodeStopLimits } from '../api/training-types';
import type { TrainingOptions } from './worker/protocol';
import { join } from 'node:path';

/** Minibatch size of SFT, the critics and the policy update (issue 16: at 64 the per-step overhead of
 * tfjs is spread over enough rows that the matrix products dominate). */
export const DEFAULT_BATCH_SIZE = 64;

/** Minibatch size of the critics' steps. A critic step is cheap per state but pays a fixed cost per network
 * (the tape, the embedding table's dense gradient and its Adam update: ≈ 5 ms CPU on wasm whatever the batch),
 * so a larger batch is what brings it near the reference network's rate (issue 16; docs/training.md). A
 * phase smaller than this is one step per epoch either way. */
export const DEFAULT_CRITIC_BATCH_SIZE = 128;

/** The fields a caller may leave out that have a fixed default. */
type Defaulted =
  | 'datasetSeed' | 'instancesPerFamily' | 'families' | 'variant' | 'phases' | 'rolloutsPerTask' | 'sftEpochs' | 'sftLearningRate'
  | 'policyLearningRate' | 'criticEpochs' | 'criticLearningRate' | 'batchSize' | 'criticBatchSize' | 'concurrency' | 'maxSteps'
  | 'seed' | 'perplexityFilter' | 'backend' | 'evaluate';

/** The stop rules of every trainer episode (demonstrations, rollouts, test evaluations): the workbench's own (no
 * reference harness), at most `maxSteps` steps. A job keeps them, so "run on the test split" runs under the same. */
export function trainerStopRules(maxSteps: number): EpisodeStopLimits {
  return { maxSteps, maxParseFailures: 3, maxRepeatedActions: 3 };
}

/** TrainingOptions with every default filled in; the directories that default to the checkpoint's are filled too. */
export type ResolvedTrainingOptions = TrainingOptions & Required<Pick<TrainingOptions, Defaulted | 'demoCacheDir' | 'rolloutDataDir'>>;

/** Frozen so a caller cannot change the defaults of every other caller. */
export const TrainingDefaults: Readonly<Required<Pick<TrainingOptions, Defaulted>>> = Object.freeze({
  datasetSeed: 1,
  instancesPerFamily: 10,
  /** Three shop families: a sort, a cart and a filter task, small enough for a CPU run. */
  families: Object.freeze(['shop/sorted-category', 'shop/add-to-cart', 'shop/wishlist-best-rated']),
  variant: 'full',
  phases: 2,
  rolloutsPerTask: 1,
  sftEpochs: 10,
  sftLearningRate: 0.01,
  policyLearningRate: 0.003,
  criticEpochs: 20,
  criticLearningRate: 0.01,
  batchSize: DEFAULT_BATCH_SIZE,
  criticBatchSize: DEFAULT_CRITIC_BATCH_SIZE,
  concurrency: 3,
  maxSteps: 20,
  seed: 1,
  perplexityFilter: true,
  backend: 'auto',
  evaluate: true,
});

/** The options with the defaults filled in: a field left out or set to undefined takes TrainingDefaults' value. */
export function withTrainingDefaults(options: TrainingOptions): ResolvedTrainingOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as TrainingOptions;
  return {
    ...TrainingDefaults,
    demoCacheDir: options.checkpointDir,
    rolloutDataDir: join(options.checkpointDir, 'rollouts'),
    ...given,
  };
}
