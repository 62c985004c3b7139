// A training study as the front ends see it (issue 17: "does it help?"): per phase and per variant, the test
// success rate over every trainer seed with a 95% bootstrap interval, the train SR, the failure-mode mix of the
// failed test episodes, milestones reached, the critics' held-out losses and the perplexity filter's counts.
// Types only, so the renderer can import them.

/** The analyzer's failure categories (docs/design/MIRA.md §1.1; main/analysis/failure-modes.ts). */
export type FailureModeName = 'wrong_termination' | 'stuck_midway' | 'no_reasonable_attempt' | 'others';

/** One greedy test episode of a phase: enough to resample tasks × seeds and to count failure modes. */
export interface TestOutcome {
  taskId: string;
  success: boolean;
  /** The analyzer's category of a failed episode (null when it succeeded). */
  failureMode: FailureModeName | null;
  /** Reference milestones completed by the end of the episode, of `milestonesTotal`. */
  milestones: number;
  milestonesTotal: number;
  steps: number;
}

/** What the perplexity filter kept of a MiRA phase's new trajectories (docs/design/MIRA.md §4.13). */
export interface PhaseFilterCounts {
  keptTrajectories: number;
  newTrajectories: number;
  keptSteps: number;
  newSteps: number;
}

export interface StudyInterval {
  mean: number;
  low: number;
  high: number;
  /** (task, seed) cells behind the mean. */
  n: number;
}

/** One variant at one phase, over every seed. */
export interface StudyCell {
  variant: string;
  phase: number;
  seeds: number[];
  /** Distinct test tasks. */
  tasks: number;
  /** Mean test SR with its 95% percentile-bootstrap interval (tasks × seeds resampled). */
  testSuccess: StudyInterval;
  /** Mean over seeds of the phase's train-rollout SR (null at phase 0). */
  trainSuccess: number | null;
  /** Failed test episodes over every seed, and each category's share of them. */
  failed: number;
  failureShares: Record<FailureModeName, number>;
  /** Mean fraction of reference milestones reached per test episode (null without subgoals). */
  milestonesReached: number | null;
  /** Mean over seeds of the critics' held-out losses (value BCE, potential MSE), when fitted. */
  valueHeldOut: number | null;
  potentialHeldOut: number | null;
  /** Whether any seed fitted the potential critic in this phase (not in no-potential, nor on tasks without
   * subgoals): a null potentialHeldOut then means an empty held-out set, not an unfitted critic. */
  potentialFitted: boolean;
  /** Summed over seeds (MiRA phases only). */
  filter: PhaseFilterCounts | null;
  /** Whether per-task outcomes were recorded (older jobs kept only the SR: the interval is then a point). */
  perTask: boolean;
}

export interface StudyReport {
  jobId: string;
  status: string;
  /** One line: families, instances, budget, seeds. */
  setup: string;
  backend: string | null;
  variants: string[];
  phases: number[];
  seeds: number[];
  cells: StudyCell[];
  /** How the numbers are computed (shown under the table and in the HTML report). */
  method: string;
  /** Wall time from the job's start to its end (or now), seconds. */
  seconds: number | null;
}

/** The study of a job with its plots as inline SVG, its table as text, and the self-contained HTML report
 * that embeds both (what "Export report" saves). */
export interface StudyView {
  report: StudyReport;
  plots: { successRate: string; failureModes: string; criticLosses: string; filterCounts: string };
  table: { columns: string[]; rows: string[][] };
  html: string;
}
