import { chromium, type Browser, type BrowserContext } from 'playwright';
import { findBrowser, type BrowserLocation } from './find-browser';
import { ContextSlots } from './context-slots';
import { BrowserSession } from './session';

// Flags that work behind a closed network (docs/design/STACK.md §3): no GPU, no QUIC, no background traffic.
const LAUNCH_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A cookie as Playwright's addCookies takes it: with a url, or with a domain and path. */
export type SessionCookie = Parameters<BrowserContext['addCookies']>[0][number];

export interface SessionOptions {
  viewport?: { width: number; height: number };
  cookies?: SessionCookie[];
  /** Aborting stops waiting for a free context slot (see maxContexts). */
  signal?: AbortSignal;
}

/** Chromium's launch arguments here: the closed-network flags, plus --no-sandbox when running as root
 * (Chromium refuses to start its sandbox as root). */
export function launchArgs(): string[] {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot ? ['--no-sandbox', ...LAUNCH_ARGS] : [...LAUNCH_ARGS];
}

export interface BrowserPoolOptions {
  browserPath?: string | null;
  headless?: boolean;
  /** Connect to a browser already serving at this Playwright endpoint (`chromium.launchServer()`) instead of
   * launching one: test processes share one Chromium this way. Closing the pool only disconnects. */
  wsEndpoint?: string | null;
  /** Contexts open at once, over all runs of the process; more wait in line (default DEFAULT_MAX_CONTEXTS). */
  maxContexts?: number;
}

/** One headless Chromium shared by all episodes, a fresh context per episode. A browser that crashed or
 * disconnected is relaunched (or reconnected) on the next request. */
export class BrowserPool {
  private found: BrowserLocation;
  private configuredPath: string | null;
  private browser: Promise<Browser> | null = null;

  constructor(options: BrowserPoolOptions = {}) {
    this.configuredPath = options.browserPath ?? null;
    this.found = findBrowser(this.configuredPath);
    this.headless = options.headless ?? true;
    this.wsEndpoint = options.wsEndpoint ?? null;
    this.slots = new ContextSlots(options.maxContexts);
  }
  readonly slots: ContextSlots;
  private readonly headless: boolean;
  private readonly wsEndpoint: string | null;

  /** The browser to launch. While none is found it is looked for again on every read, so one installed
   * while the app runs is picked up (the first-run screen's "Check again", issue 18). */
  get location(): BrowserLocation {
    if (!this.found.executablePath) this.found = findBrowser(this.configuredPath);
    return this.found;
  }

  /** A new browser path (the desktop shell's file dialog): the next launch uses it. */
  useBrowserPath(path: string | null): void {
    this.configuredPath = path;
    this.found = findBrowser(path);
  }

  private launch(): Promise<Browser> {
    const path = this.location.executablePath;
    if (!this.wsEndpoint && !path) return Promise.reject(new Error(this.location.problem ?? 'No browser found.'));
    const launching = this.wsEndpoint
      ? chromium.connect(this.wsEndpoint)
      : chromium.launch({
        executablePath: path!, headless: this.headless, args: launchArgs(),
        // Ctrl-C / SIGTERM are the CLI's to handle (cancel runs, record them, then close the browser): with
        // Playwright's own handlers the browser would die first and the cut episode read as a browser failure.
        handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
      });
    launching.then(
      (browser) => browser.on('disconnected', () => (this.browser = null)),
      () => (this.browser = null),
    );
    return launching;
  }

  private getBrowser(): Promise<Browser> {
    if (!this.browser) this.browser = this.launch();
    return this.browser;
  }

  async newSession(options: SessionOptions = {}): Promise<BrowserSession> {
    const release = await this.slots.acquire(options.signal);
    let context: BrowserContext;
    try {
      const browser = await this.getBrowser();
      context = await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 720 },
        ignoreHTTPSErrors: true,
      });
    } catch (err) {
      release();
      throw err;
    }
    // However the context ends (the session closes it, the browser dies), its slot is freed.
    context.on('close', release);
    try {
      if (options.cookies?.length) await context.addCookies(options.cookies);
      const session = new BrowserSession(context);
      session.track(await context.newPage());
      return session;
    } catch (err) {
      await context.close().catch(() => undefined);
      release();
      throw err;
    }
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = null;
    if (pending) await (await pending.catch(() => null))?.close().catch(() => undefined);
  }
}
