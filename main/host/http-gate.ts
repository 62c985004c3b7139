import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasValidBlobKey, isAllowedHost, isAllowedOrigin, type TokenCheck } from './host-guard';

/** What every HTTP request and WebSocket upgrade is checked against (host-guard.ts explains each check). */
export interface HostGate extends TokenCheck {
  allowedHosts: Set<string>;
}

/** The query parameter that carries the blob read key (host-guard.ts blobReadKey). */
export const BLOB_KEY_PARAM = 'k';

/** Headers on every answer, refusals included: no sniffing, no framing, and no Referer that could carry a
 * `?token=` URL to another site. */
export const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

/** Checks Host, Origin and method; answers a refused request itself and returns
 * false, or returns true when the request may be served. The app shell (index.html, scripts, styles) needs no
 * token: it is the public renderer bundle, holds nothing of the user's, and is what reads `?token=` from the
 * address bar. Everything of the user's goes through the socket (token) or a blob URL (read key). */
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
  return true;
}

/** Whether a blob request (its path already decoded and matched by the caller) carries the read key; answers
 * the refusal itself. */
export function admitBlobRequest(url: URL, res: ServerResponse, gate: HostGate): boolean {
  if (hasValidBlobKey(gate, url.searchParams.get(BLOB_KEY_PARAM))) return true;
  refuse(res, 401, 'Unauthorized: blobs are read with the key the workbench gives its page once connected.');
  return false;
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(`${message}\n`);
}
