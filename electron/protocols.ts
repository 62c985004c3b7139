// The shell's two custom schemes. mira-app:// serves the renderer's own files instead of file:// (Electron
// security checklist, "Avoid usage of the file:// protocol"): a file:// page may read every other file:// URL
// on the disk, and its CSP 'self' matches all of them; mira-app://workbench/ serves dist/renderer and nothing
// outside it, so the packaged binary turns the GrantFileProtocolExtraPrivileges fuse off (electron-builder.yml).
// mira-blob:// serves stored screenshots by hash. No `electron` import: main.ts registers the schemes and
// hands requests here, and tests call these functions directly.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'mira-app';
export const APP_HOST = 'workbench';
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** A URL of the app's own pages and assets (any path under mira-app://workbench/). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password && !parsed.port;
  } catch {
    return false;
  }
}

/** The file under `rootDir` that an app URL names, or null: another scheme or host, a path that decodes to
 * one leaving `rootDir` (`..%2f`), a backslash or NUL. The query and fragment are ignored. */
export function appFilePath(url: string, rootDir: string): string | null {
  if (!isAppUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null; // a malformed escape such as %E0%A4%A
  }
  if (/[\\\0]/.test(path)) return null;
  const root = resolve(rootDir);
  const file = resolve(root, path === '/' ? 'index.html' : `.${path}`);
  const inside = relative(root, file);
  if (!inside || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** By extension: module scripts are refused unless served as JavaScript. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A stored screenshot's type from its first bytes (blobs are named by hash, with no extension). */
export function imageTypeOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  return 'application/octet-stream';
}

/** A file's bytes as a response: 404 when there is no such file (or it is a folder), 500 on other read
 * errors. Reads through Node's fs, which in Electron's main process also reads inside app.asar. */
export async function fileResponse(file: string | null, contentType: string | ((bytes: Uint8Array) => string)): Promise<Response> {
  if (file === null) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  try {
    const body = new Uint8Array(await readFile(file));
    const type = typeof contentType === 'string' ? contentType : contentType(body);
    return new Response(body, { status: 200, headers: { 'content-type': type } });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const missing = code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
    return new Response(missing ? 'Not found' : 'Could not read the file', { status: missing ? 404 : 500, headers: { 'content-type': 'text/plain' } });
  }
}

/** Laid over the page's own CSP (renderer/csp.ts, one per build, shared with web mode, which talks over a
 * loopback WebSocket): the desktop page talks over IPC only, so it may open no socket to local services. */
export const DESKTOP_PAGE_CSP = "connect-src 'self'";

/** The protocol handler's answer for one request: the named renderer file, or 404. */
export async function serveAppFile(url: string, rootDir: string): Promise<Response> {
  const file = appFilePath(url, rootDir);
  const response = await fileResponse(file, file ? contentTypeOf(file) : 'text/plain');
  if (response.ok && file && extname(file).toLowerCase() === '.html') response.headers.set('content-security-policy', DESKTOP_PAGE_CSP);
  return response;
}

/** The protocol handler's answer for mira-blob://blob/<sha256>: the stored screenshot, or 404 for anything
 * that is not a blob hash (`pathOf` throws) or not stored. */
export function serveBlob(url: string, pathOf: (hash: string) => string): Promise<Response> {
  let file: string | null = null;
  try {
    file = pathOf(new URL(url).pathname.replace(/^\//, ''));
  } catch {
    file = null;
  }
  return fileResponse(file, imageTypeOf);
}
