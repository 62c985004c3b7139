// What the desktop app's preload adds beside the WorkbenchClient (window.miraDesktop): requests that need
// the native shell, such as a file dialog. Absent in web mode, so the UI offers these only on the desktop.
// Types only.
import type { CoreInfo } from './contract';

export type PickBrowserResult =
  | { status: 'saved'; browser: CoreInfo['browser'] }
  | { status: 'cancelled' }
  | { status: 'invalid'; message: string };

export interface DesktopBridge {
  /** Native file dialog, then a confirmation; the chosen browser is saved and used from the next run on. */
  pickBrowser(): Promise<PickBrowserResult>;
}
