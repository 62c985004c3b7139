// IPC channel names shared by the main process and the preload (no Node or Electron imports here).
import { API_METHODS } from '../main/api/methods';

export const INVOKE_CHANNEL_PREFIX = 'mira:invoke:';
export const EVENT_CHANNEL = 'mira:event';
/** Desktop-only requests that need the native shell (a file dialog); the web host has no equivalent. */
export const DESKTOP_CHANNELS = {
  /** Pick a browser executable in a native dialog, confirm it, and save it as the browser to use. */
  pickBrowser: 'mira:desktop:pick-browser',
} as const;
/** Custom scheme serving content-addressed blobs (screenshots) to the renderer without file:// access. */
export const BLOB_SCHEME = 'mira-blob';

/** Every channel the preload invokes: one per API method, plus the desktop-only ones. */
export const PRELOAD_INVOKE_CHANNELS: readonly string[] = [
  ...API_METHODS.map((method) => INVOKE_CHANNEL_PREFIX + method),
  ...Object.values(DESKTOP_CHANNELS),
];
