import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunState } from '../../../main/api/run-state';
import { getClient } from '../api/client';

/** While a run is shown as running, its count is read again this often: a run another process drives (the
 * CLI's `run` or `resume`) sends this page no progress events. */
export const RUN_STATE_POLL_MS = 3000;

/**
 * A run's stored progress and status (getRunState), read when the page opens, again on each of the run's
 * progress, episode and run events, and every RUN_STATE_POLL_MS while it says running. Reading the store
 * instead of counting events is what lets a page opened mid-run start at the real count, not 0.
 */
export function useRunState(runId: string): { state: RunState | null; error: string | null; refresh: () => void } {
  const [state, setState] = useState<RunState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refreshRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    const client = getClient();
    let alive = true;
    let reading = false;
    let again = false;
    // Bumped by each run event: a read that began before it may hold the status the event replaced.
    let generation = 0;
    const read = async () => {
      if (reading) {
        again = true; // one read at a time; the newest request is served when it ends
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          const asked = generation;
          const next = await client.getRunState(runId);
          if (!alive) return;
          if (asked === generation) {
            setState(next);
            setError(null);
          } else again = true;
        } while (again && alive);
      } catch (err) {
        if (alive) setError((err as Error).message);
      } finally {
        reading = false;
      }
    };
    refreshRef.current = () => void read();
    const offProgress = client.on('progress', (p) => p.runId === runId && void read());
    const offEpisode = client.on('episode', (e) => e.runId === runId && void read());
    const offRun = client.on('run', (r) => {
      if (r.id !== runId) return;
      generation++;
      setState((prev) => prev && { ...prev, status: r.status });
      void read();
    });
    void read();
    return () => {
      alive = false;
      offProgress();
      offEpisode();
      offRun();
    };
  }, [runId]);

  const running = state?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => refreshRef.current(), RUN_STATE_POLL_MS);
    return () => clearInterval(timer);
  }, [runId, running]);

  const refresh = useCallback(() => refreshRef.current(), []);
  return { state, error, refresh };
}
