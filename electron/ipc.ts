import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { WorkbenchApi } from '../main/api/contract';
import { API_METHODS } from '../main/api/methods';
import { validateRequest } from '../main/api/schemas';
import type { Core } from '../main/core';
import { EVENT_CHANNEL, INVOKE_CHANNEL_PREFIX } from './channels';

/** True when an IPC call comes from our own window's top frame showing the app's renderer (Electron
 * security checklist: validate the sender of all IPC messages). */
export function isFromWorkbenchWindow(event: IpcMainInvokeEvent, window: BrowserWindow, isTrustedUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  return !window.isDestroyed() && event.sender === window.webContents && Boolean(frame) && frame === window.webContents.mainFrame && isTrustedUrl(frame!.url);
}

/** Registers an invoke handler that refuses calls from anywhere but the workbench window. */
export function handleFromWindow(
  channel: string,
  window: BrowserWindow,
  isTrustedUrl: (url: string) => boolean,
  handler: (...params: unknown[]) => Promise<unknown>,
): () => void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...params: unknown[]) => {
    if (!isFromWorkbenchWindow(event, window, isTrustedUrl)) throw new Error(`Refused ${channel}: the request did not come from the workbench window.`);
    return handler(...params);
  });
  return () => ipcMain.removeHandler(channel);
}

/** Binds every API method to an IPC handler: sender checked, arguments validated against the API schemas
 * before the core sees them; core events are forwarded to the window. */
export function bindIpc(core: Core, window: BrowserWindow, isTrustedUrl: (url: string) => boolean): () => void {
  const api: WorkbenchApi = core.api;
  const unbind = API_METHODS.map((method) =>
    handleFromWindow(INVOKE_CHANNEL_PREFIX + method, window, isTrustedUrl, (...params) => {
      const args = validateRequest(method, params) as unknown[];
      return (api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    }),
  );
  const unsubscribe = core.events.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    for (const off of unbind) off();
  };
}
