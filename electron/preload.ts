// The preload bridge: exposes exactly the typed WorkbenchClient on window.mira, and the desktop-only
// requests on window.miraDesktop, and nothing else (contextIsolation on; no Node in the renderer). Runs
// sandboxed, so it imports only `electron`.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEventName, ApiEvents, WireEvent, WorkbenchClient } from '../main/api/contract';
import type { DesktopBridge, PickBrowserResult } from '../main/api/desktop';
import { API_METHODS } from '../main/api/methods';
import { BLOB_SCHEME, DESKTOP_CHANNELS, EVENT_CHANNEL, INVOKE_CHANNEL_PREFIX } from './channels';

const listeners = new Map<ApiEventName, Set<(payload: unknown) => void>>();
ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, message: WireEvent) => {
  for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
});

const client = Object.fromEntries(
  API_METHODS.map((method) => [method, (...params: unknown[]) => ipcRenderer.invoke(INVOKE_CHANNEL_PREFIX + method, ...params)]),
) as unknown as WorkbenchClient;

client.on = <E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) => {
  const set = listeners.get(event) ?? new Set();
  set.add(listener as (payload: unknown) => void);
  listeners.set(event, set);
  return () => set.delete(listener as (payload: unknown) => void);
};
client.blobUrl = (hash: string) => `${BLOB_SCHEME}://blob/${hash}`;

const desktop: DesktopBridge = {
  pickBrowser: () => ipcRenderer.invoke(DESKTOP_CHANNELS.pickBrowser) as Promise<PickBrowserResult>,
};

contextBridge.exposeInMainWorld('mira', client);
contextBridge.exposeInMainWorld('miraDesktop', desktop);
