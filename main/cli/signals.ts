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

/** How often a process started by `npm start` checks that its starter is still there. */
const PARENT_CHECK_MS = 1000;

/** `npm start` runs the app in its own process group (scripts/start.ts), so a starter killed outright (SIGKILL,
 * an OOM kill, an IDE's stop) no longer takes it along: the app would keep its port and data folder, serving
 * its token to nobody. Started that way (MIRA_PARENT_PID names the starter), it shuts down as on SIGTERM once its
 * parent is gone. */
export function exitWithParent(parentPid: number | undefined = Number(process.env.MIRA_PARENT_PID) || undefined): void {
  if (!parentPid) return;
  const timer = setInterval(() => {
    if (process.ppid === parentPid) return;
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
  }, PARENT_CHECK_MS);
  timer.unref();
}
