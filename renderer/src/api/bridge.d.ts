import type { WorkbenchClient } from '../../../main/api/contract';
import type { DesktopBridge } from '../../../main/api/desktop';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in web mode. */
    mira?: WorkbenchClient;
    /** The desktop app's native-shell requests (file dialogs); absent in web mode. */
    miraDesktop?: DesktopBridge;
  }
}
export {};
