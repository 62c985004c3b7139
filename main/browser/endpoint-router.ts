// Which endpoint gets the next browser context (issue 23 "Remote browsers"). Contexts go where the most
// capacity is free, as a share of each endpoint's cap (a 4-context node and a 16-context local browser fill at
// the same rate). An endpoint that fails to open a context is marked (it rests, browser-endpoint.ts) and the
// next one is tried in the same request, so a dead server costs its episodes nothing but a moment. When every
// endpoint is full or resting, the request waits for a context to close or a rest to end.
import type { BrowserEndpoint } from './browser-endpoint';

export class EndpointRouter {
  private readonly waiters = new Set<() => void>();

  constructor(readonly endpoints: readonly BrowserEndpoint[]) {
    if (endpoints.length === 0) throw new Error('No browser endpoint to run episodes on: keep the local browser (drop local#max=0) or add a remote one.');
  }

  /** Reserves a place on the best endpoint and runs `open` there; on failure the endpoint is marked and the
   * next one is tried. Rejects once every endpoint failed in this request (with the only error when there is
   * one endpoint, so a missing local browser still says what to install). */
  async openOnBest<T>(open: (endpoint: BrowserEndpoint) => Promise<T>, signal?: AbortSignal): Promise<{ endpoint: BrowserEndpoint; value: T }> {
    const failed = new Map<BrowserEndpoint, unknown>();
    for (;;) {
      signal?.throwIfAborted();
      const candidates = this.endpoints.filter((e) => e.limit > 0 && !failed.has(e));
      if (candidates.length === 0) throw allFailed(failed);
      const endpoint = best(candidates);
      if (!endpoint) {
        await this.waitForChange(candidates, signal);
        continue;
      }
      endpoint.active++;
      try {
        const value = await open(endpoint);
        endpoint.recordSuccess();
        endpoint.contextsOpened++;
        return { endpoint, value };
      } catch (err) {
        this.release(endpoint);
        if (signal?.aborted) throw err;
        endpoint.recordFailure(err);
        failed.set(endpoint, err);
      }
    }
  }

  /** A context closed: its place is free for whoever waits. */
  release(endpoint: BrowserEndpoint): void {
    endpoint.active = Math.max(0, endpoint.active - 1);
    this.changed();
  }

  /** Something other than a release changed what is usable (an endpoint was lost). */
  changed(): void {
    for (const wake of [...this.waiters]) wake();
  }

  private waitForChange(candidates: readonly BrowserEndpoint[], signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const restEnds = candidates.filter((e) => e.resting()).map((e) => e.restEndsAt);
      const timer = restEnds.length ? setTimeout(() => done(), Math.max(0, Math.min(...restEnds) - Date.now()) + 5) : null;
      const onAbort = () => {
        done();
        reject(signal!.reason instanceof Error ? signal!.reason : new Error(`Waiting for a browser context was aborted (${String(signal!.reason)}).`));
      };
      const done = () => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.waiters.delete(done);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(done);
    });
  }
}

/** The usable endpoint with the largest free share of its cap; ties go to the fewer open contexts, then to
 * list order (local first). Null when every candidate is full or resting. */
function best(candidates: readonly BrowserEndpoint[]): BrowserEndpoint | null {
  const now = Date.now();
  let chosen: BrowserEndpoint | null = null;
  for (const e of candidates) {
    if (e.free === 0 || e.resting(now)) continue;
    if (!chosen) chosen = e;
    else {
      const share = e.free / e.limit - chosen.free / chosen.limit;
      if (share > 1e-9 || (Math.abs(share) <= 1e-9 && e.active < chosen.active)) chosen = e;
    }
  }
  return chosen;
}

function allFailed(failed: Map<BrowserEndpoint, unknown>): unknown {
  if (failed.size === 1) return [...failed.values()][0];
  const lines = [...failed].map(([e, err]) => `${e.label}: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
  return new Error(`No browser endpoint could open a context (${lines.join('; ')}).`);
}
