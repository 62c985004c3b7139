// The shell's custom schemes (electron/protocols.ts): mira-app:// serves the renderer's files and nothing
// outside its folder, whatever the URL's escapes say; mira-blob:// serves stored screenshots by hash with
// their image type, and answers 404 (not a failed request) for a bad or missing hash.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, appFilePath, isAppUrl, serveAppFile, serveBlob } from '../../../electron/protocols';
import { BlobStore } from '../../../main/store/blobs';

let dir: string;
let renderer: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-protocols-'));
  renderer = join(dir, 'app', 'dist', 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(renderer, 'assets', 'codicon.ttf'), Buffer.from([0, 1, 0, 0]));
  await writeFile(join(dir, 'app', 'package.json'), '{"name":"secret"}');
  await writeFile(join(dir, 'app', 'dist', 'renderer-other.txt'), 'a sibling folder with the same prefix');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mira-app://', () => {
  it('names only the app origin (the window and IPC trust nothing else)', () => {
    expect(APP_ENTRY_URL).toBe('mira-app://workbench/index.html');
    for (const url of [APP_ENTRY_URL, 'mira-app://workbench/index.html#/tasks', 'mira-app://workbench/assets/x.js?v=1']) expect(isAppUrl(url)).toBe(true);
    for (const url of [
      'file:///opt/MiRA/resources/app.asar/dist/renderer/index.html',
      'mira-app://other/index.html',
      'mira-app://workbench:8080/index.html',
      'mira-app://user:pass@workbench/index.html',
      'mira-blob://blob/' + 'a'.repeat(64),
      'https://workbench/index.html',
      'not a url',
    ]) expect(isAppUrl(url), url).toBe(false);
  });

  it('maps a URL to a file inside the renderer folder, and refuses every way out of it', () => {
    expect(appFilePath('mira-app://workbench/', renderer)).toBe(join(renderer, 'index.html'));
    expect(appFilePath('mira-app://workbench/assets/index-abc.js?x=1#y', renderer)).toBe(join(renderer, 'assets', 'index-abc.js'));
    expect(appFilePath('mira-app://workbench/assets/a%20b.js', renderer)).toBe(join(renderer, 'assets', 'a b.js'));
    // The URL parser removes plain and %2e dot segments; escaped slashes and backslashes reach the path.
    expect(appFilePath('mira-app://workbench/../../package.json', renderer)).toBe(join(renderer, 'package.json'));
    expect(appFilePath('mira-app://workbench/%2e%2e/%2e%2e/package.json', renderer)).toBe(join(renderer, 'package.json'));
    for (const url of [
      'mira-app://workbench/..%2f..%2fpackage.json',
      'mira-app://workbench/..%2F..%2F..%2Fetc%2Fpasswd',
      'mira-app://workbench/assets%2f..%2f..%2frenderer-other.txt',
      'mira-app://workbench/..%5c..%5cpackage.json',
      'mira-app://workbench/index.html%00.js',
      'mira-app://workbench/%E0%A4%A',
      'mira-app://other/index.html',
    ]) expect(appFilePath(url, renderer), url).toBeNull();
  });

  it('serves the page and its assets with their types, and 404 for anything else', async () => {
    const page = await serveAppFile(APP_ENTRY_URL, renderer);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<div id="root">');
    // A second policy can only narrow the page's own: no sockets to loopback services from the desktop page.
    expect(page.headers.get('content-security-policy')).toBe("connect-src 'self'");
    const script = await serveAppFile('mira-app://workbench/assets/index-abc.js', renderer);
    expect([script.status, script.headers.get('content-type'), await script.text()]).toEqual([200, 'text/javascript; charset=utf-8', 'console.log(1)']);
    expect((await serveAppFile('mira-app://workbench/assets/codicon.ttf', renderer)).headers.get('content-type')).toBe('font/ttf');
    for (const url of ['mira-app://workbench/missing.js', 'mira-app://workbench/assets', 'mira-app://workbench/..%2fpackage.json', 'mira-app://workbench/..%2frenderer-other.txt']) {
      const response = await serveAppFile(url, renderer);
      expect(response.status, url).toBe(404);
      expect(await response.text()).toBe('Not found');
    }
  });
});

describe('mira-blob://', () => {
  it('serves a stored screenshot with its image type; a bad or missing hash is a 404', async () => {
    const blobs = new BlobStore(join(dir, 'blobs'));
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const pathOf = (hash: string) => blobs.pathOf(hash);
    for (const [bytes, type] of [[jpeg, 'image/jpeg'], [png, 'image/png']] as const) {
      const response = await serveBlob(`mira-blob://blob/${await blobs.put(bytes)}`, pathOf);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    }
    for (const url of [`mira-blob://blob/${'0'.repeat(64)}`, 'mira-blob://blob/..%2f..%2fsecrets.bin.json', 'mira-blob://blob/abc']) {
      expect((await serveBlob(url, pathOf)).status, url).toBe(404);
    }
  });
});
