import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { WorkbenchApi } from '../main/api/contract';
import { API_METHODS } from '../main/api/methods';
import { validateRequest } from '../main/api/schemas';
import type { Core } from '../main/core';
import { EVENT_CHANNEL, INVOKE_CHANNEL_PREFIX } from './channels';

/** Binds every API method to an IPC handler. Each call checks that it comes from our own window's top frame
 * loaded from the app's renderer, and validates its arguments against the API schemas before the core sees
 * them (Electron security checklist: validate the sender of all IPC messages). */
export function bindIpc(core: Core, window: BrowserWindow, isTrustedUrl: (url: string) => boolean): () => void {
  const api: WorkbenchApi = core.api;
  for (const method of API_METHODS) {
    ipcMain.handle(INVOKE_CHANNEL_PREFIX + method, async (event: IpcMainInvokeEvent, ...params: unknown[]) => {
      const frame = event.senderFrame;
      if (event.sender !== window.webContents || !frame || frame !== window.webContents.mainFrame || !isTrustedUrl(frame.url)) {
        throw new Error(`Refused ${method}: the request did not come from the workbench window.`);
      }
      const args = validateRequest(method, params) as unknown[];
      return (api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    });
  }
  const unsubscribe = core.events.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    for (const method of API_METHODS) ipcMain.removeHandler(INVOKE_CHANNEL_PREFIX + method);
  };
}
