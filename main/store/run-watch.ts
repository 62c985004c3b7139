import type { RunRecord } from '../api/types';
import type { RunsRepo } from './runs-repo';

/** How often an open UI's core looks for runs written by other processes. */
export const RUN_WATCH_INTERVAL_MS = 3000;

/** Notices runs another process (the CLI, a second `serve`) creates or advances in the same data directory and
 * reports each as a `run` event, so an open UI shows them without a reload. SQLite tells no other connection
 * about a commit, so this polls one cheap query (status and finished-episode count per run) every few seconds;
 * runs of this process are reported as they happen anyway, a duplicate event only makes a list reload.
 * `ready` settles once the runs already there are known (they are not reported). */
export function watchRuns(runs: RunsRepo, onRun: (run: RunRecord) => void, intervalMs = RUN_WATCH_INTERVAL_MS): { stop(): void; ready: Promise<void> } {
  let known: Map<string, string> | null = null;
  let busy = false;
  const tick = async () => {
    if (busy) return; // a slow disk: never stack queries
    busy = true;
    try {
      const marks = await runs.changeMarks();
      const changed = known === null ? [] : [...marks].filter(([id, mark]) => known!.get(id) !== mark).map(([id]) => id);
      known = marks;
      for (const id of changed) {
        const run = await runs.get(id);
        if (run) onRun(run);
      }
    } catch {
      // The store is closing or busy; the next tick tries again.
    } finally {
      busy = false;
    }
  };
  const ready = tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), ready };
}
