import type { EpisodeSortKey } from '../../../../main/api/contract';
import { NO_FILTERS, type EpisodeFilters, type EpisodeSort } from './episode-filters';

// The episodes table's filters and sort also live in the hash's query (`#/?site=shop&outcome=failed&sort=steps.desc`)
// so a reload, back/forward and a pasted link open the same list. Only what differs from the defaults is
// written; whatever the URL holds that is unknown or malformed is dropped, never thrown on, so a bad link opens
// the list unfiltered.

export const DEFAULT_SORT: EpisodeSort = { key: 'started', descending: true };

export interface EpisodeUrlState {
  filters: EpisodeFilters;
  sort: EpisodeSort;
}

const SORT_KEYS: readonly EpisodeSortKey[] = ['task', 'site', 'policy', 'outcome', 'failure', 'score', 'steps', 'started'];
const OUTCOMES: readonly EpisodeFilters['outcome'][] = ['succeeded', 'failed', 'unscored'];
/** Filters whose values are names from the data (checked against the loaded options later, see EpisodeList). */
export const NAMED_FILTERS = ['site', 'failureMode', 'policy', 'phase'] as const;
/** Longer than any site, policy, phase or failure name; a longer value is junk, not a filter. */
const MAX_VALUE_LENGTH = 200;

/** The query part of an episodes hash (`#/?a=b` or `#/episodes?a=b`); '' when it has none. */
export function hashQuery(hash: string): string {
  const at = hash.indexOf('?');
  return at < 0 ? '' : hash.slice(at + 1);
}

/** The filters and sort a hash query names, or null when it names none (the caller keeps what it has). */
export function parseEpisodeUrlState(query: string): EpisodeUrlState | null {
  // URLSearchParams never throws: a broken %-escape decodes to U+FFFD, which then names no option.
  const params = new URLSearchParams(query);
  const filters: EpisodeFilters = { ...NO_FILTERS };
  let named = false;
  for (const key of NAMED_FILTERS) {
    const value = params.get(key);
    if (value === null) continue;
    named = true;
    // A control character (a %0A in the link) marks a mangled link, not a name.
    if (value.length <= MAX_VALUE_LENGTH && !/[\u0000-\u001f]/.test(value)) filters[key] = value;
  }
  const outcome = params.get('outcome');
  if (outcome !== null) {
    named = true;
    if ((OUTCOMES as readonly string[]).includes(outcome)) filters.outcome = outcome as EpisodeFilters['outcome'];
  }
  let sort = DEFAULT_SORT;
  const sortParam = params.get('sort');
  if (sortParam !== null) {
    named = true;
    const match = /^([a-z]+)\.(asc|desc)$/.exec(sortParam);
    if (match && (SORT_KEYS as readonly string[]).includes(match[1])) sort = { key: match[1] as EpisodeSortKey, descending: match[2] === 'desc' };
  }
  return named ? { filters, sort } : null;
}

/** The episodes hash for these filters and sort: `#/` when both are the defaults. */
export function formatEpisodeUrlState({ filters, sort }: EpisodeUrlState): string {
  const params = new URLSearchParams();
  for (const key of NAMED_FILTERS) if (filters[key]) params.set(key, filters[key]);
  if (filters.outcome) params.set('outcome', filters.outcome);
  if (sort.key !== DEFAULT_SORT.key || sort.descending !== DEFAULT_SORT.descending) params.set('sort', `${sort.key}.${sort.descending ? 'desc' : 'asc'}`);
  const query = params.toString();
  return query ? `#/?${query}` : '#/';
}

/** Two states name the same list (so a sync that changes nothing writes nothing). */
export function sameEpisodeUrlState(a: EpisodeUrlState, b: EpisodeUrlState): boolean {
  return formatEpisodeUrlState(a) === formatEpisodeUrlState(b);
}
