import { create } from 'zustand';
import type { EpisodeReplay, ReplayStep } from '../../../../main/api/replay-types';
import { getClient } from '../../api/client';

/** Steps per window (REPLAY_WINDOW in main/services/episode-detail.ts): windows start at multiples of it. */
export const STEP_WINDOW = 16;

interface ReplayState {
  /** The episode as the replay opened it: outline of every step, verdicts, notes (issue 22: bytes per open). */
  open: EpisodeReplay | null;
  error: string | null;
  /** Full records by step position, filled a window at a time (a new array per window, so selectors of one
   * position re-render only when that position's record arrives). */
  steps: readonly (ReplayStep | undefined)[];
  /** A window that could not be loaded: the frame says so instead of waiting forever. */
  stepsError: string | null;
  /** Opens episode `id` at step position `step` (one request per episode however many ask at once);
   * `again`: read it anew even if just read (a running episode recorded more since). */
  load(id: string, step?: number, again?: boolean): Promise<void>;
  /** Loads the windows covering positions [from, to) that are neither loaded nor on their way. */
  ensureSteps(from: number, to: number): void;
}

/** The episode being fetched: asking for it again (a table row's pointerdown, then the replay it opens) waits for
 * the same answer instead of fetching it twice (issue 22: open from the list). */
let episodeLoad: { id: string; done: Promise<void> } | null = null;
/** An episode fetched this recently (by the row press that opened it) is not fetched again by the replay. */
const FRESH_MS = 2000;
let loadedAt = 0;
/** Windows asked for, by start position, for the open episode. */
let requested = new Set<number>();

export const useReplay = create<ReplayState>((set, get) => ({
  open: null,
  error: null,
  steps: [],
  stepsError: null,
  load(id, step = 0, again = false) {
    if (episodeLoad?.id === id) return again ? episodeLoad.done.then(() => get().load(id, step, true)) : episodeLoad.done;
    if (!again && get().open?.episode.id === id && Date.now() - loadedAt < FRESH_MS) return Promise.resolve();
    if (get().open?.episode.id !== id) set({ open: null, steps: [], stepsError: null });
    const done = (async () => {
      try {
        const open = await getClient().openReplay(id, step);
        // A reload (the episode may still be running) starts the window cache again from what just came.
        requested = new Set([open.window.from]);
        const steps: (ReplayStep | undefined)[] = new Array(open.outline.ts.length);
        open.window.steps.forEach((s, i) => (steps[open.window.from + i] = s));
        set({ open, steps, error: null, stepsError: null });
        loadedAt = Date.now();
      } catch (err) {
        set({ error: (err as Error).message });
      } finally {
        if (episodeLoad?.id === id) episodeLoad = null;
      }
    })();
    episodeLoad = { id, done };
    return done;
  },
  ensureSteps(from, to) {
    const open = get().open;
    if (!open) return;
    const count = open.outline.ts.length;
    const id = open.episode.id;
    for (let start = Math.max(0, from) - (Math.max(0, from) % STEP_WINDOW); start < Math.min(to, count); start += STEP_WINDOW) {
      if (requested.has(start)) continue;
      requested.add(start);
      const mine = requested;
      getClient().getEpisodeSteps(id, start, Math.min(start + STEP_WINDOW, count)).then(
        (window) => {
          if (get().open?.episode.id !== id || requested !== mine) return; // another episode (or a reload) since
          const steps = [...get().steps];
          window.steps.forEach((s, i) => (steps[window.from + i] = s));
          set({ steps, stepsError: null });
        },
        (err: Error) => {
          if (requested === mine) requested.delete(start); // asked again when next needed
          set({ stepsError: err.message });
        },
      );
    }
  },
}));
