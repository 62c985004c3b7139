// The built-in sandbox server (docs/design/SANDBOX.md §1, §2): one node:http server on 127.0.0.1 serving every sandbox site
// under its own prefix, with per-episode state selected by a cookie.
//
// State: each site's dataset is generated once per datasetSeed and shared read-only. createEpisodeState()
// makes a fresh copy of every site's mutable part (cart, orders, wish list, reviews ...) under a new random
// state id, and returns the cookie (`mira_state=<id>`) the episode's browser context must carry. Requests
// with that cookie read and write only that copy, so writes never leak between episodes. Requests without
// a cookie use the shared 'demo' state; a cookie with an unknown id (for example one dropped already) gets a
// fresh copy created on first use, never the demo state.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml, html, htmlDocument } from './html';
import { SITE_SLOTS, type SandboxSiteId, type SiteModule, type SiteResponse } from './site';
import { SITE_LIST } from './sites';
import { isLoopbackHost, loopbackHosts, MISDIRECTED_TEXT } from '../browser/loopback-hosts';

export const STATE_COOKIE = 'mira_state';
export const DEMO_STATE_ID = 'demo';
const MAX_BODY = 1 << 20;

/** Every site's module, in registry order (main/sandbox/sites.ts). The server keeps each site's data and state
 * as opaque values and hands them back only to that site. */
export const SANDBOX_SITES: SiteModule<unknown, unknown>[] = SITE_LIST.map((s) => s.module);

export interface SandboxServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  datasetSeed?: number;
}

export interface EpisodeCookie {
  name: string;
  value: string;
  /** For Playwright's context.addCookies (domain and path come from the URL). */
  url: string;
}

export interface SandboxServer {
  baseUrl: string;
  datasetSeed: number;
  siteUrl(site: SandboxSiteId): string;
  /** WebArena placeholder → URL, for the implemented sites (e.g. `__SHOPPING__` → `<baseUrl>/shop`). */
  placeholders(): Record<string, string>;
  /** A fresh copy of every site's state for one episode, and the cookie that selects it. */
  createEpisodeState(): { stateId: string; cookie: EpisodeCookie };
  /** Resets an existing episode state in place (same id and cookie). */
  resetEpisodeState(stateId: string): void;
  dropEpisodeState(stateId: string): void;
  /** Milliseconds the last create/reset took (copying the mutable state of every site). */
  readonly resetMs: number;
  /** Site states held: the demo state and one per live episode (diagnostics; the audit's memory check). */
  readonly stateCount: number;
  /** Runs a site's named state check (e.g. `shop.cart_contains`) for `site_state` subgoal predicates. */
  checkState(stateId: string | null, check: string, args: Record<string, unknown>): boolean;
  close(): Promise<void>;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string, contentType: string, extra: Record<string, string> = {}, head = false): void {
  const buf = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(buf.length), 'Cache-Control': 'no-store', ...extra });
  res.end(head ? undefined : buf);
}

function indexPage(): string {
  const links = SANDBOX_SITES.map((s) => html`<li><a href="${SITE_SLOTS[s.id].prefix}">${s.title}</a></li>`);
  return htmlDocument({ title: 'MiRA sandbox', body: html`<h1>MiRA sandbox sites</h1><ul>${links}</ul>` });
}

/** States kept for ids no episode created (see statesFor). */
const STRAY_STATES = 16;

