// Ctrl-C and SIGTERM in the CLI (issue 14): the first cancels the active runs, waits (bounded) for them to
// record their cut episodes as cancelled, then closes the browser and exits; a second one exits at once.
// Playwright's own signal handlers are off (browser/pool.ts), or the browser would die first and the cut
// episode would read as a browser failure.
import type { Core } from '../core';

/** How long the runs get to record their episodes after the first signal. */
export const SHUTDOWN_GRACE_MS = 10_000;

const EXIT_CODES: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

export function exitOnSignals(core: Pick<Core, 'shutdown'>, graceMs = SHUTDOWN_GRACE_MS, log: (line: string) => void = console.error): void {
  let stopping = false;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    const code = EXIT_CODES[signal];
    if (stopping) {
      log(`${signal} again: exiting now.`);
      process.exit(code);
    }
    stopping = true;
    log(`${signal}: cancelling active runs (up to ${graceMs / 1000} s for them to record), then closing the browser. Press Ctrl-C again to exit at once.`);
    core.shutdown(graceMs).then(
      (left) => {
        // Their process is about to end: the next start marks them interrupted, and `resume` runs them again.
        if (left.length) log(`Still running after ${graceMs / 1000} s: ${left.join(', ')}.`);
      },
      (err: unknown) => log(`Shutting down failed: ${err instanceof Error ? err.message : String(err)}`),
    ).finally(() => process.exit(code));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
