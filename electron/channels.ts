// IPC channel names shared by the main process and the preload (no Node or Electron imports here).
export const INVOKE_CHANNEL_PREFIX = 'mira:invoke:';
export const EVENT_CHANNEL = 'mira:event';
/** Custom scheme serving content-addressed blobs (screenshots) to the renderer without file:// access. */
export const BLOB_SCHEME = 'mira-blob';
