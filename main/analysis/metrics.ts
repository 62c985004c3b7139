// Run-level metrics (docs/design/MIRA.md §5): success rate overall and per site, the failure-mode distribution, and the
// subgoal-completion heatmap P(subgoal k done by step t) for one run or phase.

import { FAILURE_CATEGORIES, type FailureCategory } from './failure-modes';
import { assertK, cumulativeDone } from './progress';
import { assertAnalyzedEpisode, type AnalyzedEpisode } from './trajectory';

export interface RateCount {
  total: number;
  successes: number;
  /** successes / total. */
  rate: number;
}

export interface SuccessRates {
  overall: RateCount;
  /** One row per site, sorted by site name; episodes without a site are grouped under NO_SITE. */
  perSite: Array<RateCount & { site: string }>;
}

export const NO_SITE = '(no site)';

function assertEpisodes(fn: string, episodes: readonly AnalyzedEpisode[]): void {
  if (!Array.isArray(episodes as unknown) || episodes.length === 0) throw new Error(`${fn}: episodes must be a non-empty array`);
  episodes.forEach((ep) => assertAnalyzedEpisode(fn, ep));
}

/** Success rate with counts, overall and per site (docs/design/MIRA.md §5 reports both). */
export function successRates(episodes: readonly AnalyzedEpisode[]): SuccessRates {
  assertEpisodes('successRates', episodes);
  const bySite = new Map<string, { total: number; successes: number }>();
  let successes = 0;
  for (const ep of episodes) {
    const site = ep.site ?? NO_SITE;
    const row = bySite.get(site) ?? { total: 0, successes: 0 };
    row.total++;
    if (ep.success) {
      row.successes++;
      successes++;
    }
    bySite.set(site, row);
  }
  const perSite = [...bySite.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([site, r]) => ({ site, total: r.total, successes: r.successes, rate: r.successes / r.total }));
  return { overall: { total: episodes.length, successes, rate: successes / episodes.length }, perSite };
}

export interface FailureDistribution {
  total: number;
  counts: Record<FailureCategory, number>;
  /** counts / total; every category is present (0 when unseen). */
  fractions: Record<FailureCategory, number>;
}

/** Counts and fractions of failure categories over the failed episodes of a run (docs/design/MIRA.md §1, §5). Accepts
 * categories or classification results. An empty list is an error (there is no distribution to report). */
export function failureModeDistribution(items: ReadonlyArray<FailureCategory | { category: FailureCategory }>): FailureDistribution {
  if (!Array.isArray(items as unknown) || items.length === 0) throw new Error('failureModeDistribution: items must be a non-empty array');
  const counts = Object.fromEntries(FAILURE_CATEGORIES.map((c) => [c, 0])) as Record<FailureCategory, number>;
  items.forEach((item, i) => {
    const category = typeof item === 'string' ? item : item?.category;
    if (!FAILURE_CATEGORIES.includes(category)) {
      throw new Error(`failureModeDistribution: items[${i}] has unknown category ${JSON.stringify(category)}`);
    }
    counts[category]++;
  });
  const fractions = Object.fromEntries(FAILURE_CATEGORIES.map((c) => [c, counts[c] / items.length])) as Record<FailureCategory, number>;
  return { total: items.length, counts, fractions };
}

/**
 * Subgoal-completion heatmap (docs/design/MIRA.md §5): matrix[k][t] = fraction of episodes in which subgoal k (0-based
 * row) was done by step t, for t = 0..maxT inclusive (maxT + 1 columns). "Done by t" is cumulative (see
 * cumulativeDone). An episode shorter than t carries its final vector forward — it ended, and what it had
 * completed stays completed — so every episode counts in every column and columns never decrease. An episode
 * with an empty progress list counts as nothing done. Every episode must have progress vectors of length K.
 */
export function subgoalHeatmap(episodes: readonly AnalyzedEpisode[], K: number, maxT: number): number[][] {
  assertEpisodes('subgoalHeatmap', episodes);
  assertK('subgoalHeatmap', K);
  if (!Number.isInteger(maxT) || maxT < 0) throw new Error(`subgoalHeatmap: maxT must be an integer >= 0, got ${String(maxT)}`);
  const counts = Array.from({ length: K }, () => new Array<number>(maxT + 1).fill(0));
  for (const ep of episodes) {
    const done = cumulativeDone(ep, K, 'subgoalHeatmap');
    if (done.length === 0) continue;
    for (let t = 0; t <= maxT; t++) {
      const row = done[Math.min(t, done.length - 1)];
      for (let k = 0; k < K; k++) if (row[k]) counts[k][t]++;
    }
  }
  return counts.map((row) => row.map((c) => c / episodes.length));
}
