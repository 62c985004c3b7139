import type { BrowserContext } from 'playwright';

// Browser contexts reused between episodes (issue 22 "Parallelism that pays"): a fresh context per episode
// costs a new renderer and cold caches each time; a parked one is reset instead and handed to the next episode
// on the same browser with the same viewport. The reset leaves nothing of the episode behind that a page or
// the sandbox can read: every tab closed (sessionStorage and history go with them), cookies cleared (the
// sandbox's per-episode state is selected by its `mira_state` cookie, sandbox/server.ts, and the next episode
// brings its own), local storage, IndexedDB and the origin private file system cleared. The HTTP cache
// stays, as a person's browser keeps it between visits.

/** A reset that takes longer than this means a sick context: it is closed instead of parked. */
const RESET_TIMEOUT_MS = 5_000;

export interface ShelfKey {
  /** The endpoint (browser) the context belongs to; contexts never move between browsers. */
  endpoint: object;
  viewport: { width: number; height: number } | null;
}

interface Parked extends ShelfKey {
  context: BrowserContext;
  onClose: () => void;
}

/** The storage a page can keep per origin, as CDP's Storage.clearDataForOrigin names it (cookies apart). */
const ORIGIN_STORAGE = 'local_storage,indexeddb,websql,cache_storage,service_workers,file_systems,shared_storage,storage_buckets';

/** Wipes an episode's traces from a context (see the file comment); `origins` are those its frames showed.
 * Through CDP it is a few messages; Playwright's setStorageState, the fallback where CDP is not there, visits
 * every origin in a page of its own and cost about 100 ms of Chromium CPU per episode (more than a fresh
 * context). Rejects when it cannot reset. */
export async function resetContext(context: BrowserContext, origins: Iterable<string>): Promise<void> {
  const pages = context.pages();
  const wanted = [...origins];
  if (wanted.length > 0) {
    const cdp = pages[0] ? await context.newCDPSession(pages[0]).catch(() => null) : null;
    if (cdp) {
      for (const origin of wanted) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: ORIGIN_STORAGE });
      await cdp.detach().catch(() => undefined);
    } else {
      await context.setStorageState({ cookies: [], origins: [] });
    }
  }
  // Closing every tab drops sessionStorage and history with it.
  await Promise.all(pages.map((page) => page.close({ runBeforeUnload: false })));
  await context.clearCookies();
  await context.clearPermissions();
}

/** Idle, reset contexts waiting for their next episode, at most `capacity` of them. */
export class ContextShelf {
  private readonly parked: Parked[] = [];

  constructor(private readonly capacity: () => number) {}

  get size(): number {
    return this.parked.length;
  }

  /** A parked context for this browser and viewport, taken off the shelf; null when there is none. */
  take(key: ShelfKey): BrowserContext | null {
    const index = this.parked.findIndex((p) => p.endpoint === key.endpoint && sameViewport(p.viewport, key.viewport));
    if (index < 0) return null;
    const [entry] = this.parked.splice(index, 1);
    entry.context.off('close', entry.onClose);
    return entry.context;
  }

  /** Resets the context and parks it; false (the caller closes it) when the shelf is full or the reset failed.
   * The oldest parked context makes room for a newer one of another viewport. */
  async park(key: ShelfKey, context: BrowserContext, origins: Iterable<string>): Promise<boolean> {
    if (this.capacity() < 1) return false;
    try {
      await withTimeout(resetContext(context, origins), RESET_TIMEOUT_MS);
    } catch {
      return false;
    }
    while (this.parked.length >= this.capacity()) {
      const oldest = this.parked.shift()!;
      oldest.context.off('close', oldest.onClose);
      void oldest.context.close().catch(() => undefined);
    }
    // A parked context whose browser went away is dropped, never handed out.
    const entry: Parked = { ...key, context, onClose: () => this.drop(entry) };
    context.on('close', entry.onClose);
    this.parked.push(entry);
    return true;
  }

  private drop(entry: Parked): void {
    const index = this.parked.indexOf(entry);
    if (index >= 0) this.parked.splice(index, 1);
  }

  /** Closes every parked context (the pool is closing). */
  async closeAll(): Promise<void> {
    const all = this.parked.splice(0);
    await Promise.all(all.map((p) => p.context.close().catch(() => undefined)));
  }
}

function sameViewport(a: ShelfKey['viewport'], b: ShelfKey['viewport']): boolean {
  return a === b || (!!a && !!b && a.width === b.width && a.height === b.height);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
