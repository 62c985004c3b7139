// Quitting the desktop app ends runs the way Ctrl-C ends the CLI's (main/cli/signals.ts, issue 14): active runs
// are cancelled and given a bounded wait to record their cut episodes as cancelled, and only then are the
// browser, sandbox and database closed. Closing the core straight away (Core.close) would shut the browser
// under running episodes, which then read as browser failures. No `electron` import: main.ts passes `app` in.
import { SHUTDOWN_GRACE_MS } from '../main/cli/signals';
import type { Core } from '../main/core';

export interface QuitEvent {
  preventDefault(): void;
}

/** The part of Electron's `app` used here. */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: QuitEvent) => void): unknown;
  quit(): void;
}

/** Holds every quit until the core has shut down, then quits for real. `core` may still be starting when
 * the user quits (it is awaited); one that failed to start has nothing to shut down. */
export function shutDownBeforeQuit(
  app: QuittingApp,
  core: Promise<Pick<Core, 'shutdown'>>,
  log: (line: string) => void = console.error,
  graceMs: number = SHUTDOWN_GRACE_MS,
): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return; // a second quit while the first is still recording
    state = 'closing';
    core
      .then((c) => c.shutdown(graceMs), () => [] as string[])
      .then(
        (left) => {
          // Their episodes are marked interrupted at the next start, and the run can be resumed.
          if (left.length) log(`Quit: still running after ${graceMs / 1000} s, left to the next start to mark interrupted: ${left.join(', ')}.`);
        },
        (err: unknown) => log(`Quit: shutting down failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
