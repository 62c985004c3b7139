// The workbench window (electron/window.ts) with a fake `electron` module (Electron's binary cannot run here):
// the renderer is sandboxed and isolated, and the window stays on mira-app://workbench/ — a file:// URL, even
// one of the renderer's own files, is a navigation away like any other; only http(s) links open outside.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RESOURCES } from '../../../main/resources/resource-paths';

const opened = vi.hoisted(() => [] as string[]);
const errorBoxes = vi.hoisted(() => [] as string[]);
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakeWebContents extends EventEmitter {
    openHandler: ((details: { url: string }) => { action: string }) | null = null;
    reloads = 0;
    reload() {
      this.reloads++;
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.openHandler = handler;
    }
  }
  class BrowserWindow {
    webContents = new FakeWebContents();
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {}
  }
  return {
    BrowserWindow,
    shell: { openExternal: async (url: string) => void opened.push(url) },
    dialog: { showErrorBox: (_title: string, content: string) => void errorBoxes.push(content) },
  };
});

// A computed specifier: this program (tsconfig.json) maps `electron` to a stub that main/ must not import, so
// window.ts is type-checked by electron/tsconfig.json, and loaded here against the fake above.
const WINDOW_MODULE = '../../../electron/window';
const { createWorkbenchWindow } = (await import(WINDOW_MODULE)) as { createWorkbenchWindow(now?: () => number): unknown };
/** The renderer's own index.html as a file:// URL: the page the window used to load. */
const rendererFileUrl = pathToFileURL(join(RESOURCES.rendererDir, 'index.html')).href;

type Fake = {
  options: { webPreferences: Record<string, unknown> };
  webContents: EventEmitter & { openHandler: (d: { url: string }) => { action: string }; reloads: number };
};
const prevented = (window: Fake, event: string, url: string) => {
  let was = false;
  window.webContents.emit(event, { preventDefault: () => (was = true) }, url);
  return was;
};

beforeEach(() => {
  opened.length = 0;
  errorBoxes.length = 0;
});

describe('the workbench window', () => {
  it('runs the renderer sandboxed and isolated, with the bundled preload only', () => {
    const window = createWorkbenchWindow() as unknown as Fake;
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(window.options.webPreferences.preload)).toMatch(/preload\.cjs$/);
  });

  it('navigates and redirects only within mira-app://workbench/; file:// is refused, the renderer folder included', () => {
    const window = createWorkbenchWindow() as unknown as Fake;
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(prevented(window, event, 'mira-app://workbench/index.html#/runs')).toBe(false);
      for (const url of [rendererFileUrl, 'file:///etc/passwd', 'https://attacker.example/', 'mira-app://elsewhere/index.html']) {
        expect(prevented(window, event, url), `${event} ${url}`).toBe(true);
      }
    }
    expect(prevented(window, 'will-attach-webview', 'about:blank')).toBe(true);
  });

  it('opens no windows: http(s) links go to the user browser, other schemes nowhere', async () => {
    const window = createWorkbenchWindow() as unknown as Fake;
    for (const url of ['https://example.com/docs', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'mira-app://workbench/index.html', 'javascript:alert(1)']) {
      expect(window.webContents.openHandler({ url })).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(opened).toEqual(['https://example.com/docs', 'http://127.0.0.1:8080/']);
  });

  it('reloads a page whose process crashed, but stops after three reloads within a minute and says so', () => {
    let clock = 0;
    const window = createWorkbenchWindow(() => clock) as unknown as Fake;
    const gone = (reason: string) => window.webContents.emit('render-process-gone', {}, { reason, exitCode: 133 });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      gone('clean-exit'); // the window closing: nothing to recover
      expect(window.webContents.reloads).toBe(0);
      for (const reason of ['crashed', 'oom', 'killed']) {
        clock += 10_000;
        gone(reason);
      }
      expect(window.webContents.reloads).toBe(3);
      clock += 10_000;
      gone('crashed'); // the fourth within a minute: left alone, with a message
      expect(window.webContents.reloads).toBe(3);
      expect(errorBoxes).toEqual([expect.stringContaining("The workbench page's process ended (crashed, exit code 133) 4 times within a minute")]);
      clock += 60_000; // a minute later it is reloaded again
      gone('crashed');
      expect(window.webContents.reloads).toBe(4);
      expect(errors.mock.calls.map((c) => String(c[0]))).toContain("The workbench page's process ended (oom, exit code 133); reloading it.");
    } finally {
      errors.mockRestore();
    }
  });
});