export async function startSandboxServer(opts: SandboxServerOptions = {}): Promise<SandboxServer> {
  const host = opts.host ?? '127.0.0.1';
  const datasetSeed = opts.datasetSeed ?? 1;
  const datasets = new Map<SandboxSiteId, unknown>(SANDBOX_SITES.map((s) => [s.id, s.load(datasetSeed)]));
  const states = new Map<string, Map<SandboxSiteId, unknown>>();
  let resetMs = 0;

  const freshStates = (): Map<SandboxSiteId, unknown> => {
    const start = performance.now();
    const fresh = new Map<SandboxSiteId, unknown>(SANDBOX_SITES.map((s) => [s.id, s.freshState(datasets.get(s.id))]));
    resetMs = performance.now() - start;
    return fresh;
  };
  // Ids no episode created (made up, or an ended episode's cookie) still get their own state, never the demo
  // one, but at most STRAY_STATES of them, the oldest dropped first: each is a copy of every site's state, and
  // made-up cookies grew the memory without bound (the security audit of 2026-12-05).
  const stray = new Set<string>();
  const statesFor = (stateId: string): Map<SandboxSiteId, unknown> => {
    let found = states.get(stateId);
    if (!found) {
      found = freshStates();
      states.set(stateId, found);
      stray.add(stateId);
      for (const oldest of stray) {
        if (stray.size <= STRAY_STATES) break;
        stray.delete(oldest);
        states.delete(oldest);
      }
    }
    return found;
  };
  states.set(DEMO_STATE_ID, freshStates());

  let baseUrl = '';
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', baseUrl);
    const isHead = method === 'HEAD';
    if (!isLoopbackHost(req.headers.host, ownHosts)) return send(res, 421, MISDIRECTED_TEXT, 'text/plain');
    if (url.pathname === '/') return send(res, 200, indexPage(), 'text/html; charset=utf-8', {}, isHead);
    if (url.pathname === '/favicon.ico') return send(res, 204, '', 'text/plain');
    const site = SANDBOX_SITES.find((s) => url.pathname === SITE_SLOTS[s.id].prefix || url.pathname.startsWith(`${SITE_SLOTS[s.id].prefix}/`));
    if (!site) return send(res, 404, htmlDocument({ title: 'Not found', body: html`<h1>Not found</h1><p><a href="/">Sandbox sites</a></p>` }), 'text/html; charset=utf-8', {}, isHead);
    const bodyText = method === 'POST' ? await readBody(req) : '';
    const cookie = parseCookies(req.headers.cookie)[STATE_COOKIE];
    const stateId = cookie && /^[A-Za-z0-9_-]{1,64}$/.test(cookie) ? cookie : DEMO_STATE_ID;
    const prefix = SITE_SLOTS[site.id].prefix;
    const out: SiteResponse = site.handle({
      method, path: url.pathname.slice(prefix.length) || '/', query: url.searchParams,
      form: new URLSearchParams(bodyText), data: datasets.get(site.id), state: statesFor(stateId).get(site.id), siteUrl: baseUrl + prefix,
    });
    if (out.redirect !== undefined) return send(res, out.status ?? 303, '', 'text/plain', { Location: out.redirect });
    if (out.html !== undefined) return send(res, out.status ?? 200, out.html, 'text/html; charset=utf-8', {}, isHead);
    return send(res, out.status ?? 200, out.body ?? '', out.contentType ?? 'text/plain; charset=utf-8', {}, isHead);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (!res.headersSent) send(res, message.includes('too large') ? 413 : 500, `<h1>Error</h1><pre>${escapeHtml(message)}</pre>`, 'text/html; charset=utf-8');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const ownHosts = loopbackHosts(port).add(new URL(baseUrl).host);

  return {
    baseUrl,
    datasetSeed,
    siteUrl: (site) => baseUrl + SITE_SLOTS[site].prefix,
    // WebArena's homepage lists every site (agents find the other sites of a cross-site task from it).
    placeholders: () => ({ ...Object.fromEntries(SANDBOX_SITES.map((s) => [SITE_SLOTS[s.id].placeholder, baseUrl + SITE_SLOTS[s.id].prefix])), __HOMEPAGE__: `${baseUrl}/` }),
    createEpisodeState() {
      const stateId = randomUUID().replace(/-/g, '');
      states.set(stateId, freshStates());
      return { stateId, cookie: { name: STATE_COOKIE, value: stateId, url: baseUrl } };
    },
    resetEpisodeState(stateId) {
      states.set(stateId, freshStates());
    },
    dropEpisodeState(stateId) {
      stray.delete(stateId);
      if (stateId !== DEMO_STATE_ID) states.delete(stateId);
    },
    get resetMs() {
      return resetMs;
    },
    get stateCount() {
      return states.size;
    },
    checkState(stateId, check, args) {
      const site = SANDBOX_SITES.find((s) => check.startsWith(`${s.id}.`));
      if (!site?.checkState) throw new Error(`no site handles state check ${check}`);
      return site.checkState(datasets.get(site.id), statesFor(stateId ?? DEMO_STATE_ID).get(site.id), check, args);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
