// Quitting the desktop app (electron/quit.ts): the quit is held until the core has shut down the way Ctrl-C
// shuts the CLI down — runs cancelled with a bounded wait for their cut episodes, then everything closed —
// and happens exactly once, also when the user quits twice, while the core is starting, or when it failed.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { SHUTDOWN_GRACE_MS } from '../../../main/cli/signals';
import { shutDownBeforeQuit, type QuitEvent } from '../../../electron/quit';

/** Electron's quit sequence, as far as the shell sees it: will-quit can be prevented; otherwise it quits. */
class FakeApp extends EventEmitter {
  quits = 0;
  quitted = false;
  quit() {
    this.quits++;
    let held = false;
    const event: QuitEvent = { preventDefault: () => (held = true) };
    this.emit('will-quit', event);
    if (!held) this.quitted = true;
  }
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('shutDownBeforeQuit', () => {
  it('cancels the runs with the CLI grace period (shutdown, not a bare close) before the app quits', async () => {
    const app = new FakeApp();
    const calls: number[] = [];
    const shutdown = deferred<string[]>();
    const log: string[] = [];
    shutDownBeforeQuit(app, Promise.resolve({ shutdown: (graceMs?: number) => (calls.push(graceMs!), shutdown.promise) }), (l) => log.push(l));
    app.quit();
    await flush();
    expect(calls).toEqual([SHUTDOWN_GRACE_MS]);
    expect(app.quitted).toBe(false);
    app.quit(); // impatient second quit: no second shutdown
    await flush();
    expect(calls).toHaveLength(1);
    shutdown.resolve(['run-1']);
    await flush();
    expect(app.quitted).toBe(true);
    expect(log).toEqual([`Quit: still running after ${SHUTDOWN_GRACE_MS / 1000} s, left to the next start to mark interrupted: run-1.`]);
  });

  it('waits for a core that is still starting, then shuts it down', async () => {
    const app = new FakeApp();
    const core = deferred<{ shutdown: (graceMs?: number) => Promise<string[]> }>();
    let shutDown = false;
    shutDownBeforeQuit(app, core.promise, () => undefined, 50);
    app.quit();
    await flush();
    expect(app.quitted).toBe(false);
    core.resolve({ shutdown: async () => ((shutDown = true), []) });
    await flush();
    expect([shutDown, app.quitted]).toEqual([true, true]);
  });

  it('still quits when the core failed to start or its shutdown fails, saying why', async () => {
    const failedStart = new FakeApp();
    const never = Promise.reject(new Error('database is locked'));
    never.catch(() => undefined);
    shutDownBeforeQuit(failedStart, never, () => undefined);
    failedStart.quit();
    await flush();
    expect(failedStart.quitted).toBe(true);

    const failedShutdown = new FakeApp();
    const log: string[] = [];
    shutDownBeforeQuit(failedShutdown, Promise.resolve({ shutdown: async () => { throw new Error('browser hung'); } }), (l) => log.push(l));
    failedShutdown.quit();
    await flush();
    expect(failedShutdown.quitted).toBe(true);
    expect(log).toEqual(['Quit: shutting down failed: browser hung']);
  });
});
