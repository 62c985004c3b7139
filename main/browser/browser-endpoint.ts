// One place browser contexts open (issue 23 "Remote browsers"): the workbench's own Chromium or a remote one.
// It keeps one connection, counts the contexts open on it, and remembers failures: an endpoint that died or
// refused a connection rests for a backoff before the pool tries it again, so a dead server costs one failed
// connect now and then instead of every episode's start.
import type { Browser } from 'playwright';
import type { BrowserEndpointStatus } from '../api/browser-endpoints';
import { redactEndpoint, type BrowserEndpointKind } from '../api/endpoint-spec';

/** First rest after a failure, doubled per further failure in a row, up to MAX_BACKOFF_MS. */
const FIRST_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 60_000;

export class BrowserEndpoint {
  private browser: Promise<Browser> | null = null;
  private failuresInRow = 0;
  private restUntil = 0;
  private closing = false;
  active = 0;
  failures = 0;
  contextsOpened = 0;
  lastError: string | null = null;
  private connected = false;

  /** `onLost` runs when an open connection goes away (the server died or the network dropped). */
  constructor(
    readonly kind: BrowserEndpointKind,
    /** What is shown: the URL with secrets hidden, or 'local'. */
    readonly label: string,
    private readonly max: () => number,
    private readonly open: () => Promise<Browser>,
    private readonly onLost: (endpoint: BrowserEndpoint) => void = () => undefined,
  ) {}

  static labelFor(kind: BrowserEndpointKind, url: string): string {
    return kind === 'local' ? 'local' : redactEndpoint(url);
  }

  get limit(): number {
    return this.max();
  }
  get free(): number {
    return Math.max(0, this.limit - this.active);
  }
  /** Resting after a failure: not offered contexts until `restUntil`. The local browser never rests (a crashed
   * one is relaunched on the next request, as before remote endpoints existed). */
  resting(now = Date.now()): boolean {
    return this.kind !== 'local' && now < this.restUntil;
  }
  get restEndsAt(): number {
    return this.restUntil;
  }

  /** The connection, opened (or re-opened after a loss) on first use. */
  connection(): Promise<Browser> {
    if (this.browser) return this.browser;
    const opening = this.open();
    this.browser = opening;
    opening.then(
      (browser) => {
        this.connected = true;
        browser.on('disconnected', () => {
          // A browser already let go of (close, drop) is no news: the sessions now open are on another one.
          if (this.browser !== opening) return;
          this.browser = null;
          this.connected = false;
          if (this.closing) return;
          this.recordFailure(new Error(`The browser at ${this.label} disconnected.`));
          this.onLost(this);
        });
      },
      () => {
        if (this.browser === opening) this.browser = null;
      },
    );
    return opening;
  }

  /** The browser stopped responding (a session's context would not close, browser/session.ts): it is let go of,
   * so the next request opens a new one, and asked to close without waiting (a remote connection closes at once;
   * a frozen local process cannot answer and is killed by Playwright when this process exits). */
  drop(reason: string): void {
    const pending = this.browser;
    if (!pending) return;
    this.browser = null;
    this.connected = false;
    this.recordFailure(new Error(reason));
    void pending.then((browser) => browser.close()).catch(() => undefined);
  }

  recordFailure(err: unknown): void {
    this.failures++;
    this.failuresInRow++;
    this.lastError = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    this.restUntil = Date.now() + Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (this.failuresInRow - 1));
  }

  recordSuccess(): void {
    this.failuresInRow = 0;
    this.restUntil = 0;
  }

  status(): BrowserEndpointStatus {
    return {
      endpoint: this.label,
      kind: this.kind,
      connected: this.connected,
      activeContexts: this.active,
      limit: this.limit,
      failures: this.failures,
      contextsOpened: this.contextsOpened,
      lastError: this.lastError,
      restingUntil: this.resting() ? new Date(this.restUntil).toISOString() : null,
    };
  }

  /** Closes what this process launched; a remote browser is only disconnected (it is not ours to close). */
  async close(): Promise<void> {
    this.closing = true;
    const pending = this.browser;
    this.browser = null;
    if (pending) await (await pending.catch(() => null))?.close().catch(() => undefined);
  }
}
