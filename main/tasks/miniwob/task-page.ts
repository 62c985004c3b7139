// Which tab an episode's MiniWoB++ task was started in, on what URL and with which seeds (docs/design/WEBARENA.md
// §5). BrowserGym's validate() gives 0 and ends the episode as soon as the active page is not the page the task
// was set up on, or that page no longer shows the task's URL exactly; scoring and the stop check both ask this
// module.

export interface MiniWobTaskStart {
  /** The task page's URL once loaded (Playwright's page.url()); BrowserGym compares it exactly. */
  url: string;
  /** The episode's seed, and the seed the page was given (page-seed.ts). */
  seed: number;
  pageSeed: number;
}

interface Tab {
  url(): string;
}

// Keyed by the Playwright page object, as BrowserGym compares page objects: a tab reused by a later episode is
// recorded again when that episode starts; a new tab is never in it.
const starts = new WeakMap<object, MiniWobTaskStart>();

export function recordTaskStart(page: object, start: MiniWobTaskStart): void {
  starts.set(page, start);
}

export function taskStartOf(page: object): MiniWobTaskStart | undefined {
  return starts.get(page);
}

/** Why the active tab does not count as the task page under BrowserGym's rule, or null when it does. The URL is
 * compared exactly, fragment included, as BrowserGym's `page.url != self.url` does (docs/design/WEBARENA.md §5):
 * search-engine's result links are href="#", so even its correct click ends the episode with 0 there, and here.
 * Where only the fragment changed, the reason says so, so that a user sees why a solved page scored 0. */
export function whyNotTaskPage(active: Tab): string | null {
  const start = starts.get(active);
  if (!start) return `the active tab (${active.url()}) is not the tab the task was started in`;
  const url = active.url();
  if (url === start.url) return null;
  const sameDocument = withoutFragment(url) === withoutFragment(start.url);
  const fragmentNote = sameDocument ? ' (only its fragment changed, as after a link to "#"; BrowserGym compares the URL exactly, fragment included)' : '';
  return `the task's tab left the task page: it shows ${url}, not ${start.url}${fragmentNote}`;
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** The tab the task was started in, among the episode's open tabs, if it is still open. */
export function findTaskTab<T extends object>(tabs: readonly T[]): { tab: T; start: MiniWobTaskStart } | null {
  for (const tab of tabs) {
    const start = starts.get(tab);
    if (start) return { tab, start };
  }
  return null;
}
