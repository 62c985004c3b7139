import type { BrowserContext, Page } from 'playwright';
import type { Observation } from './observation-types';

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

  /** `endpoint`: where the context runs ('local', or a remote endpoint's redacted URL; endpoint-spec.ts). */
  constructor(readonly context: BrowserContext, readonly endpoint = 'local') {
    context.on('page', (page) => this.track(page));
  }

  track(page: Page): void {
    if (this.pages.includes(page)) return;
    this.pages.push(page);
    page.on('crash', () => (this.crashed = `The page ${page.url()} crashed.`));
    page.on('close', () => {
      const index = this.pages.indexOf(page);
      if (index >= 0) this.pages.splice(index, 1);
      if (this.active >= this.pages.length) this.active = Math.max(0, this.pages.length - 1);
    });
  }

  get page(): Page {
    const page = this.pages[this.active];
    if (!page) throw new Error('The episode has no open tab.');
    return page;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.context.close().catch(() => undefined);
  }
}
