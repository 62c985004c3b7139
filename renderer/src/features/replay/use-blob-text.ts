import { useEffect, useState } from 'react';
import { getClient } from '../../api/client';
import { TextCache } from './text-cache';

/** Observations, prompts and replies seen in this session: 16 M characters (~32 MB) at most, a few hundred
 * steps' observations, the least recently shown out first. */
const cache = new TextCache(16_000_000);
const inFlight = new Map<string, Promise<string>>();

/** One request per hash however many ask at once (a prefetch and the tab that then shows it). */
function fetchText(hash: string): Promise<string> {
  let pending = inFlight.get(hash);
  if (!pending) {
    pending = getClient().getBlobText(hash).then((value) => (cache.set(hash, value), value)).finally(() => inFlight.delete(hash));
    inFlight.set(hash, pending);
  }
  return pending;
}

/** Fetches a text blob ahead (the next and previous steps' observations, issue 22), so stepping shows it at
 * once; failures are left for the view that shows it to report. */
export function prefetchBlobText(hash: string | null): void {
  if (hash && !cache.has(hash)) fetchText(hash).catch(() => undefined);
}

/** A text blob (observation, prompt, reply) by hash, fetched lazily and cached (text-cache.ts). A cached
 * (e.g. prefetched) text is returned in the same render that asks for it: stepping re-renders once. With
 * `load` false nothing is fetched (the panel is out of sight) and only a cached text is returned. */
export function useBlobText(hash: string | null, load = true): { text: string | null; error: string | null } {
  const [state, setState] = useState<{ hash: string | null; text: string | null; error: string | null }>({ hash: null, text: null, error: null });
  const cached = hash ? cache.get(hash) : undefined;
  useEffect(() => {
    if (!hash || !load || cache.has(hash)) return;
    let live = true;
    fetchText(hash).then(
      (value) => live && setState({ hash, text: value, error: null }),
      (err: Error) => live && setState({ hash, text: null, error: err.message }),
    );
    return () => {
      live = false;
    };
  }, [hash, load]);
  if (!hash) return { text: null, error: null };
  if (cached !== undefined) return { text: cached, error: null };
  return state.hash === hash ? { text: state.text, error: state.error } : { text: null, error: null };
}
