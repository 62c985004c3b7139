import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasValidToken, isAllowedHost, isAllowedOrigin, tokenCookie, tokensEqual, type TokenCheck } from './host-guard';

/** What every HTTP request and WebSocket upgrade is checked against (host-guard.ts explains each check). */
export interface HostGate extends TokenCheck {
  allowedHosts: Set<string>;
}

/** Headers on every answer, refusals included: no sniffing, no framing, and no Referer that could carry a
 * `?token=` URL to another site. */
export const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

/** Checks Host, Origin, method and token; answers the request itself (refusal, or the token-for-cookie
 * redirect) and returns false, or returns true when the request may be served. */
export function admitHttpRequest(req: IncomingMessage, res: ServerResponse, gate: HostGate): boolean {
  if (!isAllowedHost(req.headers.host, gate.allowedHosts)) {
    // 421: the request was not meant for this server (RFC 9110 §15.5.20) — the DNS-rebinding case.
    refuse(res, 421, 'Misdirected request: this workbench answers only to its loopback address.');
    return false;
  }
  if (!isAllowedOrigin(req.headers.origin, gate.allowedHosts)) {
    refuse(res, 403, 'Forbidden: requests from other sites are refused.');
    return false;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...BASE_HEADERS, allow: 'GET, HEAD' }).end();
    return false;
  }
  if (gate.token === null) return true;
  const url = new URL(req.url ?? '/', 'http://host');
  const offered = url.searchParams.get('token');
  if (offered !== null) {
    if (!tokensEqual(offered, gate.token)) {
      askForToken(res, gate.port, 'The token in this URL is not this workbench’s (it changes every time the workbench starts).');
      return false;
    }
    // The token leaves the address bar (and history) at once; from now on the HttpOnly cookie carries it.
    url.searchParams.delete('token');
    const query = url.searchParams.toString();
    const rest = query ? `?${query}` : '';
    // One leading slash only: `//evil.example` would be a protocol-relative redirect to another site.
    const location = `/${url.pathname.replace(/^\/+/, '')}${rest}`;
    res.writeHead(302, { ...BASE_HEADERS, location, 'set-cookie': tokenCookie(gate.port, gate.token), 'cache-control': 'no-store' }).end();
    return false;
  }
  if (!hasValidToken(gate, req.headers, false)) {
    askForToken(res, gate.port, 'This browser has not presented the workbench’s access token yet.');
    return false;
  }
  return true;
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(`${message}\n`);
}

/** The only page served without the token: what to do, no scripts, nothing from the workbench. */
function askForToken(res: ServerResponse, port: number, why: string): void {
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MiRA Workbench — token required</title></head>
<body>
<h1>Token required</h1>
<p>${why}</p>
<p>Open the URL that <code>npm start</code> or <code>serve</code> printed in its terminal; it looks like
<code>http://127.0.0.1:${port}/?token=…</code>. The token is exchanged for a cookie on the first load.</p>
</body></html>
`;
  res.writeHead(401, {
    ...BASE_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    'cache-control': 'no-store',
  }).end(page);
}
