// The workbench window: sandboxed renderer, no Node, the preload bridge only; it never navigates away from
// the app's own pages (mira-app://workbench/, electron/protocols.ts), and links to the web open in the
// user's browser.
import { BrowserWindow, dialog, shell } from 'electron';
import { join } from 'node:path';
import { isAppUrl } from './protocols';

/** Our renderer's own pages; the IPC sender check and navigation use it. */
export const isTrustedUrl = isAppUrl;

/** A page whose process ends is reloaded at most this often per minute; one that dies on every load is left alone. */
const MAX_RELOADS_PER_MINUTE = 3;

export function createWorkbenchWindow(now: () => number = Date.now): BrowserWindow {
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
  // A page whose process crashed or was killed (out of memory on a long replay) would stay blank: reload it, as a
  // browser tab offers to; open drafts survive in sessionStorage (renderer/src/stores/draft-store.ts).
  const reloads: number[] = [];
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    const t = now();
    while (reloads.length && t - reloads[0] >= 60_000) reloads.shift();
    const what = `The workbench page's process ended (${details.reason}, exit code ${details.exitCode})`;
    if (reloads.length >= MAX_RELOADS_PER_MINUTE) {
      console.error(`${what} again; not reloading it: ${MAX_RELOADS_PER_MINUTE} reloads in the last minute.`);
      dialog.showErrorBox('MiRA Workbench', `${what} ${MAX_RELOADS_PER_MINUTE + 1} times within a minute, so it was not reloaded again. Quit and start the app again; the log file says more.`);
      return;
    }
    reloads.push(t);
    console.error(`${what}; reloading it.`);
    window.webContents.reload();
  });
  return window;
}
