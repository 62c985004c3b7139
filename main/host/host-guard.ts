import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { networkInterfaces } from 'node:os';

// Who may talk to the web host (README "Security"). Three independent checks, each closing one door:
// - Host: a page on another domain that re-points its DNS name at 127.0.0.1 (DNS rebinding) still sends its own
//   name in Host, so only exact loopback names (or the address the user bound with --host) are served.
// - Origin: a browser names the page that opened a WebSocket or made a CORS request; only our own origins pass.
// - Token: a per-process secret (as Jupyter's), so other local users and programs that can reach the port cannot
//   drive the API without what `serve` printed. It is never a cookie: cookies are not separated by port, so a
//   cookie for 127.0.0.1:5175 would also go to every other listener on 127.0.0.1 (another user's server, a dev
//   server). The page keeps it in its origin's storage and presents it only in the WebSocket subprotocol; images
//   are read with a key derived from it (blobReadKey) that opens blobs and nothing else.

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const LOOPBACK_BINDS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);

/** A token usable verbatim in a URL and a Sec-WebSocket-Protocol value (RFC 6455 token chars). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,256}$/;
export const WS_TOKEN_PROTOCOL_PREFIX = 'mira-token.';

export function generateToken(): string {
  return randomBytes(24).toString('hex');
}

export function isLoopbackBind(host: string): boolean {
  return LOOPBACK_BINDS.has(host) || /^127(\.\d{1,3}){3}$/.test(host);
}

/** `host:port` as it appears in a URL and a Host header (IPv6 literals in brackets). */
export function hostWithPort(host: string, port: number): string {
  const name = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${name}:${port}`;
}

/** Every `host:port` a request may name. Loopback always; a non-loopback --host adds itself, or for a
 * wildcard bind (0.0.0.0, ::) this machine's own interface addresses — IP literals, which DNS rebinding
 * cannot produce (it needs an attacker's host name in the Host header). */
export function allowedHosts(bindHost: string, port: number): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  if (WILDCARD_BINDS.has(bindHost)) {
    for (const addresses of Object.values(networkInterfaces())) for (const a of addresses ?? []) names.add(a.address);
  } else if (!isLoopbackBind(bindHost)) {
    names.add(bindHost);
  }
  const allowed = new Set<string>();
  for (const name of names) {
    allowed.add(hostWithPort(name, port).toLowerCase());
    // Browsers leave the default port out of Host and Origin.
    if (port === 80) allowed.add(hostWithPort(name, port).toLowerCase().replace(/:80$/, ''));
  }
  return allowed;
}

export function isAllowedHost(hostHeader: string | undefined, allowed: Set<string>): boolean {
  return hostHeader !== undefined && allowed.has(hostHeader.toLowerCase());
}

/** Origin is optional (non-browser clients, same-origin GETs), but when sent it must be exactly ours:
 * `http://` plus an allowed host. `null` (sandboxed frames, file://) never is. */
export function isAllowedOrigin(originHeader: string | undefined, allowed: Set<string>): boolean {
  if (originHeader === undefined) return true;
  const match = /^http:\/\/([^/]+)$/i.exec(originHeader);
  return match !== null && allowed.has(match[1].toLowerCase());
}

/** Constant-time comparison: both sides are hashed first, so the time taken says nothing about how much of a
 * guess matched, not even its length (timingSafeEqual itself needs equal lengths). */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The `mira-token.<token>` entry of a Sec-WebSocket-Protocol header, or null. */
export function protocolToken(protocolHeader: string | undefined): { protocol: string; token: string } | null {
  for (const protocol of (protocolHeader ?? '').split(',').map((p) => p.trim())) {
    if (protocol.startsWith(WS_TOKEN_PROTOCOL_PREFIX)) return { protocol, token: protocol.slice(WS_TOKEN_PROTOCOL_PREFIX.length) };
  }
  return null;
}

export interface TokenCheck {
  /** The process's token; null when the host runs without one (`--no-token`, loopback only). */
  token: string | null;
}

/** Whether a WebSocket upgrade presents the token in its `mira-token.<token>` subprotocol. */
export function hasValidToken(check: TokenCheck, headers: { 'sec-websocket-protocol'?: string }): boolean {
  if (check.token === null) return true;
  const offered = protocolToken(headers['sec-websocket-protocol']);
  return offered !== null && tokensEqual(offered.token, check.token);
}

/** The key that reads blobs (`/blobs/<hash>?k=<key>`), sent to a client once its socket is open. It is derived
 * from the token one way (HMAC-SHA256), so an image URL that leaks (a screenshot of devtools, a copied link)
 * shows frames already recorded but cannot drive the API; it dies with the token when the process ends. */
export function blobReadKey(token: string): string {
  return createHmac('sha256', token).update('mira-workbench blob read v1', 'utf8').digest('hex');
}

/** Whether a blob request's `k` is this process's blob key (always true without a token). */
export function hasValidBlobKey(check: TokenCheck, offered: string | null): boolean {
  if (check.token === null) return true;
  return offered !== null && tokensEqual(offered, blobReadKey(check.token));
}
