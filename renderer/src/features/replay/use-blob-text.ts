import { useEffect, useState } from 'react';
import { getClient } from '../../api/client';

const cache = new Map<string, string>();

/** A text blob (observation, prompt, reply) by hash, fetched lazily and cached for the session. */
export function useBlobText(hash: string | null): { text: string | null; error: string | null } {
  const [state, setState] = useState<{ text: string | null; error: string | null }>({ text: hash ? cache.get(hash) ?? null : null, error: null });
  useEffect(() => {
    if (!hash) return setState({ text: null, error: null });
    const known = cache.get(hash);
    if (known !== undefined) return setState({ text: known, error: null });
    let live = true;
    setState({ text: null, error: null });
    getClient()
      .getBlobText(hash)
      .then((value) => {
        cache.set(hash, value);
        if (live) setState({ text: value, error: null });
      })
      .catch((err: Error) => live && setState({ text: null, error: err.message }));
    return () => {
      live = false;
    };
  }, [hash]);
  return state;
}
