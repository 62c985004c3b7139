import { chromium, type Browser, type BrowserContext } from 'playwright';
import { findBrowser, type BrowserLocation } from './find-browser';
import { BrowserSession } from './session';

// Flags that work behind a closed network (STACK.md): no GPU, no QUIC, no background traffic.
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
}

/** One headless Chromium shared by all episodes, a fresh context per episode. A browser that crashed or
 * disconnected is relaunched on the next request. */
export class BrowserPool {
  readonly location: BrowserLocation;
  private browser: Promise<Browser> | null = null;

  constructor(options: { browserPath?: string | null; headless?: boolean } = {}) {
    this.location = findBrowser(options.browserPath);
    this.headless = options.headless ?? true;
  }
  private readonly headless: boolean;

  private launch(): Promise<Browser> {
    const path = this.location.executablePath;
    if (!path) return Promise.reject(new Error(this.location.problem ?? 'No browser found.'));
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const launching = chromium.launch({
      executablePath: path,
      headless: this.headless,
      args: isRoot ? ['--no-sandbox', ...LAUNCH_ARGS] : LAUNCH_ARGS,
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
    const browser = await this.getBrowser();
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 720 },
      ignoreHTTPSErrors: true,
    });
    if (options.cookies?.length) await context.addCookies(options.cookies);
    const session = new BrowserSession(context);
    session.track(await context.newPage());
    return session;
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = null;
    if (pending) await (await pending.catch(() => null))?.close().catch(() => undefined);
  }
}
