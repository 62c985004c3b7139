// The Electron shell: a window, the preload bridge, IPC wiring and the blob protocol. All behaviour lives in
// the core (main/), which never imports Electron; this file stays thin. The page's Content-Security-Policy
// is the renderer's own meta tag (renderer/csp.ts), one per build mode.
import { app, BrowserWindow, dialog, net, protocol, safeStorage, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore, type Core } from '../main/core';
import { checkResources } from '../main/resources/resource-check';
import { RESOURCES } from '../main/resources/resource-paths';
import { pickBrowserExecutable } from './browser-picker';
import { BLOB_SCHEME, DESKTOP_CHANNELS } from './channels';
import { bindIpc, handleFromWindow } from './ipc';
import { KeychainSecretStore } from './secret-store';
import { createWorkbenchWindow, isTrustedUrl, RENDERER_INDEX } from './window';

protocol.registerSchemesAsPrivileged([{ scheme: BLOB_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

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
  await window.loadFile(RENDERER_INDEX);
}

/** Resources the packaged app reads from disk: logged at start, and a missing one is shown, not hidden. */
function reportResources(): void {
  const entries = checkResources(RESOURCES);
  console.log(`MiRA Workbench resources (${RESOURCES.layout} layout, app root ${RESOURCES.appRoot}):`);
  for (const e of entries) console.log(`  ${e.present ? 'ok     ' : 'MISSING'} ${e.name}: ${e.path}`);
  const missing = entries.filter((e) => !e.present);
  if (missing.length) dialog.showErrorBox('MiRA Workbench is incomplete', `These files are missing:\n${missing.map((e) => `${e.name}: ${e.path}`).join('\n')}`);
}

async function start(): Promise<void> {
  await app.whenReady();
  reportResources();
  // The renderer asks for no permissions (camera, notifications, …); refuse them all.
  session.defaultSession.setPermissionRequestHandler((_contents: WebContents, _permission: string, callback: (granted: boolean) => void) => callback(false));
  // …and answer "denied" to the synchronous checks too (e.g. navigator.permissions.query), which the request
  // handler does not see.
  session.defaultSession.setPermissionCheckHandler(() => false);
  const core = await createCore({
    dataDir: process.env.MIRA_DATA_DIR || join(app.getPath('userData'), 'data'),
    mode: 'desktop',
    secrets: new KeychainSecretStore(app.getPath('userData'), safeStorage),
    // Failed episodes of a run get a short LLM summary when a provider is configured (the "analyzer" prompt).
    summarizer: 'configured',
  });
  protocol.handle(BLOB_SCHEME, (request) => {
    const hash = new URL(request.url).pathname.replace(/^\//, '');
    try {
      return net.fetch(pathToFileURL(core.store.blobs.pathOf(hash)).href);
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
  await openWindow(core);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow(core);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quit waits for the core to cancel runs and close the browser and database, then quits for real.
  let closing: Promise<void> | null = null;
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closing ??= core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

start().catch((err) => {
  console.error(err);
  dialog.showErrorBox('MiRA Workbench could not start', err instanceof Error ? err.message : String(err));
  app.exit(1);
});
