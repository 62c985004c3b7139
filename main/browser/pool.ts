import { chromium, type Browser, type BrowserContext } from 'playwright';
import type { BrowserEndpointStatus } from '../api/browser-endpoints';
import { findBrowser, type BrowserLocation } from './find-browser';
import { ContextSlots } from './context-slots';
import { ContextShelf } from './context-reuse';
import { defaultConcurrency } from './default-concurrency';
import { BrowserEndpoint } from './browser-endpoint';
import { DEFAULT_REMOTE_MAX, type BrowserEndpointSpec } from '../api/endpoint-spec';
import { EndpointRouter } from './endpoint-router';
import { redactEndpointError } from './endpoint-secrets';
import { BrowserSession } from './session';
import { explainLaunchFailure } from './launch-failure';

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

/** The viewport of an episode whose environment names none. */
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

/** How long the local Chromium may take to start. Playwright's default is 180 s; a binary that hangs at start
 * would hold every episode waiting that long, each attempt again. A healthy one starts in seconds even here. */
const LAUNCH_TIMEOUT_MS = 60_000;

/** How long closing every context and browser may take (a healthy browser closes in a second or two). */
const POOL_CLOSE_TIMEOUT_MS = 20_000;

/** How long a remote endpoint may take to accept a connection (generous: a busy grid queues sessions). */
const CONNECT_TIMEOUT_MS = 60_000;

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
   * launching one: test processes share one Chromium this way. Closing the pool only disconnects. It stands
   * in for the local browser (kind 'local'). */
  wsEndpoint?: string | null;
  /** Contexts open at once, over all runs of the process; more wait in line (default DEFAULT_MAX_CONTEXTS). */
  maxContexts?: number;
  /** Remote browsers besides the local one, and the local one's own cap (endpoint-spec.ts: `ws://…#max=4`,
   * `http://host:9222`, `local#max=0`). Contexts spread over them by free capacity (endpoint-router.ts). */
  endpoints?: readonly BrowserEndpointSpec[];
  /** Reset and reuse a closed session's context for the next episode on the same browser and viewport instead
   * of opening a fresh one (context-reuse.ts; default true, or false when MIRA_REUSE_CONTEXTS=0). */
  reuseContexts?: boolean;
}

/** Headless Chromium for all episodes, a clean context per episode (fresh, or reset and reused: context-reuse.ts):
 * the local browser (launched on first use) and any remote endpoints. A browser that crashed or disconnected is relaunched (or reconnected) on a later
 * request; the sessions it held are marked crashed, so their episodes end as infrastructure failures and the
 * scheduler runs them again on whichever endpoint is up (docs/design/ARCHITECTURE.md §7). */
export class BrowserPool {
  private found: BrowserLocation;
  private configuredPath: string | null;
  readonly slots: ContextSlots;
  private readonly headless: boolean;
  private readonly wsEndpoint: string | null;
  private readonly endpoints: BrowserEndpoint[];
  private readonly router: EndpointRouter;
  /** Reset contexts waiting for their next episode; null when every episode gets a fresh one. */
  private readonly shelf: ContextShelf | null;
  /** The sessions open on each endpoint, with the function that frees their places. */
  private readonly sessions = new Map<BrowserEndpoint, Map<BrowserSession, () => void>>();

  constructor(options: BrowserPoolOptions = {}) {
    this.configuredPath = options.browserPath ?? null;
    this.headless = options.headless ?? true;
    this.found = findBrowser(this.configuredPath, { headless: this.headless });
    this.wsEndpoint = options.wsEndpoint ?? null;
    this.slots = new ContextSlots(options.maxContexts);
    this.endpoints = this.buildEndpoints(options.endpoints ?? []);
    this.router = new EndpointRouter(this.endpoints);
    const reuse = options.reuseContexts ?? process.env.MIRA_REUSE_CONTEXTS !== '0';
    this.shelf = reuse ? new ContextShelf(() => this.slots.max) : null;
  }

  /** The browser to launch. While none is found it is looked for again on every read, so one installed
   * while the app runs is picked up (the first-run screen's "Check again", issue 18). */
  get location(): BrowserLocation {
    if (!this.found.executablePath) this.found = findBrowser(this.configuredPath, { headless: this.headless });
    return this.found;
  }

  /** A new browser path (the desktop shell's file dialog): the next launch uses it. */
  useBrowserPath(path: string | null): void {
    this.configuredPath = path;
    this.found = findBrowser(path, { headless: this.headless });
  }

  /** Episodes to run at once when a run does not say: the local cores' share (default-concurrency.ts), within
   * this pool's context cap. */
  defaultConcurrency(): number {
    return defaultConcurrency(undefined, undefined, this.slots.max);
  }

  /** Each endpoint's health and load, local first (the Runs page's table). */
  endpointStatus(): BrowserEndpointStatus[] {
    return this.endpoints.map((e) => e.status());
  }

  private buildEndpoints(specs: readonly BrowserEndpointSpec[]): BrowserEndpoint[] {
    const local = specs.find((s) => s.kind === 'local');
    const localMax = local?.max ?? null;
    const out: BrowserEndpoint[] = [];
    const lost = (endpoint: BrowserEndpoint) => this.markLost(endpoint);
    if (localMax !== 0) out.push(new BrowserEndpoint('local', 'local', () => localMax ?? this.slots.max, () => this.launchLocal(), lost));
    for (const spec of specs) {
      if (spec.kind === 'local') continue;
      // A server that takes the connection but never answers must fail the attempt, not hang the episode.
      // Playwright's errors quote the URL, credentials and all: redacted before anyone sees them (endpoint-secrets.ts).
      const connect = () => (spec.kind === 'cdp' ? chromium.connectOverCDP(spec.url, { timeout: CONNECT_TIMEOUT_MS }) : chromium.connect(spec.url, { timeout: CONNECT_TIMEOUT_MS }));
      const open = () => connect().catch((err: unknown) => {
        throw redactEndpointError(err, spec.url);
      });
      out.push(new BrowserEndpoint(spec.kind, BrowserEndpoint.labelFor(spec.kind, spec.url), () => spec.max ?? DEFAULT_REMOTE_MAX, open, lost));
    }
    return out;
  }

