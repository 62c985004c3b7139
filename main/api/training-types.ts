// Training jobs as the front ends see them (docs/design/MIRA.md §4; issue 7): a job trains the local policy for one or
// more ablation variants (same seeds, same budget), phase by phase, and evaluates on the test split after
// every phase. Types only, so the renderer can import them.
import type { PhaseFilterCounts, TestOutcome } from './study-types';
import type { MiraOverrides } from './mira-overrides';

/** The ablation variants (docs/design/MIRA.md §4.12): full MiRA, no potential critic (α = 0), KL-style
 * and AWR objectives instead of the MSE log-ratio, and no doubly-robust mix (λ = 1 pure TD, λ = 0 pure MC). */
export const TRAINING_VARIANTS = ['full', 'no-potential', 'kl', 'awr', 'awr-filter', 'no-dr-td', 'no-dr-mc'] as const;
export type TrainingVariant = (typeof TRAINING_VARIANTS)[number];

export interface TrainingRequest {
  /** One variant trains one policy; several make an ablation (each starts from the same SFT checkpoint). */
  variants: TrainingVariant[];
  /** MiRA phases after phase 0 (SFT on oracle demonstrations). */
  phases: number;
  /** Sandbox families whose instances are trained (train split) and evaluated (test split). */
  families: string[];
  /** Instances per family (each fifth is test: the split is fixed by the dataset seed). */
  instancesPerFamily: number;
  seed: number;
  /** Trainer seeds (issue 17): the same job once per seed, every variant each time; absent = [seed]. The
   * study report resamples tasks × seeds for its intervals (main/training/study/). */
  seeds?: number[];
  /** How much data each stage sees; the trainer's defaults fill what is left out. */
  budget?: TrainingBudget;
  /** MiRA hyper-parameters and the filter switch (docs/design/MIRA.md §6, mira-overrides.ts); the defaults fill what
   * is left out. */
  overrides?: MiraOverrides;
  /** Variants trained at once, each in its own worker (default: one per available core, at most all). */
  parallelVariants?: number;
  /** Episodes each trainer worker runs at once (demonstrations, rollouts, test evaluations), as a run's
   * concurrency (default: the runs' rule over the cores each worker has, services/worker-runner.ts). */
  concurrency?: number;
}

export interface TrainingBudget {
  /** Oracle demonstrations per family that SFT learns from (default: every train task's); fewer demos than
   * rollout tasks is the paper's regime, where SFT is imperfect and the MiRA phases have room to improve it. */
  sftDemosPerFamily?: number;
  /** Sampled rollouts per train task in each MiRA phase (default 1). */
  rolloutsPerTask?: number;
  /** Train tasks per MiRA phase (default: the whole train split); the curriculum picks which after phase 1. */
  tasksPerPhase?: number;
}

/** An episode's early-stop limits (main/agent/stop-rules.ts, the workbench's own rules: no reference harness). */
export interface EpisodeStopLimits {
  maxSteps: number;
  maxParseFailures: number;
  maxRepeatedActions: number;
}

export type TrainingStage = 'demonstrations' | 'sft' | 'rollout' | 'critics' | 'policy' | 'evaluation';

/** One phase of one variant, once evaluated (phase 0 = SFT). */
export interface TrainingPhaseResult {
  variant: TrainingVariant;
  phase: number;
  /** Success rate on the test split after this phase. */
  testSuccess: number;
  testEpisodes: number;
  /** Success rate of this phase's rollouts on the train split (null for phase 0). */
  trainSuccess: number | null;
  /** Mean loss of each fitted model over the phase (policy, value, potential, sft). */
  losses: Record<string, number>;
  samples: number;
  samplesPerSecond: number;
  seconds: number;
  checkpoint: string;
  /** The run holding this phase's rollouts (phase 0: its oracle demonstrations) and how many episodes it has,
   * when the trainer recorded them in the workbench (issue 21); the Training page links to them. */
  rollouts?: PhaseRolloutRun;
  /** The trainer seed this phase ran with (absent in records written before seeds were kept). */
  seed?: number;
  /** Each greedy test episode's outcome, failure mode and milestones (issue 17; absent in older records). */
  testOutcomes?: TestOutcome[];
  /** What the perplexity filter kept of this phase's new trajectories (MiRA phases). */
  filter?: PhaseFilterCounts;
  /** Why a loss the phase table would show is missing, by loss name (e.g. "value held-out BCE": no success could
   * be held out, docs/design/MIRA.md §4.6); absent when nothing is missing, and in older records. */
  notes?: Record<string, string>;
}

/** The stored run of a phase's episodes (issue 21). Phase 0: the oracle demonstrations, of which SFT learned from
 * `episodes` (the successful ones, up to the budget's per family) out of the `recorded` the run holds. */
export interface PhaseRolloutRun {
  runId: string;
  episodes: number;
  recorded?: number;
}

/** Streamed while a job runs (event 'training'). */
export interface TrainingProgress {
  jobId: string;
  variant: TrainingVariant | null;
  /** The training seed of the unit reporting (a study over seeds runs one unit per variant and seed). */
  seed?: number;
  phase: number;
  stage: TrainingStage;
  done: number;
  total: number;
  /** Latest minibatch losses, when the stage fits a model. */
  losses?: Record<string, number>;
  samplesPerSecond?: number;
  message: string;
}

export type TrainingStatus = 'running' | 'finished' | 'failed' | 'cancelled' | 'interrupted';

export interface TrainingJob {
  id: string;
  request: TrainingRequest;
  status: TrainingStatus;
  /** The process that runs (or ran) it: a 'running' job whose process is gone was cut off (absent in records
   * written before it was kept). */
  ownerPid?: number;
  createdAt: string;
  finishedAt: string | null;
  /** The tfjs backend the trainer runs on, and why the better ones were not used. */
  backend: { name: string; /** The device it computes on, e.g. "wasm (SIMD, 1 thread)" (issue 17). */ device?: string; attempts: Array<{ name: string; ok: boolean; reason?: string }> } | null;
  phases: TrainingPhaseResult[];
  /** Loss curve points (capped), in order; `seed`: the trainer seed of the unit that reported it (absent in
   * records written before it was kept). */
  lossCurve: Array<{ variant: TrainingVariant | null; seed?: number; phase: number; stage: TrainingStage; step: number; losses: Record<string, number> }>;
  /** Why it failed, was cancelled or interrupted. */
  error: string | null;
  last: TrainingProgress | null;
  /** The test-split task ids every phase is evaluated on ("run on the test split", issue 21); absent in
   * records written before it was kept. */
  testTaskIds?: string[];
  /** The stop rules the trainer's test evaluations ran under (its step limit), so "run on the test split" runs
   * under the same and its SR compares with the phase's; absent in records written before they were kept. */
  evaluationStopRules?: EpisodeStopLimits;
}
