import { useEffect, useRef } from 'react';
import { getClient } from '../../api/client';

/** Progress arrives many times a second while a model fits: pages re-read at most every REFRESH_MS. */
const REFRESH_MS = 400;
/** How often a page re-reads while a job it shows runs in another process (which sends it no events). */
const JOB_POLL_MS = 3000;

/**
 * Keeps a page that shows training jobs current: `refresh` runs (throttled) on every training event, and every
 * few seconds while `anyRunning`, since a job another process drives (the CLI's `train` on the same data)
 * sends this page no events. Without it a page shows a job as it was when opened: "running" for ever.
 * @param refresh re-reads the jobs; keep it stable (useCallback), a new one re-subscribes.
 */
export function useTrainingUpdates(refresh: () => void, anyRunning: boolean): void {
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const off = getClient().on('training', () => {
      if (!pending.current) pending.current = setTimeout(() => ((pending.current = null), refresh()), REFRESH_MS);
    });
    return () => {
      off();
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [refresh]);

  useEffect(() => {
    if (!anyRunning) return;
    const timer = setInterval(refresh, JOB_POLL_MS);
    return () => clearInterval(timer);
  }, [anyRunning, refresh]);
}
