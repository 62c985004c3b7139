import type { Page } from 'playwright';

/** The little of a browser page that program_html needs (docs/design/WEBARENA.md §2.4). Playwright's Page
 * satisfies it structurally; unit tests pass a fake that stands in for the browser, not for our logic. */
export interface PageLike {
  url(): string;
  goto(url: string): Promise<unknown>;
  /** Evaluates a JS expression in the page; a promise result is awaited. */
  evaluate<T>(expression: string): Promise<T>;
  /** The page's HTML as serialised by the browser. */
  content(): Promise<string>;
}

// Type-level check that a Playwright Page can be passed wherever a PageLike is wanted; tsc fails here if
// Playwright's Page ever stops fitting.
type Assert<T extends true> = T;
export type PlaywrightPageIsPageLike = Assert<Page extends PageLike ? true : false>;
