// The Electron shell: a window, the preload bridge, IPC wiring and the blob protocol. All behaviour lives in
// the core (main/), which never imports Electron; this file stays thin.
import { app, BrowserWindow, net, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore, type Core } from '../main/core';
import { BLOB_SCHEME } from './channels';
import { bindIpc } from './ipc';
import { KeychainSecretStore } from './secret-store';

const RENDERER_INDEX = join(__dirname, '../renderer/index.html');
const CSP = [
  "default-src 'self'",
  `img-src 'self' data: blob: ${BLOB_SCHEME}:`,
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
].join('; ');

protocol.registerSchemesAsPrivileged([{ scheme: BLOB_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const isTrustedUrl = (url: string) => url.startsWith(pathToFileURL(RENDERER_INDEX).href.replace(/index\.html$/, ''));

async function createWindow(core: Core): Promise<void> {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'MiRA Workbench',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  // Agent-browsed pages never load inside the app: the window stays on the renderer, links open outside.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:/.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  const unbind = bindIpc(core, window, isTrustedUrl);
  window.on('closed', unbind);
  await window.loadFile(RENDERER_INDEX);
}

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const core = await createCore({
    dataDir: join(app.getPath('userData'), 'data'),
    mode: 'desktop',
    secrets: new KeychainSecretStore(app.getPath('userData')),
  });
  protocol.handle(BLOB_SCHEME, (request) => {
    const hash = new URL(request.url).pathname.replace(/^\//, '');
    try {
      return net.fetch(pathToFileURL(core.store.blobs.pathOf(hash)).href);
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
  await createWindow(core);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow(core);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void core.close());
}

start().catch((err) => {
  console.error(err);
  app.exit(1);
});
