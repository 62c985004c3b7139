import { create } from 'zustand';
import type { EpisodeDetail, EpisodeQuery } from '../../../main/api/contract';
import { getClient } from '../api/client';
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
  detail: EpisodeDetail | null;
  detailError: string | null;
  loadEpisode(id: string): Promise<void>;
}

interface RouteSlice {
  route: Route;
  navigate(route: Route, replace?: boolean): void;
  syncFromLocation(): void;
}

export type WorkbenchState = EpisodesSlice & ReplaySlice & RouteSlice;

/** The episode being fetched: asking for it again (a table row's pointerdown, then the replay it opens) waits for
 * the same answer instead of fetching it twice (issue 22: open from the list). */
let episodeLoad: { id: string; done: Promise<void> } | null = null;
/** An episode fetched this recently (by the row press that opened it) is not fetched again by the replay. */
const FRESH_MS = 2000;
let loadedAt = 0;

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

  detail: null,
  detailError: null,
  loadEpisode(id) {
    if (episodeLoad?.id === id) return episodeLoad.done;
    if (get().detail?.episode.id === id && Date.now() - loadedAt < FRESH_MS) return Promise.resolve();
    if (get().detail?.episode.id !== id) set({ detail: null });
    const done = (async () => {
      try {
        set({ detail: await getClient().getEpisode(id), detailError: null });
        loadedAt = Date.now();
      } catch (err) {
        set({ detailError: (err as Error).message });
      } finally {
        if (episodeLoad?.id === id) episodeLoad = null;
      }
    })();
    episodeLoad = { id, done };
    return done;
  },

  route: parseRoute(location.hash),
  navigate(route, replace = false) {
    const hash = formatRoute(route);
    if (replace) history.replaceState(null, '', hash);
    else if (location.hash !== hash) history.pushState(null, '', hash);
    set({ route });
  },
  syncFromLocation() {
    set({ route: parseRoute(location.hash) });
  },
}));
