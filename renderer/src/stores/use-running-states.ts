import { useEffect, useState } from 'react';
import type { RunState } from '../../../main/api/run-state';
import { getClient } from '../api/client';
import { RUN_STATE_POLL_MS } from './use-run-state';

/** The stored progress (getRunState) of the given running runs, for the Runs list's bars: read at once, on the
 * core's progress and episode events, and every RUN_STATE_POLL_MS while any is listed. Counting the events
 * alone showed nothing for a run started before the list opened, or driven by another process (the CLI). */
export function useRunningStates(runIds: readonly string[]): Record<string, RunState> {
  const [states, setStates] = useState<Record<string, RunState>>({});
  const key = [...runIds].sort().join(' ');
  useEffect(() => {
    const ids = key ? key.split(' ') : [];
    if (ids.length === 0) return;
    const client = getClient();
    let alive = true;
    let reading = false;
    const read = async () => {
      if (reading) return; // the next event or tick reads again
      reading = true;
      try {
        const read = await Promise.all(ids.map((id) => client.getRunState(id).catch(() => null)));
        if (alive) setStates(Object.fromEntries(read.filter((s): s is RunState => s !== null).map((s) => [s.runId, s])));
      } finally {
        reading = false;
      }
    };
    const wanted = new Set(ids);
    const offProgress = client.on('progress', (p) => wanted.has(p.runId) && void read());
    const offEpisode = client.on('episode', (e) => e.runId !== null && wanted.has(e.runId) && void read());
    const timer = setInterval(() => void read(), RUN_STATE_POLL_MS);
    void read();
    return () => {
      alive = false;
      clearInterval(timer);
      offProgress();
      offEpisode();
    };
  }, [key]);
  return states;
}
