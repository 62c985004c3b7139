// First run without a Chromium (issue 18): the renderer's no-browser screen asks the shell to pick one.
// The path is chosen in a native file dialog and confirmed in a native message box — never typed into the
// page — because the workbench will execute that program as the user (issue 14: browserPath is not
// writable over the API; the core's trusted setter checks it is an executable file).
import { dialog, type BrowserWindow } from 'electron';
import { basename, join } from 'node:path';
import type { CoreInfo } from '../main/api/contract';
import type { PickBrowserResult } from '../main/api/desktop';

/** Shows the dialogs; `save` stores the confirmed path and answers the browser the core now uses. */
export async function pickBrowserExecutable(window: BrowserWindow, save: (path: string) => Promise<CoreInfo['browser']>): Promise<PickBrowserResult> {
  const picked = await dialog.showOpenDialog(window, {
    title: 'Choose a Chromium-based browser',
    buttonLabel: 'Choose',
    properties: ['openFile', 'dontAddToRecent'],
  });
  if (picked.canceled || !picked.filePaths[0]) return { status: 'cancelled' };
  const path = programOf(picked.filePaths[0]);
  const confirmed = await dialog.showMessageBox(window, {
    type: 'warning',
    title: 'Use this browser?',
    message: `Use ${path} as the workbench's browser?`,
    detail:
      'The workbench will start this program, as you, to open the pages agents work on. ' +
      'Choose only a Chromium-based browser you trust (Chromium, Google Chrome, Microsoft Edge).',
    buttons: ['Use this browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  if (confirmed.response !== 0) return { status: 'cancelled' };
  try {
    return { status: 'saved', browser: await save(path) };
  } catch (err) {
    return { status: 'invalid', message: err instanceof Error ? err.message : String(err) };
  }
}

/** macOS dialogs may return the .app bundle; the program is Contents/MacOS/<name>. */
function programOf(path: string): string {
  return path.endsWith('.app') ? join(path, 'Contents', 'MacOS', basename(path, '.app')) : path;
}
