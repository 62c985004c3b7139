import { readFile } from 'node:fs/promises';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

/** A test server on 127.0.0.1: its base URL (no trailing slash) and how to stop it. */
export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `handler` on 127.0.0.1 (port chosen by the OS) for browser tests. */
export async function serveLoopback(handler: RequestListener): Promise<LoopbackServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Serves a folder of fixture pages on 127.0.0.1 (port chosen by the OS) for browser tests. */
export function serveFolder(root: string): Promise<LoopbackServer> {
  return serveLoopback(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
}
