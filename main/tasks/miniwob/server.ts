// Serves a MiniWoB++ html folder on 127.0.0.1 (docs/design/WEBARENA.md §5: the flight tasks fail under
// file://, so pages are always loaded over HTTP). Read-only static files, nothing outside the folder.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { isLoopbackHost, loopbackHosts, MISDIRECTED_TEXT } from '../../browser/loopback-hosts';

export interface MiniWobServer {
  /** e.g. http://127.0.0.1:41234 — task pages are at `${baseUrl}/miniwob/<task>.html`. */
  baseUrl: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export async function serveMiniWob(htmlDir: string, port = 0): Promise<MiniWobServer> {
  const root = resolve(htmlDir);
  const server = createServer(async (req, res) => {
    // A page in the user's browser on a rebound DNS name reads nothing (browser/loopback-hosts.ts).
    if (!isLoopbackHost(req.headers.host, loopbackHosts((server.address() as AddressInfo).port))) {
      res.writeHead(421).end(MISDIRECTED_TEXT);
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad path');
      return;
    }
    const file = resolve(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('outside the MiniWoB++ folder');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const address = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
