import { create } from 'zustand';
import type { EpisodeListRow, EpisodePage, EpisodePageQuery } from '../../../main/api/contract';
import type { EpisodeRecord } from '../../../main/api/types';
import { getClient } from '../api/client';

// The episodes table's rows, fetched a page at a time as the windowed table scrolls (issue 22 "Lists at
// scale"): only the pages a person looks at cross the API, and the total says how many there are.

export const EPISODE_PAGE_SIZE = 200;

interface EpisodeTableState {
  /** The query the loaded pages answer; null before the first answer. */
  answered: EpisodePageQuery | null;
  total: number;
  summary: EpisodePage['summary'] | null;
  /** Loaded pages by page index. */
  pages: Record<number, EpisodeListRow[]>;
  error: string | null;
  /** Loads the first page of `query`; other pages stay until it answers, then load again on demand. */
  reload(query: EpisodePageQuery): Promise<void>;
  /** Loads every page holding a row in [first, last] that is not loaded or loading. */
  ensureRows(first: number, last: number): void;
  /** A live episode update: patches a loaded row, or refreshes the table (soon, once) for a new episode. */
  applyEpisodeEvent(episode: EpisodeRecord): void;
}

let generation = 0;
/** The first-page request in flight, by query: asking again for the same query (the early request at start-up,
 * then the table's own when it mounts) waits for that answer instead of discarding it. */
let pendingReload: { key: string; done: Promise<void> } | null = null;
const loading = new Set<string>();
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

export function rowAt(pages: Record<number, EpisodeListRow[]>, index: number): EpisodeListRow | undefined {
  return pages[Math.floor(index / EPISODE_PAGE_SIZE)]?.[index % EPISODE_PAGE_SIZE];
}

export const useEpisodeTable = create<EpisodeTableState>((set, get) => ({
  answered: null,
  total: 0,
  summary: null,
  pages: {},
  error: null,
  reload(query) {
    const key = JSON.stringify(query);
    if (pendingReload?.key === key) return pendingReload.done;
    const mine = ++generation;
    loading.clear();
    const done: Promise<void> = (async () => {
      try {
        // Rows first, the per-site chart and filter options in a second call: the summary scans every match,
        // the page reads one page, so the table's first rows never wait for the chart (issue 22).
        // Asked in this order, so the host (one SQLite connection) answers the rows first.
        const client = getClient();
        const rows = client.listEpisodePage({ ...query, offset: 0, limit: EPISODE_PAGE_SIZE, summary: false });
        const summary = client.listEpisodePage({ ...query, offset: 0, limit: 1 }).then(
          (answer) => mine === generation && set({ summary: answer.summary ?? null }),
          () => undefined, // the table works without its chart; the rows' own error is what is reported
        );
        const page = await rows;
        if (mine !== generation) return; // a newer query's answer wins
        set({ answered: query, total: page.total, pages: { 0: page.rows }, error: null });
        await summary;
      } catch (err) {
        if (mine === generation) set({ error: (err as Error).message });
      } finally {
        if (pendingReload?.key === key && mine === generation) pendingReload = null;
      }
    })();
    pendingReload = { key, done };
    return done;
  },
  ensureRows(first, last) {
    const { answered, pages, total } = get();
    if (!answered) return;
    const mine = generation;
    const lastPage = Math.floor(Math.min(last, total - 1) / EPISODE_PAGE_SIZE);
    for (let index = Math.max(0, Math.floor(first / EPISODE_PAGE_SIZE)); index <= lastPage; index++) {
      const key = `${mine}:${index}`;
      if (pages[index] || loading.has(key)) continue;
      loading.add(key);
      getClient()
        .listEpisodePage({ ...answered, offset: index * EPISODE_PAGE_SIZE, limit: EPISODE_PAGE_SIZE })
        .then(
          (page) => mine === generation && set({ pages: { ...get().pages, [index]: page.rows }, total: page.total }),
          (err: Error) => mine === generation && set({ error: err.message }),
        )
        .finally(() => loading.delete(key));
    }
  },
  applyEpisodeEvent(episode) {
    const { pages, answered } = get();
    for (const [index, rows] of Object.entries(pages)) {
      if (!rows.some((r) => r.id === episode.id)) continue;
      const patched = rows.map((r) =>
        r.id === episode.id
          ? { ...r, status: episode.status, success: episode.success, score: episode.score, failureMode: episode.failureMode, stopReason: episode.stopReason, stepCount: episode.stepCount }
          : r,
      );
      set({ pages: { ...pages, [index]: patched } });
      return;
    }
    // A new episode: one refresh for a burst of them (a run starting many at once).
    if (!answered || refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      const query = get().answered;
      if (query) void get().reload(query);
    }, 300);
  },
}));
