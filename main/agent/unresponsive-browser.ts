// A browser that stops responding (its process frozen, a remote one gone silent without closing the connection)
// keeps every call pending, even the context close that an abort sends to unblock them. The episode loop then
// waits that long after its time limit or a cancel (docs/design/ARCHITECTURE.md §2) before it records the
// episode without the browser; closing the session afterwards is bounded too, and the pool drops (for the
// local browser: kills) the browser that did not answer, so the next episode gets a fresh one (browser/pool.ts).

/** How long after an abort the episode's browser calls may take to end. Closing a context ends them within a
 * second or two; a time limit that reads the page's score first (MiniWoB++) waits up to 10 s before closing. */
export const UNRESPONSIVE_AFTER_ABORT_MS = 30_000;

/** Resolves with `work`'s result, or with null once `signal` has been aborted for `graceMs` without `work`
 * ending (then `work` is left to settle on its own; its rejection is swallowed). */
export async function settleOrAbandon<T>(work: Promise<T>, signal: AbortSignal | undefined, graceMs: number): Promise<T | null> {
  if (!signal) return work;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const abandoned = new Promise<null>((resolve) => {
    onAbort = () => (timer = setTimeout(() => resolve(null), graceMs));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const result = await Promise.race([work, abandoned]);
    if (result === null) work.catch(() => undefined);
    return result;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort!);
  }
}

/** Thrown inside an abandoned episode's own work when it gets going again: nothing more may be recorded. */
export class EpisodeAbandoned extends Error {
  constructor() {
    super('The episode was already recorded without its browser.');
    this.name = 'EpisodeAbandoned';
  }
}
