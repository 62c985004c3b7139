import type { WorkbenchClient } from '../../../main/api/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in web mode. */
    mira?: WorkbenchClient;
  }
}
export {};
