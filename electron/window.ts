// The workbench window: sandboxed renderer, no Node, the preload bridge only; it never navigates away from
// the app's own renderer files, and links to the web open in the user's browser.
import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RESOURCES } from '../main/resources/resource-paths';

export const RENDERER_INDEX = join(RESOURCES.rendererDir, 'index.html');
const RENDERER_DIR_URL = pathToFileURL(RESOURCES.rendererDir).href + '/';

/** Our renderer's own files (file:// under dist/renderer); the IPC sender check and navigation use it. */
export function isTrustedUrl(url: string): boolean {
  return url.startsWith(RENDERER_DIR_URL) && !url.slice(RENDERER_DIR_URL.length).split(/[?#]/)[0].split('/').includes('..');
}

export function createWorkbenchWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'MiRA Workbench',
    webPreferences: {
      // The preload is bundled next to main.cjs (CommonJS: sandboxed preloads cannot be ES modules).
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
  // A navigation that starts trusted could be redirected elsewhere (will-navigate sees only its first URL).
  window.webContents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  // No <webview>: an attached guest page could run with its own, weaker preferences.
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  return window;
}
