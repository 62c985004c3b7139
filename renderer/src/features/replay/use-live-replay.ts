import { useEffect, useRef } from 'react';
import { getClient } from '../../api/client';
import { useReplay } from './replay-store';

/** Steps arrive every few hundred ms while an episode runs: the replay is read again at most this often. */
const LIVE_REFRESH_MS = 500;
/** A run another process drives (the CLI on the same data) sends no events: read again this often meanwhile. */
const LIVE_POLL_MS = 3000;

/**
 * Keeps the replay of a running episode current: its new steps, verdicts and finally its outcome. Without it the
 * replay showed the episode as it was when opened ("no recorded steps", "running") until the page was reloaded.
 * Reads are one at a time; events that arrive during a read ask for one more read after it.
 * @param step the step shown, whose window of full records the next read brings along.
 */
export function useLiveReplay(episodeId: string, running: boolean, step: number): void {
  const shown = useRef(step);
  shown.current = step;
  useEffect(() => {
    if (!running) return;
    const client = getClient();
    let reading = false;
    let readAgain = false;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const read = () => {
      if (reading) return void (readAgain = true);
      reading = true;
      void useReplay.getState().load(episodeId, shown.current, true).finally(() => {
        reading = false;
        if (readAgain && !stopped) (readAgain = false), soon();
      });
    };
    const soon = () => {
      if (!timer) timer = setTimeout(() => ((timer = null), read()), LIVE_REFRESH_MS);
    };
    const offStep = client.on('step', (s) => s.episodeId === episodeId && soon());
    const offEpisode = client.on('episode', (e) => e.id === episodeId && soon());
    const poll = setInterval(soon, LIVE_POLL_MS);
    // Steps recorded between the replay's first read and these subscriptions.
    soon();
    return () => {
      stopped = true;
      offStep();
      offEpisode();
      clearInterval(poll);
      if (timer) clearTimeout(timer);
    };
  }, [episodeId, running]);
}
