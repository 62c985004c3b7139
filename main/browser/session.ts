import type { BrowserContext, Frame, Page } from 'playwright';
import type { Observation } from './observation-types';

/** How long closing the context may take before the browser is taken for unresponsive (a frozen process or a
 * remote one gone silent never answers): the session then ends without it and the pool drops the browser. */
const CLOSE_TIMEOUT_MS = 15_000;

/** One episode's browser: its own context (cookies, storage), its tabs and which one is active. */
export class BrowserSession {
  readonly pages: Page[] = [];
  active = 0;
  /** Next element id per tab, so ids continue across navigations instead of restarting at 1. */
  readonly nextIds = new WeakMap<Page, number>();
  lastObservation: Observation | null = null;
  /** Set when the browser or the page crashed: the episode ends with a recorded browser error. */
  crashed: string | null = null;
  /** True once close() was called: a context that closes otherwise was taken away (its browser died). */
  closing = false;
  /** Set by the pool where contexts are reused (context-reuse.ts): hands the context back, reset, for a later
   * episode; resolves false when it could not, and close() then closes the context. */
  recycle: (() => Promise<boolean>) | null = null;
  /** Set by the pool: told when the context did not close in time, so it drops the browser. */
  onUnresponsive: (() => void) | null = null;
  /** How long close() waits for the context (tests of a frozen browser shorten it). */
  closeTimeoutMs = CLOSE_TIMEOUT_MS;
  /** Every origin a frame of the episode's tabs showed: whose storage a reset for reuse clears. */
  readonly origins = new Set<string>();
  private closed: Promise<void> | null = null;
  private readonly onPage = (page: Page) => this.track(page);
  /** Per tab, what takes this session's listeners off it again (a reused tab outlives the session). */
  private readonly untrack = new Map<Page, () => void>();

  /** `endpoint`: where the context runs ('local', or a remote endpoint's redacted URL; endpoint-spec.ts). */
  constructor(readonly context: BrowserContext, readonly endpoint = 'local') {
    context.on('page', this.onPage);
  }

  track(page: Page): void {
    if (this.pages.includes(page)) return;
    this.pages.push(page);
    const onCrash = () => (this.crashed = `The page ${page.url()} crashed.`);
    const onNavigated = (frame: Frame) => {
      const origin = originOf(frame.url());
      if (origin) this.origins.add(origin);
    };
    const onClose = () => {
      const index = this.pages.indexOf(page);
      if (index >= 0) this.pages.splice(index, 1);
      if (this.active >= this.pages.length) this.active = Math.max(0, this.pages.length - 1);
    };
    page.on('crash', onCrash);
    page.on('framenavigated', onNavigated);
    page.on('close', onClose);
    this.untrack.set(page, () => {
      page.off('crash', onCrash);
      page.off('framenavigated', onNavigated);
      page.off('close', onClose);
    });
  }

  get page(): Page {
    const page = this.pages[this.active];
    if (!page) throw new Error('The episode has no open tab.');
    return page;
  }

  /** Ends the session: its context is closed, or reset and parked for reuse unless the browser failed under it.
   * Calling it again waits for the first call. */
  close(): Promise<void> {
    this.closed ??= this.finish();
    return this.closed;
  }

  private async finish(): Promise<void> {
    this.closing = true;
    this.context.off('page', this.onPage);
    for (const untrack of this.untrack.values()) untrack();
    if (this.recycle && !this.crashed && (await this.recycle().catch(() => false))) return;
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      this.context.close().then(() => true, () => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.closeTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (!closed) {
      this.crashed ??= `The browser did not close the episode's context within ${this.closeTimeoutMs / 1000} s: it stopped responding.`;
      this.onUnresponsive?.();
    }
  }
}

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin; // about:blank, data: and the like have no storage of their own
  } catch {
    return null;
  }
}
