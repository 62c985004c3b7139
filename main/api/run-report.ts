// The run report as the API returns it (types only; computed by main/analysis/run-report.ts).
import type { EpisodeAnalysis } from './types';

export type FailureCategoryName = EpisodeAnalysis['category'];

export interface RateCountView {
  total: number;
  successes: number;
  rate: number;
}

export interface RunReport {
  episodes: number;
  success: { overall: RateCountView; perSite: Array<RateCountView & { site: string }> };
  failureModes: { total: number; counts: Record<FailureCategoryName, number>; fractions: Record<FailureCategoryName, number> } | null;
  /** pass@k for each k ∈ {1, 2, 4, 8} that every task has enough samples for. */
  passAtK: { k: number; value: number; tasks: number }[];
  keyDecisions: { semantic_deviation: number; loop_onset: number; value_drop: number; none: number };
  /** heatmap.cells[k][t] = P(subgoal k done by step t), when progress vectors were recorded. */
  heatmap: { K: number; maxT: number; cells: number[][] } | null;
  /** How well subgoal completion predicts the outcome over the run's scored episodes (docs/design/MIRA.md §2.3),
   * each number with a plain-language explanation; or why it cannot be computed. */
  subgoalQuality: RunSubgoalQuality;
  /** Analysis of each failed episode, by episode id. */
  analyses: Record<string, EpisodeAnalysis>;
  /** Tasks whose newest attempt ended in an infrastructure failure (LLM down, bad checkpoint, disk full):
   * left out of every rate above; `resume` runs them again. Set by the run's analysis. */
  infrastructureFailures?: number;
  /** Episodes that finished but were never scored (the evaluator failed, or a time-limited page could not be
   * read): left out of every rate above too. Set by the run's analysis. */
  unscoredEpisodes?: number;
}

/** One subgoal quality number, with what it means for this run or why it is undefined (value null). */
export interface SubgoalQualityStat {
  key: 'auroc' | 'kendallTauB' | 'precision' | 'recall' | 'f1';
  label: string;
  value: number | null;
  explanation: string;
}

export type RunSubgoalQuality =
  | {
      available: true;
      K: number;
      /** Scored episodes the numbers are computed over, and how many of them succeeded. */
      n: number;
      successes: number;
      /** The sample size in words ("8 scored episodes (4 succeeded, 4 failed), K = 4 subgoals each."). */
      sample: string;
      stats: SubgoalQualityStat[];
      /** Success rate by the number of subgoals completed, 0..K (rate null for an empty bin). */
      byCompleted: Array<{ completed: number; total: number; successes: number; rate: number | null }>;
      /** Whether that rate rises strictly over the non-empty bins; null with fewer than two. */
      strictlyIncreasing: boolean | null;
    }
  | { available: false; reason: string };
