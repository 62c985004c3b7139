// Messages between the trainer worker and the process that started it (docs/design/ARCHITECTURE.md §6: "trainer worker —
// TensorFlow.js in a worker thread, never the main loop"; issue 7: stream progress and losses, cancel).
import type { TestOutcome } from '../../api/study-types';
import type { PhaseRolloutRun } from '../../api/training-types';
import type { MiraConfig } from '../defaults';
import type { BackendAttempt, BackendName } from '../backend';
import type { TrainingVariant } from '../phases/variants';

/** What one training run does (docs/design/MIRA.md §4.15). Every optional field falls back to TrainingDefaults
 * (training-defaults.ts); nothing else in the trainer holds a default. */
export interface TrainingOptions {
  /** Where per-phase checkpoints (phase-<n>.json), the demo cache and the summary go. */
  checkpointDir: string;
  /** Where oracle demonstrations and the episodes units share (phase-0 evaluations, phase-1 rollouts) are
   * cached (default: checkpointDir); a job's units share one (phases/shared-episodes.ts). */
  demoCacheDir?: string;
  /** The data directory whose store records the trainer's episodes: a workbench's own for a job (with
   * trainingJobId), else a scratch one (default: <checkpointDir>/rollouts). */
  rolloutDataDir?: string;
  /** The workbench job this training belongs to: its episodes are stored as runs of the job, per phase and
   * stage, with small replayable frames (issue 21; main/training/rollout/episode-runner.ts). */
  trainingJobId?: string;
  /** Seed of the sandbox dataset the tasks are drawn from (docs/design/SANDBOX.md); part of the demo cache's name. */
  datasetSeed?: number;
  /** Task instances generated per family; the catalog splits them into train and test. */
  instancesPerFamily?: number;
  /** Sandbox families to train and test on (default: a few shop families). */
  families?: readonly string[];
  /** The ablation variant (phases/variants.ts): full MiRA or one part switched off. */
  variant?: TrainingVariant;
  /** MiRA phases after phase 0 (SFT). The paper runs six. */
  phases?: number;
  /** Successful oracle demonstrations per family that SFT learns from (default: all of the train split's). */
  sftDemosPerFamily?: number;
  /** Train tasks per phase (default: every train task); the curriculum picks them in every phase, across families (curriculum.ts). */
  tasksPerPhase?: number;
  /** Sampled episodes per task and phase. */
  rolloutsPerTask?: number;
  /** Epochs of phase 0's supervised fit to the demonstrations. */
  sftEpochs?: number;
  /** Learning rate of phase 0's supervised fit. */
  sftLearningRate?: number;
  /** Learning rate of the policy update in each MiRA phase. */
  policyLearningRate?: number;
  /** Most epochs of each critic fit per phase (the held-out stop may end it sooner). */
  criticEpochs?: number;
  /** Learning rate of the value and potential critics. */
  criticLearningRate?: number;
  /** Minibatch size of the policy's steps (SFT and MiRA). */
  batchSize?: number;
  /** Minibatch size of the critics' steps. */
  criticBatchSize?: number;
  /** Episodes run at once. */
  concurrency?: number;
  /** Step limit of one episode (demos, rollouts and test episodes alike). */
  maxSteps?: number;
  /** Seed of the networks' initial weights, rollout sampling and replay. */
  seed?: number;
  /** Overrides of MiraDefaults (α, λ, γ, β, bands …). */
  mira?: Partial<MiraConfig>;
  /** Apply the data-hygiene perplexity filter (MiraDefaults.perplexityBounds, from WebRL); false trains on all new data. */
  perplexityFilter?: boolean;
  /** Fraction of each outcome's episodes held out from the critics' fit (phases/critic-fit.ts; default 0.2). */
  criticHeldOut?: number;
  /** The TensorFlow.js backend, or 'auto' for the fastest that loads (backend.ts). */
  backend?: BackendName | 'auto';
  /** The Chromium to run episodes in; null or absent: the one the browser module finds. */
  browserPath?: string | null;
  /** Evaluate the test split after every phase. */
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
  /** Each test episode's outcome, failure mode and milestones (issue 17, main/training/study/test-outcomes.ts). */
  testOutcomes?: TestOutcome[];
  /** The stored run of this phase's rollouts (phase 0: the demonstrations, counting those SFT used), in a job (issue 21). */
  rollouts?: PhaseRolloutRun;
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
  | { type: 'backend'; name: BackendName; reason: string; tried: BackendAttempt[]; /** e.g. "wasm (SIMD, 1 thread)" (backend-device.ts) */ device?: string }
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
