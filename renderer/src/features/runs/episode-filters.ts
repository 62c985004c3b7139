import type { EpisodeSortKey, EpisodeTableFilters } from '../../../../main/api/contract';

// The episodes table's filters and sort, kept in the workbench store across navigation and in the URL's
// query for reloads and links (episode-url-state.ts). They are applied in
// the store's SQL (main/store/episode-page.ts, issue 22 "Lists at scale"), not here, so they cover every
// episode rather than the rows loaded so far.

/** '' means "any". */
export type EpisodeFilters = EpisodeTableFilters;

export const NO_FILTERS: EpisodeFilters = { site: '', outcome: '', failureMode: '', policy: '', phase: '' };

export type SortKey = EpisodeSortKey;
export interface EpisodeSort {
  key: SortKey;
  descending: boolean;
}
