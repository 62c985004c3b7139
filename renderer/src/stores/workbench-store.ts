import { create } from 'zustand';
import type { EpisodeQuery } from '../../../main/api/contract';
import { useReplay } from '../features/replay/replay-store';
import { NO_FILTERS, type EpisodeFilters, type EpisodeSort } from '../features/runs/episode-filters';
import { formatRoute, parseRoute, type Route } from './route';

interface EpisodesSlice {
  /** The runs table's filters and sort, kept while the user opens an episode and comes back. */
  filters: EpisodeFilters;
  sort: EpisodeSort;
  setFilters(patch: Partial<EpisodeFilters>): void;
  setSort(sort: EpisodeSort): void;
  /** The study filters the store query applies (search, family, run, versions, tag; issue 21), server-side;
   * the episodes table loads its pages for it (stores/episode-table-store.ts). */
  query: EpisodeQuery;
  setQuery(patch: Partial<EpisodeQuery>): void;
}

interface ReplaySlice {
  /** Opens an episode in the replay's store (features/replay/replay-store.ts), e.g. on a table row's press. */
  loadEpisode(id: string): Promise<void>;
}

interface RouteSlice {
  route: Route;
  navigate(route: Route, replace?: boolean): void;
  syncFromLocation(): void;
}

export type WorkbenchState = EpisodesSlice & ReplaySlice & RouteSlice;

/** One store of typed slices, read through selectors (zustand docs). Core data is fetched through the API
 * and cached here; the selected step is derived from the route, never duplicated. */
export const useWorkbench = create<WorkbenchState>((set, get) => ({
  filters: NO_FILTERS,
  sort: { key: 'started', descending: true },
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
  },
  setSort(sort) {
    set({ sort });
  },
  query: {},
  setQuery(patch) {
    const query: EpisodeQuery = { ...get().query, ...patch };
    for (const key of Object.keys(query) as (keyof EpisodeQuery)[]) if (query[key] === undefined || query[key] === '') delete query[key];
    set({ query }); // the episodes table reloads its pages for it (stores/episode-table-store.ts)
  },

  loadEpisode: (id) => useReplay.getState().load(id),

  route: parseRoute(location.hash),
  navigate(route, replace = false) {
    const hash = formatRoute(route);
    if (replace) history.replaceState(null, '', hash);
    else if (location.hash !== hash) history.pushState(null, '', hash);
    set({ route });
  },
  syncFromLocation() {
    const route = parseRoute(location.hash);
    // The same place again (App's read on mount) changes nothing, so nothing re-renders or reloads.
    if (JSON.stringify(route) !== JSON.stringify(get().route)) set({ route });
  },
}));
