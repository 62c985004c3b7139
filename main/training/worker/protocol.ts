// Messages between the trainer worker and the process that started it (docs/design/ARCHITECTURE.md §6: "trainer worker —
// TensorFlow.js in a worker thread, never the main loop"; issue 7: stream progress and losses, cancel).
import type { MiraConfig } from '../defaults';
import type { BackendAttempt, BackendName } from '../backend';
import type { TrainingVariant } from '../phases/variants';

export interface TrainingOptions {
  /** Where per-phase checkpoints (phase-<n>.json), the demo cache and the summary go. */
  checkpointDir: string;
  /** Where oracle demonstrations are cached (default: checkpointDir); an ablation's variants share one. */
  demoCacheDir?: string;
  /** Scratch data directory for rollout episodes (default: <checkpointDir>/rollouts). */
  rolloutDataDir?: string;
  datasetSeed?: number;
  instancesPerFamily?: number;
  /** Sandbox families to train and test on (default: a few shop families). */
  families?: string[];
  variant?: TrainingVariant;
  /** MiRA phases after phase 0 (SFT). The paper runs six. */
  phases?: number;
  /** Successful oracle demonstrations per family that SFT learns from (default: all of the train split's). */
  sftDemosPerFamily?: number;
  /** Train tasks per phase (curriculum picks them after phase 1). */
  tasksPerPhase?: number;
  rolloutsPerTask?: number;
  sftEpochs?: number;
  sftLearningRate?: number;
  policyLearningRate?: number;
  criticEpochs?: number;
  criticLearningRate?: number;
  batchSize?: number;
  /** Minibatch size of the critics' steps (default DEFAULT_CRITIC_BATCH_SIZE in phases/updates.ts). */
  criticBatchSize?: number;
  /** Episodes run at once. */
  concurrency?: number;
  maxSteps?: number;
  seed?: number;
  /** Overrides of MiraDefaults (α, λ, γ, β, bands …). */
  mira?: Partial<MiraConfig>;
  perplexityFilter?: boolean;
  backend?: BackendName | 'auto';
  browserPath?: string | null;
  /** Evaluate the test split after every phase (default true). */
  evaluate?: boolean;
}

export interface PhaseResult {
  phase: number;
  /** Success rate of this phase's rollouts on train tasks (phase 0: the oracle demos). */
  trainSuccessRate: number;
  testSuccessRate: number | null;
  checkpoint: string;
  /** Test-split episodes behind testSuccessRate. */
  testTasks: number;
  stats?: Record<string, number>;
}

export interface TrainingSummary {
  backend: BackendName;
  variant: TrainingVariant;
  trainTasks: number;
  testTasks: number;
  phases: PhaseResult[];
  cancelled: boolean;
}

export type TrainerMessage =
  | { type: 'backend'; name: BackendName; reason: string; tried: BackendAttempt[] }
  | { type: 'progress'; stage: string; phase: number; done: number; total: number }
  | { type: 'loss'; phase: number; stage: 'sft' | 'critic' | 'policy'; epoch: number; loss: number; samplesPerSecond: number; extra?: Record<string, number> }
  | { type: 'phase'; result: PhaseResult }
  | { type: 'log'; line: string }
  | { type: 'done'; summary: TrainingSummary }
  | { type: 'error'; message: string };

/** Worker data: the options and a shared flag (Int32 0 = run, 1 = cancel) checked between batches. */
export interface TrainerWorkerData {
  entry: string;
  options: TrainingOptions;
  cancelFlag: SharedArrayBuffer;
  /** Test hook: a synthetic job instead of training (see trainer-worker.ts). */
  selfTest?: { batches: number; batchMs: number };
}
