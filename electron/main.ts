// The Electron shell: a window, the preload bridge, IPC wiring and the app's two schemes. All behaviour lives
// in the core (main/), which never imports Electron; this file stays thin. The page's Content-Security-Policy
// is the renderer's own meta tag (renderer/csp.ts), one per build mode.
import { app, BrowserWindow, dialog, protocol, safeStorage, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from '../main/core';
import { checkResources } from '../main/resources/resource-check';
import { RESOURCES } from '../main/resources/resource-paths';
import { pickBrowserExecutable } from './browser-picker';
import { BLOB_SCHEME, DESKTOP_CHANNELS } from './channels';
import { bindIpc, handleFromWindow } from './ipc';
import { keepOutputInFile } from './log-file';
import { APP_ENTRY_URL, APP_SCHEME, serveAppFile, serveBlob } from './protocols';
import { shutDownBeforeQuit } from './quit';
import { KeychainSecretStore } from './secret-store';
import { claimSingleInstance } from './single-instance';
import { createWorkbenchWindow, isTrustedUrl } from './window';

// Standard + secure: the page gets a real origin (mira-app://workbench) for 'self', storage and module scripts.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  { scheme: BLOB_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

async function openWindow(core: Core): Promise<void> {
  const window = createWorkbenchWindow();
  const unbind = [
    bindIpc(core, window, isTrustedUrl),
    handleFromWindow(DESKTOP_CHANNELS.pickBrowser, window, isTrustedUrl, () =>
      pickBrowserExecutable(window, async (path) => {
        await core.setBrowserPathFromTrustedShell(path);
        return (await core.api.info()).browser;
      }),
    ),
  ];
  window.on('closed', () => unbind.forEach((off) => off()));
  await window.loadURL(APP_ENTRY_URL);
}

/** Resources the packaged app reads from disk: logged at start, and a missing one is shown, not hidden. */
function reportResources(): void {
  const entries = checkResources(RESOURCES);
  console.log(`MiRA Workbench resources (${RESOURCES.layout} layout, app root ${RESOURCES.appRoot}):`);
  for (const e of entries) console.log(`  ${e.present ? 'ok     ' : 'MISSING'} ${e.name}: ${e.path}`);
  const missing = entries.filter((e) => !e.present);
  if (missing.length) dialog.showErrorBox('MiRA Workbench is incomplete', `These files are missing:\n${missing.map((e) => `${e.name}: ${e.path}`).join('\n')}`);
}

/** This session's log (Electron's logs folder: ~/Library/Logs/MiRA Workbench on macOS, logs/ in the user-data
 * folder elsewhere); null until the app is ready. */
let logFile: string | null = null;

async function start(): Promise<void> {
  await app.whenReady();
  app.setAppLogsPath();
  logFile = keepOutputInFile(app.getPath('logs'), [process.stdout, process.stderr]);
  reportResources();
  // The renderer asks for no permissions (camera, notifications, …); refuse them all.
  session.defaultSession.setPermissionRequestHandler((_contents: WebContents, _permission: string, callback: (granted: boolean) => void) => callback(false));
  // …and answer "denied" to the synchronous checks too (e.g. navigator.permissions.query), which the request
  // handler does not see.
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle(APP_SCHEME, (request) => serveAppFile(request.url, RESOURCES.rendererDir));
  const starting = createCore({
    dataDir: process.env.MIRA_DATA_DIR || join(app.getPath('userData'), 'data'),
    mode: 'desktop',
    secrets: new KeychainSecretStore(app.getPath('userData'), safeStorage),
    // Failed episodes of a run get a short LLM summary when a provider is configured (the "analyzer" prompt).
    summarizer: 'configured',
  });
  // Quit cancels the runs and closes the core, also when the user quits while it is still starting.
  shutDownBeforeQuit(app, starting);
  const core = await starting;
  protocol.handle(BLOB_SCHEME, (request) => serveBlob(request.url, (hash) => core.store.blobs.pathOf(hash)));
  await openWindow(core);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow(core);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

// A second start hands over to the running app (its window comes forward) and quits.
if (claimSingleInstance(app, () => BrowserWindow.getAllWindows()[0] ?? null)) {
  start().catch((err) => {
    console.error(err);
    const message = err instanceof Error ? err.message : String(err);
    dialog.showErrorBox('MiRA Workbench could not start', logFile ? `${message}\n\nDetails are in ${logFile}.` : message);
    app.exit(1);
  });
}
