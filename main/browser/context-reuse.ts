import type { BrowserContext, CDPSession, Page } from 'playwright';

// Browser contexts reused between episodes (issue 22 "Parallelism that pays"): a fresh context per episode
// costs a new renderer and cold caches each time; a parked one is reset instead and handed to the next episode
// on the same browser with the same viewport. The reset leaves nothing of the episode behind that a page or
// the sandbox can read: cookies cleared (the sandbox's per-episode state is selected by its `mira_state`
// cookie, sandbox/server.ts, and the next episode brings its own), local storage, IndexedDB and the origin
// private file system cleared, every tab closed but one, and that one emptied (blankTab below). The HTTP
// cache stays, as a person's browser keeps it between visits.

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
  const wanted = [...origins];
  const [first, ...others] = context.pages();
  // Closing a tab drops its sessionStorage and history with it.
  await Promise.all(others.map((page) => page.close({ runBeforeUnload: false })));
  // One CDP session on the first tab serves both the emptying and the clearing.
  const cdp = first ? await context.newCDPSession(first).catch(() => null) : null;
  try {
    // The first tab is emptied before the storage is cleared: its page can write no more once it is gone.
    const kept = first && cdp ? await blankTab(first, cdp, wanted) : false;
    if (wanted.length > 0) {
      if (cdp) for (const origin of wanted) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: ORIGIN_STORAGE });
      else await context.setStorageState({ cookies: [], origins: [] });
    }
    if (first && !kept) await first.close({ runBeforeUnload: false });
  } finally {
    await cdp?.detach().catch(() => undefined);
  }
  await context.clearCookies();
  await context.clearPermissions();
}

// A string, not a function: tsx would wrap a named inner function in a `__name` helper the page does not have.
const EMPTY_TAB_SOURCE = `(() => {
  const empty = () => { sessionStorage.clear(); window.name = ''; };
  empty();
  addEventListener('pagehide', empty);
})()`;

/** Empties a tab for the next episode, so that it keeps its renderer process: a new tab per episode started a
 * new one, about 10 ms of Chromium CPU per step on the oracle shop episodes (issue 22; figures in
 * docs/design/ARCHITECTURE.md §7). What a closed tab would have dropped goes here: its sessionStorage and
 * window.name (cleared on the page, and again when it hides, after any handler of its own), its document
 * (navigated to about:blank) and its history (reset through CDP, with the back-forward cache). False, and the
 * caller closes the tab, where it cannot be emptied wholly: the tab showed more than one origin (another
 * origin's sessionStorage is reachable only from a document of that origin), it is not on the one it showed,
 * or the browser has no CDP. */
async function blankTab(page: Page, cdp: CDPSession, origins: readonly string[]): Promise<boolean> {
  if (origins.length > 1) return false;
  try {
    if (origins.length === 1) {
      if (new URL(page.url()).origin !== origins[0]) return false;
      await page.evaluate(EMPTY_TAB_SOURCE);
    }
    await page.goto('about:blank');
    await page.evaluate(() => void (window.name = ''));
    await cdp.send('Page.resetNavigationHistory');
    return true;
  } catch {
    return false;
  }
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

  /** Forgets the contexts parked on a browser that stopped responding (browser/pool.ts): it sends no close event,
   * and closing them would wait on it forever. */
  forget(endpoint: object): void {
    for (const entry of this.parked.filter((p) => p.endpoint === endpoint)) {
      entry.context.off('close', entry.onClose);
      this.drop(entry);
    }
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
