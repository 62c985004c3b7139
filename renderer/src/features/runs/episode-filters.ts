import type { EpisodeSummary } from '../../../../main/api/contract';
import type { RunRecord } from '../../../../main/api/types';

/** The runs table's filters; '' means "any". Pure data so the store can keep it across navigation. */
export interface EpisodeFilters {
  site: string;
  outcome: '' | 'succeeded' | 'failed' | 'unscored';
  failureMode: string;
  policy: string;
  phase: string;
}

export const NO_FILTERS: EpisodeFilters = { site: '', outcome: '', failureMode: '', policy: '', phase: '' };

export type SortKey = 'task' | 'site' | 'policy' | 'outcome' | 'failure' | 'score' | 'steps' | 'started';
export interface EpisodeSort {
  key: SortKey;
  descending: boolean;
}

/** The phase a run belongs to: a training phase's index/name when the trainer recorded one, else its kind. */
export function phaseOf(run: RunRecord | undefined): string {
  if (!run) return 'none';
  const phase = run.config.phase;
  return phase === undefined || phase === null ? run.kind : `phase ${String(phase)}`;
}

/** Why a failed episode failed: the analyzer's category when analysed, else the recorded failure mode. */
export function failureOf(e: EpisodeSummary): string {
  return e.analysis?.category ?? e.failureMode ?? '';
}

function outcomeOf(e: EpisodeSummary): EpisodeFilters['outcome'] {
  return e.success === null ? 'unscored' : e.success ? 'succeeded' : 'failed';
}

export function applyFilters(episodes: readonly EpisodeSummary[], filters: EpisodeFilters, runs: ReadonlyMap<string, RunRecord>): EpisodeSummary[] {
  return episodes.filter(
    (e) =>
      (!filters.site || e.sites.includes(filters.site)) &&
      (!filters.outcome || outcomeOf(e) === filters.outcome) &&
      (!filters.failureMode || failureOf(e) === filters.failureMode) &&
      (!filters.policy || e.policy === filters.policy) &&
      (!filters.phase || phaseOf(e.runId ? runs.get(e.runId) : undefined) === filters.phase),
  );
}

const SORT_VALUE: Record<SortKey, (e: EpisodeSummary) => string | number> = {
  task: (e) => e.intent || e.taskId,
  site: (e) => e.sites.join(','),
  policy: (e) => e.policy,
  outcome: (e) => (e.success === null ? -1 : e.success ? 1 : 0),
  failure: failureOf,
  score: (e) => e.score ?? -1,
  steps: (e) => e.stepCount,
  started: (e) => e.createdAt,
};

export function sortEpisodes(episodes: EpisodeSummary[], sort: EpisodeSort): EpisodeSummary[] {
  const value = SORT_VALUE[sort.key];
  const sign = sort.descending ? -1 : 1;
  return [...episodes].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
}

/** The distinct values each filter can take, from the episodes at hand. */
export function filterOptions(episodes: readonly EpisodeSummary[], runs: ReadonlyMap<string, RunRecord>) {
  const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].sort();
  return {
    site: distinct(episodes.flatMap((e) => e.sites)),
    failureMode: distinct(episodes.map(failureOf)),
    policy: distinct(episodes.map((e) => e.policy)),
    phase: distinct(episodes.map((e) => phaseOf(e.runId ? runs.get(e.runId) : undefined))),
  };
}

/** Success rate per site over the given episodes (scored ones only), for the bars above the table. */
export function perSite(episodes: readonly EpisodeSummary[]): { site: string; solved: number; total: number }[] {
  const bySite = new Map<string, { solved: number; total: number }>();
  for (const e of episodes) {
    if (e.success === null) continue;
    for (const site of e.sites) {
      const row = bySite.get(site) ?? { solved: 0, total: 0 };
      row.total++;
      if (e.success) row.solved++;
      bySite.set(site, row);
    }
  }
  return [...bySite].map(([site, r]) => ({ site, ...r })).sort((a, b) => a.site.localeCompare(b.site));
}
