// One desktop app per user: a second start (a second click on the AppImage or the Start-menu entry) would open
// the same data folder with its own browser pool, sandbox server and training jobs beside the first, and its
// Training page would mark the first one's running jobs interrupted (main/services/training-jobs.ts recovers
// every 'running' job it does not run itself). Instead the second start quits and the first brings its window
// forward. No `electron` import: main.ts passes `app` in.

/** The part of Electron's `app` used here. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  quit(): void;
}

/** The part of a BrowserWindow used here. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** True when this process is the first instance and should start; false after asking the app to quit.
 * Later starts bring the window `currentWindow` answers to the front. */
export function claimSingleInstance(app: SingleInstanceApp, currentWindow: () => FocusableWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
