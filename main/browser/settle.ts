import type { Page, Request } from 'playwright';

// Event-based settling after an action (issue 22 "Cheaper observation"; docs/design/ARCHITECTURE.md §7): the next
// observation must show the action's effect. Instead of a fixed sleep the step waits for what the action
// set off, each wait capped so a page that never rests (a ticking clock, polling) costs a bounded delay:
//  - a navigation it started: until the new document has loaded;
//  - the DOM: until no mutation for a short quiet window (a MutationObserver in the page);
//  - the network: until the page's own requests (fetch/XHR a handler sent) have answered.

/** No mutation for this long reads as a DOM at rest: a handler's follow-up work (a microtask, a timer of 0,
 * a re-render) lands well inside it. */
export const DOM_QUIET_MS = 15;
/** The most a DOM that keeps changing can hold the step. */
export const DOM_QUIET_CAP_MS = 250;
/** The most the page's pending requests can hold the step. */
export const NETWORK_IDLE_CAP_MS = 500;
export const NAVIGATION_TIMEOUT_MS = 15_000;
/** The most a hover (pointer resting on an element before a click) can hold the step. */
export const HOVER_SETTLE_CAP_MS = 100;

/** Runs in the page: resolves once the document went `quietMs` without a mutation, or after `capMs`. With
 * `afterFrame`, quiet is only judged after the next animation frame, by which the browser has applied what an
 * input just set off (hover styles, a mouseenter handler's re-render). */
function waitForDomQuiet(args: { quietMs: number; capMs: number; afterFrame?: boolean }): Promise<void> {
  return new Promise<void>((resolve) => {
    const start = performance.now();
    let last = start;
    let done = false;
    const observer = new MutationObserver(() => (last = performance.now()));
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const finish = () => {
      if (done) return;
      done = true;
      observer.disconnect();
      resolve();
    };
    const check = () => {
      const now = performance.now();
      if (now - last >= args.quietMs || now - start >= args.capMs) finish();
      else setTimeout(check, Math.max(1, args.quietMs - (now - last)));
    };
    if (!args.afterFrame) return void setTimeout(check, args.quietMs);
    // The frame may never come (a throttled tab): the cap still ends the wait.
    setTimeout(finish, args.capMs);
    requestAnimationFrame(() => check());
  });
}

// tsx/esbuild may wrap inner functions with a `__name` helper that does not exist inside the page; define it.
const inPage = (args: Parameters<typeof waitForDomQuiet>[0]) =>
  `(() => { const __name = (f) => f; return (${waitForDomQuiet.toString()}); })()(${JSON.stringify(args)})`;
const DOM_QUIET_SOURCE = inPage({ quietMs: DOM_QUIET_MS, capMs: DOM_QUIET_CAP_MS });
const HOVER_SETTLE_SOURCE = inPage({ quietMs: DOM_QUIET_MS, capMs: HOVER_SETTLE_CAP_MS, afterFrame: true });

/** Waits until the pointer's arrival on an element has taken effect: one animation frame, then the DOM quiet,
 * at most HOVER_SETTLE_CAP_MS (docs/design/WEBARENA.md §3.1: the pointer rests before a click). Never throws. */
export function hoverSettled(page: Page): Promise<void> {
  return page.evaluate(HOVER_SETTLE_SOURCE).then(() => undefined, () => undefined);
}

/** Watches a tab from before an action until it has settled after it. Listen first: a click can start a
 * navigation or a request before the action's call returns. */
export class SettleWatch {
  private navigating = false;
  private loaded = false;
  private readonly pending = new Set<Request>();
  private idle: (() => void) | null = null;

  private readonly onRequest = (request: Request) => {
    if (request.isNavigationRequest()) {
      if (request.frame() === this.page.mainFrame()) this.navigating = true;
      return;
    }
    this.pending.add(request);
  };
  private readonly onDone = (request: Request) => {
    this.pending.delete(request);
    if (this.pending.size === 0) this.idle?.();
  };
  private readonly onLoad = () => (this.loaded = true);

  constructor(private readonly page: Page) {
    page.on('request', this.onRequest);
    page.on('requestfinished', this.onDone);
    page.on('requestfailed', this.onDone);
    page.on('load', this.onLoad);
  }

  /** Waits until the action's effects have landed (see the file comment); never throws. */
  async settle(): Promise<void> {
    const page = this.page;
    // A navigation tears the document down under the observer; the load wait below covers it.
    await this.domQuiet();
    if (this.navigating && !this.loaded) {
      await page.waitForEvent('load', { timeout: NAVIGATION_TIMEOUT_MS }).catch(() => undefined);
    }
    // waitForLoadState alone is not enough for a navigation: before the new document commits, the old one
    // already counts as loaded; after it, this waits for the new one's DOM.
    await page.waitForLoadState('domcontentloaded', { timeout: NAVIGATION_TIMEOUT_MS }).catch(() => undefined);
    // A request's answer usually redraws something: let that land too.
    if (this.pending.size > 0) {
      await this.networkIdle();
      await this.domQuiet();
    }
  }

  private domQuiet(): Promise<void> {
    return this.page.evaluate(DOM_QUIET_SOURCE).then(() => undefined, () => undefined);
  }

  private networkIdle(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, NETWORK_IDLE_CAP_MS);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.idle = null;
        resolve();
      }
      this.idle = done;
    });
  }

  dispose(): void {
    this.page.off('request', this.onRequest);
    this.page.off('requestfinished', this.onDone);
    this.page.off('requestfailed', this.onDone);
    this.page.off('load', this.onLoad);
    this.idle?.();
  }
}
