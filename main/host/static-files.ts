import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { BASE_HEADERS } from './http-gate';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.ttf': 'font/ttf', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.map': 'application/json',
};

/** The page may open a WebSocket to exactly the origin it was served from (`host` is the request's Host,
 * already checked against the allow-list), not to any port of 127.0.0.1. */
export function contentSecurityPolicy(host: string): string {
  return [
    "default-src 'self'", "img-src 'self' data: blob:", "style-src 'self' 'unsafe-inline'", "script-src 'self'",
    "worker-src 'self' blob:", "font-src 'self' data:", `connect-src 'self' ws://${host}`,
    "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
  ].join('; ');
}

export async function serveBlob(res: ServerResponse, path: string): Promise<void> {
  const head = Buffer.alloc(2);
  let size: number;
  try {
    size = (await stat(path)).size;
    const file = await open(path, 'r');
    try {
      await file.read(head, 0, 2, 0);
    } finally {
      await file.close();
    }
  } catch {
    res.writeHead(404, { ...BASE_HEADERS, 'content-type': 'text/plain' }).end('No such blob.');
    return;
  }
  // Blobs are content-addressed, so a URL's content never changes.
  res.writeHead(200, {
    ...BASE_HEADERS,
    'content-type': head[0] === 0xff && head[1] === 0xd8 ? 'image/jpeg' : head[0] === 0x89 && head[1] === 0x50 ? 'image/png' : 'text/plain; charset=utf-8',
    'content-length': size,
    'cache-control': 'private, max-age=31536000, immutable',
  });
  // pipeline, not pipe: a client that hangs up mid-file (or a read error) ends the response, never the process.
  pipeline(createReadStream(path), res, () => undefined);
}

export async function serveStatic(res: ServerResponse, root: string, pathname: string, host: string): Promise<void> {
  const relative = normalize(pathname).replace(/^([/\\])+/, '');
  let file = join(root, relative);
  if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
    res.writeHead(403, BASE_HEADERS).end();
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
    ...BASE_HEADERS,
    'content-type': type,
    'content-security-policy': contentSecurityPolicy(host),
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'private, max-age=3600',
  });
  res.end(body);
}
