// Browser endpoints as the user writes them (issue 23 "Remote browsers"): `--browser-endpoint`, the
// MIRA_BROWSER_ENDPOINTS list and settings.json's `browserEndpoints` all use this one syntax. Pure (no
// Playwright, no node:), because the settings schema that the renderer type-checks validates with it.
//
//   ws://host:3000/<guid>            a Playwright browser server (`chromium.launchServer()`, `playwright run-server`)
//   http://host:9222                 a Chromium DevTools (CDP) endpoint, connected with connectOverCDP
//   ws://host:9222/devtools/browser/<id>   the same, as its WebSocket URL
//   …#max=4                          at most 4 contexts there at once (default: DEFAULT_REMOTE_MAX)
//   local#max=2 / local#max=0        the workbench's own Chromium: its own cap, or none at all (remote only)

export type BrowserEndpointKind = 'local' | 'ws' | 'cdp';

export interface BrowserEndpointSpec {
  kind: BrowserEndpointKind;
  /** What Playwright connects to: the URL without the `#max=` fragment; '' for the local browser. */
  url: string;
  /** Contexts open at once on this endpoint; null = the process-wide cap (local only by default). */
  max: number | null;
}

/** A remote endpoint's context cap when the spec names none: a Browserless or Selenium node is usually sized
 * for a handful of sessions; `#max=` says otherwise. */
export const DEFAULT_REMOTE_MAX = 4;
/** More is a typo, not a browser farm behind one URL. */
export const MAX_ENDPOINT_CONTEXTS = 256;
export const MAX_BROWSER_ENDPOINTS = 32;

export class EndpointSpecError extends Error {
  constructor(readonly spec: string, reason: string) {
    super(`Browser endpoint "${redactEndpoint(spec)}" ${reason}`);
    this.name = 'EndpointSpecError';
  }
}

/** Parses one endpoint; throws EndpointSpecError saying what is wrong. */
export function parseEndpointSpec(raw: string): BrowserEndpointSpec {
  const text = raw.trim();
  const hashAt = text.indexOf('#');
  const base = hashAt < 0 ? text : text.slice(0, hashAt);
  const max = parseFragment(text, hashAt < 0 ? '' : text.slice(hashAt + 1));
  if (base === 'local') return { kind: 'local', url: '', max };
  if (max === 0) throw new EndpointSpecError(text, 'has #max=0; only the local browser can be switched off that way (leave the endpoint out instead).');
  const forms = 'give ws://host:port/… (Playwright browser server), http(s)://host:port (CDP) or local#max=N.';
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new EndpointSpecError(text, `is not a URL: ${forms}`);
  }
  if (!url.hostname) throw new EndpointSpecError(text, `names no host: ${forms}`);
  const kind = kindOf(url);
  if (!kind) throw new EndpointSpecError(text, `has the scheme ${url.protocol} — use ws://, wss:// (Playwright server or CDP WebSocket) or http://, https:// (CDP).`);
  return { kind, url: base, max: max ?? DEFAULT_REMOTE_MAX };
}

/** Several endpoints, e.g. MIRA_BROWSER_ENDPOINTS (comma-separated) or repeated flags. A list naming the same
 * endpoint twice, or `local` twice, is refused (its capacity would count twice). */
export function parseEndpointList(values: readonly string[]): BrowserEndpointSpec[] {
  const specs = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean).map(parseEndpointSpec);
  if (specs.length > MAX_BROWSER_ENDPOINTS) throw new Error(`At most ${MAX_BROWSER_ENDPOINTS} browser endpoints, not ${specs.length}.`);
  const seen = new Set<string>();
  for (const spec of specs) {
    const key = spec.kind === 'local' ? 'local' : spec.url;
    if (seen.has(key)) throw new EndpointSpecError(key, 'is listed twice.');
    seen.add(key);
  }
  return specs;
}

/** The endpoint as it may be shown or logged: query values (Browserless `?token=…`) and user info hidden. */
export function redactEndpoint(text: string): string {
  try {
    const url = new URL(text);
    if (!url.username && !url.password && !url.search) return text; // nothing to hide: shown as written
    if (url.username || url.password) (url.username = '…'), (url.password = '');
    for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, '…');
    return url.toString().replace(/%E2%80%A6/g, '…');
  } catch {
    return text.replace(/([?&][^=&#]+=)[^&#]*/g, '$1…');
  }
}

function kindOf(url: URL): 'ws' | 'cdp' | null {
  if (url.protocol === 'http:' || url.protocol === 'https:') return 'cdp';
  // Chromium's own DevTools WebSocket (`--remote-debugging-port`) speaks CDP, not Playwright's protocol.
  if (url.protocol === 'ws:' || url.protocol === 'wss:') return url.pathname.startsWith('/devtools/') ? 'cdp' : 'ws';
  return null;
}

function parseFragment(text: string, fragment: string): number | null {
  if (fragment === '') return null;
  const match = /^max=(\d+)$/.exec(fragment);
  if (!match) throw new EndpointSpecError(text, `has the fragment #${fragment}; the only one understood is #max=N (contexts at once).`);
  const max = Number(match[1]);
  if (max > MAX_ENDPOINT_CONTEXTS) throw new EndpointSpecError(text, `has #max=${max}; at most ${MAX_ENDPOINT_CONTEXTS}.`);
  return max;
}
