import { useEffect, useState } from 'react';
import { getClient } from '../../api/client';

const cache = new Map<string, string>();

/** The observation exactly as the model saw it (AX-tree text), fetched lazily by hash and cached. */
export function ObservationText({ hash }: { hash: string | null }) {
  const [text, setText] = useState<string | null>(hash ? cache.get(hash) ?? null : null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!hash) return;
    const known = cache.get(hash);
    if (known !== undefined) {
      setText(known);
      return;
    }
    let live = true;
    setText(null);
    getClient()
      .getBlobText(hash)
      .then((value) => {
        cache.set(hash, value);
        if (live) (setText(value), setError(null));
      })
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [hash]);

  if (!hash) return <p className="muted">No observation recorded.</p>;
  if (error) return <p role="alert" className="error">{error}</p>;
  return <pre className="observation" data-testid="observation" aria-label="Observation text">{text ?? 'Loading…'}</pre>;
}
