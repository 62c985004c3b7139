import { create } from 'zustand';
import type { EpisodeDetail, EpisodeQuery, EpisodeSummary } from '../../../main/api/contract';
import type { EpisodeRecord, RunRecord } from '../../../main/api/types';
import { getClient } from '../api/client';
import { NO_FILTERS, type EpisodeFilters, type EpisodeSort } from '../features/runs/episode-filters';
import { formatRoute, parseRoute, type Route } from './route';

interface EpisodesSlice {
  episodes: EpisodeSummary[];
  episodesError: string | null;
  loadEpisodes(): Promise<void>;
  applyEpisodeEvent(episode: EpisodeRecord): void;
  /** Runs, for the phase filter and the runs list. */
  runs: RunRecord[];
  loadRuns(): Promise<void>;
  /** The runs table's filters and sort, kept while the user opens an episode and comes back. */
  filters: EpisodeFilters;
  sort: EpisodeSort;
  setFilters(patch: Partial<EpisodeFilters>): void;
  setSort(sort: EpisodeSort): void;
  /** The study filters the store query applies (search, family, run, versions, tag; issue 21), server-side. */
  query: EpisodeQuery;
  setQuery(patch: Partial<EpisodeQuery>): void;
  /** The query the loaded `episodes` answer (lags `query` while a load is in flight). */
  episodesQuery: EpisodeQuery;
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

/** One store of typed slices, read through selectors (zustand docs). Core data is fetched through the API
 * and cached here; the selected step is derived from the route, never duplicated. */
export const useWorkbench = create<WorkbenchState>((set, get) => ({
  episodes: [],
  episodesError: null,
  async loadEpisodes() {
    try {
      const query = get().query;
      const episodes = await getClient().listEpisodes({ limit: 500, ...query });
      if (get().query === query) set({ episodes, episodesQuery: query, episodesError: null }); // a newer query's answer wins
    } catch (err) {
      set({ episodesError: (err as Error).message });
    }
  },
  applyEpisodeEvent(episode) {
    const known = get().episodes.some((e) => e.id === episode.id);
    if (!known) {
      void get().loadEpisodes();
      return;
    }
    set({ episodes: get().episodes.map((e) => (e.id === episode.id ? { ...e, ...episode } : e)) });
  },
  runs: [],
  async loadRuns() {
    try {
      set({ runs: await getClient().listRuns() });
    } catch {
      // the episodes table still works without run metadata (the phase filter shows 'none')
    }
  },
  filters: NO_FILTERS,
  sort: { key: 'started', descending: true },
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
  },
  setSort(sort) {
    set({ sort });
  },
  query: {},
  episodesQuery: {},
  setQuery(patch) {
    const query: EpisodeQuery = { ...get().query, ...patch };
    for (const key of Object.keys(query) as (keyof EpisodeQuery)[]) if (query[key] === undefined || query[key] === '') delete query[key];
    set({ query }); // the episodes table reloads its pages for it (stores/episode-table-store.ts)
  },

  detail: null,
  detailError: null,
  async loadEpisode(id) {
    if (get().detail?.episode.id !== id) set({ detail: null });
    try {
      set({ detail: await getClient().getEpisode(id), detailError: null });
    } catch (err) {
      set({ detailError: (err as Error).message });
    }
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