  private launchLocal(): Promise<Browser> {
    const path = this.location.executablePath;
    if (!this.wsEndpoint && !path) return Promise.reject(new Error(this.location.problem ?? 'No browser found.'));
    return this.wsEndpoint
      ? chromium.connect(this.wsEndpoint)
      : chromium.launch({
        executablePath: path!, headless: this.headless, args: launchArgs(), timeout: LAUNCH_TIMEOUT_MS,
        // Ctrl-C / SIGTERM are the CLI's to handle (cancel runs, record them, then close the browser): with
        // Playwright's own handlers the browser would die first and the cut episode read as a browser failure.
        handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
      }).catch((err: unknown) => {
        throw new Error(explainLaunchFailure(path!, err), { cause: err });
      });
  }

  /** Starts (or connects to) the local browser now, so a run learns before it is created that none can start
   * here (missing, not executable, crashing or hanging at start: preflight.ts) instead of recording every
   * episode as a browser failure. The browser stays up for the run's episodes. Nothing to check when episodes
   * may also go to remote endpoints (those that fail rest and the others take over) or the local one is off. */
  async checkStarts(): Promise<void> {
    if (this.endpoints.length !== 1 || this.endpoints[0].kind !== 'local') return;
    const local = this.endpoints[0];
    try {
      await local.connection();
    } catch (err) {
      local.recordFailure(err);
      throw err;
    }
  }

  /** An endpoint's connection went away: its open sessions can no longer act, and their places are freed
   * now (a client whose server vanished may never see their contexts close). */
  private markLost(endpoint: BrowserEndpoint): void {
    for (const [session, free] of [...(this.sessions.get(endpoint) ?? [])]) {
      session.crashed ??= lostMessage(endpoint);
      free();
    }
    this.router.changed();
  }

  async newSession(options: SessionOptions = {}): Promise<BrowserSession> {
    const release = await this.slots.acquire(options.signal);
    const viewport = options.viewport ?? DEFAULT_VIEWPORT;
    let opened: { endpoint: BrowserEndpoint; value: BrowserContext };
    try {
      opened = await this.router.openOnBest(async (endpoint) => {
        const parked = this.shelf?.take({ endpoint, viewport });
        if (parked) return parked;
        const browser = await endpoint.connection();
        // No downloads: a page could otherwise fill the disk with files kept until the context closes, and no
        // task needs one.
        return browser.newContext({ viewport, ignoreHTTPSErrors: true, acceptDownloads: false });
      }, options.signal);
    } catch (err) {
      release();
      throw err;
    }
    const { endpoint, value: context } = opened;
    const session = new BrowserSession(context, endpoint.label);
    session.onUnresponsive = () => this.dropUnresponsive(endpoint);
    const held = this.sessions.get(endpoint) ?? new Map<BrowserSession, () => void>();
    this.sessions.set(endpoint, held);
    // However the context ends (the session closes it, the browser dies), its places are freed once.
    let freed = false;
    const free = () => {
      if (freed) return;
      freed = true;
      held.delete(session);
      this.router.release(endpoint);
      release();
    };
    held.set(session, free);
    const onClose = () => {
      // Closed without the session asking: the browser under it went away (often before 'disconnected').
      if (!session.closing) session.crashed ??= lostMessage(endpoint);
      free();
    };
    context.on('close', onClose);
    const shelf = this.shelf;
    if (shelf) {
      session.recycle = async () => {
        // An aborted episode (time limit, cancel) may have left a frozen page behind: its context is closed.
        if (options.signal?.aborted) return false;
        context.off('close', onClose);
        try {
          return await shelf.park({ endpoint, viewport }, context, session.origins);
        } finally {
          free();
        }
      };
    }
    try {
      if (options.cookies?.length) await context.addCookies(options.cookies);
      // A parked context brings the tab its last episode left emptied (context-reuse.ts), and its renderer.
      session.track(context.pages()[0] ?? (await context.newPage()));
      return session;
    } catch (err) {
      await context.close().catch(() => undefined);
      free();
      throw err;
    }
  }

  /** A context of this endpoint would not close: its browser stopped responding. Every session on it is over
   * (their episodes end as browser failures and are retried), and the next one gets a new browser. */
  private dropUnresponsive(endpoint: BrowserEndpoint): void {
    this.shelf?.forget(endpoint);
    this.markLost(endpoint);
    endpoint.drop(`The browser at ${endpoint.label} stopped responding.`);
    this.router.changed();
  }

  /** Closes every context and browser; bounded, as a browser that stopped responding never answers the close
   * (Playwright kills what it launched when the process exits). */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const closing = (async () => {
      await this.shelf?.closeAll();
      await Promise.all(this.endpoints.map((e) => e.close()));
    })();
    await Promise.race([closing, new Promise<void>((resolve) => (timer = setTimeout(resolve, POOL_CLOSE_TIMEOUT_MS)))]);
    clearTimeout(timer);
  }
}

function lostMessage(endpoint: BrowserEndpoint): string {
  return `The browser at ${endpoint.label} went away under the episode (disconnected or crashed).`;
}
