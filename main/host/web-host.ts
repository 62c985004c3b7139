import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WireEvent, WorkbenchApi } from '../api/contract';
import {
  allowedHosts, blobReadKey, generateToken, hasValidToken, hostWithPort, isAllowedHost, isAllowedOrigin, isLoopbackBind,
  TOKEN_PATTERN, WS_TOKEN_PROTOCOL_PREFIX,
} from './host-guard';
import { admitBlobRequest, admitHttpRequest, BASE_HEADERS, type HostGate } from './http-gate';
import { DEFAULT_SOCKET_LIMITS, serveSocket, type SocketLimits } from './socket-server';
import { serveBlob, serveStatic } from './static-files';

export interface WebHostOptions {
  api: WorkbenchApi;
  subscribe(listener: (event: WireEvent) => void): () => void;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where to listen: loopback by default; anything else needs the token. */
  host?: string;
  /** The access token: a fresh random one when left out; null runs without one (loopback hosts only). */
  token?: string | null;
  /** Take any free port when `port` is busy. Only for a default port the user did not choose: an explicit
   * one that is busy is an error, never a silent move. */
  fallbackToFreePort?: boolean;
  limits?: Partial<SocketLimits>;
  /** Where the host reports dropped clients and failed requests (console.warn by default). */
  log?(line: string): void;
  /** File path of a blob (throws for an invalid hash). */
  blobPath(hash: string): string;
}

export interface WebHost {
  /** The origin, without the token: http://127.0.0.1:5175. */
  url: string;
  port: number;
  /** null when the host runs without a token (--no-token). */
  token: string | null;
  /** What a person opens: the origin with `?token=…` (the page moves it from the address bar into its
   * origin's storage, renderer/src/api/web-token.ts). */
  loginUrl: string;
  close(): Promise<void>;
}

/** The workbench over HTTP + WebSocket: the built renderer, content-addressed blobs, and the typed API as JSON
 * messages — the same API as the desktop app's preload bridge (docs/design/ARCHITECTURE.md §2), behind the
 * Host/Origin allow-list and the per-process token (host-guard.ts, README "Security"). */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const bindHost = options.host ?? '127.0.0.1';
  const token = options.token === undefined ? generateToken() : options.token;
  if (token !== null && !TOKEN_PATTERN.test(token)) throw new Error('The access token must be 16–256 characters of A–Z, a–z, 0–9, "_" or "-".');
  if (token === null && !isLoopbackBind(bindHost)) throw new Error(`Refusing to serve on ${bindHost} without a token: only loopback addresses may run without one.`);
  const limits = { ...DEFAULT_SOCKET_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => console.warn(line));
  // Set once the port is known; nothing is served before.
  let gate: HostGate | null = null;

  const server = createServer((req, res) => {
    if (!gate) {
      res.writeHead(503, BASE_HEADERS).end();
      return;
    }
    if (!admitHttpRequest(req, res, gate)) return;
    serveHttp(req, res, options, gate).catch((err: unknown) => {
      log(`HTTP ${req.method} ${req.url} failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) res.writeHead(500, { ...BASE_HEADERS, 'content-type': 'text/plain' });
      res.end('Internal error.');
    });
  });
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxPayloadBytes,
    // Answers such as an episode's steps are repetitive JSON (keys, hex blob hashes): deflated they travel at
    // about a third of their size (issue 22: bytes per replay open). Small messages are not worth the CPU;
    // no context kept between messages, so an idle socket holds no compressor state.
    perMessageDeflate: { threshold: 1024, serverNoContextTakeover: true, clientNoContextTakeover: true },
    // A client that authenticated with the subprotocol must see it echoed, or the browser drops the socket.
    handleProtocols: (protocols) => [...protocols].find((p) => p.startsWith(WS_TOKEN_PROTOCOL_PREFIX)) ?? false,
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    // A client that resets mid-handshake must not become an uncaught 'error'.
    socket.on('error', () => undefined);
    const refusal = upgradeRefusal(req, gate);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const hello = { hello: { blobKey: token === null ? null : blobReadKey(token) } };
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, { api: options.api, subscribe: options.subscribe, limits, log, hello }));
  });

  const port = await listen(server, options.port ?? 0, bindHost, options.fallbackToFreePort ?? false);
  gate = { allowedHosts: allowedHosts(bindHost, port), token };
  // Wildcard binds are shown (and most safely opened) as loopback.
  const shownHost = ['0.0.0.0', '::', '[::]'].includes(bindHost) ? '127.0.0.1' : bindHost;
  const url = `http://${hostWithPort(shownHost, port)}`;
  return {
    url,
    port,
    token,
    loginUrl: token === null ? `${url}/` : `${url}/?token=${token}`,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The status line that refuses a WebSocket upgrade, or null to accept it. */
function upgradeRefusal(req: IncomingMessage, gate: HostGate | null): string | null {
  if (!gate) return '503 Service Unavailable';
  // Another site's page in the same browser (forged Origin) or a rebound DNS name (forged Host) must not
  // drive the core.
  if (!isAllowedHost(req.headers.host, gate.allowedHosts) || !isAllowedOrigin(req.headers.origin, gate.allowedHosts)) return '403 Forbidden';
  if (new URL(req.url ?? '/', 'http://host').pathname !== '/api') return '404 Not Found';
  if (!hasValidToken(gate, req.headers)) return '401 Unauthorized';
  return null;
}

function listen(server: Server, port: number, host: string, fallbackToFreePort: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE' && port !== 0 && fallbackToFreePort) {
        listen(server, 0, host, false).then(resolve, reject);
      } else if (err.code === 'EADDRINUSE') {
        reject(Object.assign(new Error(`Port ${port} on ${host} is already in use (another workbench, or another program).`), { code: err.code }));
      } else {
        reject(err);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

async function serveHttp(req: IncomingMessage, res: ServerResponse, options: WebHostOptions, gate: HostGate): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://host');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400, { ...BASE_HEADERS, 'content-type': 'text/plain' }).end('Malformed URL.');
    return;
  }
  // The key is checked on the decoded path: `/%62lobs/…` is a blob request too.
  if (pathname.startsWith('/blobs/') && !admitBlobRequest(url, res, gate)) return;
  const blob = /^\/blobs\/([0-9a-f]{64})$/.exec(pathname);
  if (blob) return serveBlob(res, options.blobPath(blob[1]));
  if (pathname.startsWith('/blobs/')) {
    res.writeHead(404, { ...BASE_HEADERS, 'content-type': 'text/plain' }).end('No such blob.');
    return;
  }
  // The Host header was checked against the allow-list before this point.
  await serveStatic(res, options.staticDir, pathname, req.headers.host ?? '');
}
