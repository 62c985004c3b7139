// How well subgoal completion predicts the outcome (docs/design/MIRA.md §2.3): all-complete ⇔ success
// as a classifier (P, R, F1), fraction completed as a score (AUROC, Kendall τ-b), and success rate by the
// number of completed subgoals (which the paper reports rises strictly).

import { assertK, completedCount } from './progress';
import { aurocMannWhitney, kendallTauB } from './rank-stats';
import { assertAnalyzedEpisode, type AnalyzedEpisode } from './trajectory';

export interface SubgoalOutcome {
  /** Subgoals done by the end of the episode, 0..K. */
  completed: number;
  success: boolean;
}

export interface Confusion {
  /** all complete and success */
  tp: number;
  /** all complete but failed */
  fp: number;
  /** success without all complete */
  fn: number;
  /** neither */
  tn: number;
}

export interface CompletedBin {
  completed: number;
  total: number;
  successes: number;
  /** successes / total; null for an empty bin. */
  rate: number | null;
}

export interface SubgoalQuality {
  K: number;
  n: number;
  confusion: Confusion;
  /** null where the denominator is 0 (no all-complete episode / no success). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** Fraction completed as a score for success; null when all episodes share one outcome. */
  auroc: number | null;
  /** Kendall τ-b between fraction completed and success (0/1); null when either is constant. */
  kendallTauB: number | null;
  byCompleted: CompletedBin[];
  /** Success rate rises strictly across the non-empty bins; null when fewer than two bins have episodes. */
  strictlyIncreasing: boolean | null;
}

/** Final completed count and outcome of each episode (episodes must carry progress vectors of length K). */
export function subgoalOutcomes(episodes: readonly AnalyzedEpisode[], K: number): SubgoalOutcome[] {
  if (!Array.isArray(episodes as unknown)) throw new Error('subgoalOutcomes: episodes must be an array');
  return episodes.map((ep) => {
    assertAnalyzedEpisode('subgoalOutcomes', ep);
    return { completed: completedCount(ep, K, 'subgoalOutcomes'), success: ep.success };
  });
}

function assertOutcomes(fn: string, outcomes: readonly SubgoalOutcome[], K: number): void {
  assertK(fn, K);
  if (!Array.isArray(outcomes as unknown) || outcomes.length === 0) throw new Error(`${fn}: outcomes must be a non-empty array`);
  outcomes.forEach((o, i) => {
    if (!Number.isInteger(o?.completed) || o.completed < 0 || o.completed > K) {
      throw new Error(`${fn}: outcomes[${i}].completed must be an integer in [0, K = ${K}], got ${String(o?.completed)}`);
    }
    if (typeof o.success !== 'boolean') throw new Error(`${fn}: outcomes[${i}].success must be a boolean`);
  });
}

/** Success rate per number of completed subgoals, one bin for each of 0..K. */
export function successRateByCompleted(outcomes: readonly SubgoalOutcome[], K: number): CompletedBin[] {
  assertOutcomes('successRateByCompleted', outcomes, K);
  const bins: CompletedBin[] = Array.from({ length: K + 1 }, (_, completed) => ({ completed, total: 0, successes: 0, rate: null }));
  for (const o of outcomes) {
    bins[o.completed].total++;
    if (o.success) bins[o.completed].successes++;
  }
  for (const b of bins) b.rate = b.total === 0 ? null : b.successes / b.total;
  return bins;
}

/** All statistics of docs/design/MIRA.md §2.3 for one set of episodes. */
export function subgoalQuality(outcomes: readonly SubgoalOutcome[], K: number): SubgoalQuality {
  assertOutcomes('subgoalQuality', outcomes, K);
  const confusion: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const o of outcomes) {
    const all = o.completed === K;
    if (all && o.success) confusion.tp++;
    else if (all) confusion.fp++;
    else if (o.success) confusion.fn++;
    else confusion.tn++;
  }
  const { tp, fp, fn } = confusion;
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

  const fractions = outcomes.map((o) => o.completed / K);
  const labels = outcomes.map((o) => o.success);
  const byCompleted = successRateByCompleted(outcomes, K);
  const rates = byCompleted.filter((b) => b.rate !== null).map((b) => b.rate as number);
  const strictlyIncreasing = rates.length < 2 ? null : rates.every((r, i) => i === 0 || r > rates[i - 1]);
  return {
    K,
    n: outcomes.length,
    confusion,
    precision,
    recall,
    f1,
    auroc: aurocMannWhitney(fractions, labels),
    kendallTauB: kendallTauB(fractions, labels.map((l) => (l ? 1 : 0))),
    byCompleted,
    strictlyIncreasing,
  };
}
