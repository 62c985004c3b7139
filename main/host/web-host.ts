import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WireEvent, WireRequest, WireResponse, WorkbenchApi } from '../api/contract';
import { validateRequest } from '../api/schemas';

export interface WebHostOptions {
  api: WorkbenchApi;
  subscribe(listener: (event: WireEvent) => void): () => void;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  host?: string;
  /** File path of a blob (throws for an invalid hash). */
  blobPath(hash: string): string;
}

export interface WebHost {
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.ttf': 'font/ttf', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.map': 'application/json',
};

const CSP = [
  "default-src 'self'", "img-src 'self' data: blob:", "style-src 'self' 'unsafe-inline'", "script-src 'self'",
  "worker-src 'self' blob:", "font-src 'self' data:", "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
].join('; ');

/** The workbench over HTTP + WebSocket on 127.0.0.1: the built renderer, content-addressed blobs, and the
 * typed API as JSON messages. Same API as the desktop app's preload bridge (ARCHITECTURE.md "Processes"). */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handleHttp(req, res, options).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`Internal error: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // Only our own page may drive the core: another site's page in the same browser must not.
    if (path !== '/api' || req.headers.origin !== `http://${req.headers.host}`) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options));
  });
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      // A busy default port is not worth failing for: take any free one.
      if (err.code === 'EADDRINUSE' && port !== 0) listen(server, 0, host).then(resolve, reject);
      else reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function serveSocket(ws: WebSocket, options: WebHostOptions): void {
  const unsubscribe = options.subscribe((event) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
  });
  ws.on('close', unsubscribe);
  ws.on('message', async (data) => {
    let request: Partial<WireRequest>;
    try {
      request = JSON.parse(String(data));
    } catch {
      ws.send(JSON.stringify({ id: -1, error: { message: 'Messages must be JSON.' } } satisfies WireResponse));
      return;
    }
    const id = typeof request.id === 'number' ? request.id : -1;
    let response: WireResponse;
    try {
      const params = validateRequest(String(request.method), request.params);
      const method = options.api[request.method as keyof WorkbenchApi] as (...args: unknown[]) => Promise<unknown>;
      response = { id, result: await method(...params) };
    } catch (err) {
      response = { id, error: { message: err instanceof Error ? err.message : String(err) } };
    }
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(response));
  });
}

async function handleHttp(req: IncomingMessage, res: ServerResponse, options: WebHostOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const blob = /^\/blobs\/([0-9a-f]{64})$/.exec(url.pathname);
  if (blob) return serveBlob(res, options, blob[1]);
  if (url.pathname.startsWith('/blobs/')) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('No such blob.');
    return;
  }
  await serveStatic(res, options.staticDir, decodeURIComponent(url.pathname));
}

async function serveBlob(res: ServerResponse, options: WebHostOptions, hash: string): Promise<void> {
  const path = options.blobPath(hash);
  const head = Buffer.alloc(2);
  try {
    const info = await stat(path);
    const fd = await import('node:fs/promises').then((fs) => fs.open(path, 'r'));
    await fd.read(head, 0, 2, 0);
    await fd.close();
    // Blobs are content-addressed, so a URL's content never changes.
    res.writeHead(200, {
      'content-type': head[0] === 0xff && head[1] === 0xd8 ? 'image/jpeg' : head[0] === 0x89 && head[1] === 0x50 ? 'image/png' : 'text/plain; charset=utf-8',
      'content-length': info.size,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(path).pipe(res);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('No such blob.');
  }
}

async function serveStatic(res: ServerResponse, root: string, pathname: string): Promise<void> {
  const relative = normalize(pathname).replace(/^([/\\])+/, '');
  let file = join(root, relative);
  if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
    res.writeHead(403).end();
    return;
  }
  let body: Buffer;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    body = await readFile(file);
  } catch {
    // Client-side routes fall back to the app shell.
    file = join(root, 'index.html');
    body = await readFile(file);
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, {
    'content-type': type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
  });
  res.end(body);
}
