// The failure analyses this process is still writing after a run finished (docs/design/MIRA.md §1: every finished
// run is analysed). Closing the workbench waits a bounded time for them before the store closes, so a quick
// close (a test's teardown, quitting the app right after a run) does not lose them; one that is still going when
// the wait ends is given up quietly: the report page and `analyze <run>` analyse a run again on demand
// (runs/analyze-run.ts recomputes from the stored episodes), so nothing is lost for good.

/** How long close() waits for analyses in flight: they read and write SQLite and may ask the LLM for a summary. */
export const ANALYSIS_CLOSE_GRACE_MS = 5_000;

export class PendingAnalyses {
  private readonly inFlight = new Map<Promise<void>, string>();
  private closing = false;

  /** Runs `analyse` for a run and tracks it until it ends. Its error is reported on stderr unless it is expected
   * (`quiet`) or came after close() gave up on it (the store is closed then: the error would only mislead). */
  track(runId: string, analyse: () => Promise<unknown>, quiet: (err: Error) => boolean = () => false): Promise<void> {
    const work: Promise<void> = analyse().then(
      () => undefined,
      (err: Error) => {
        if (!this.closing && !quiet(err)) console.error(`Analysis of run ${runId} failed: ${err.message}`);
      },
    );
    this.inFlight.set(work, runId);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  }

  /** Waits up to `graceMs` for the analyses in flight; returns the runs whose analysis was still going, after
   * saying so in one line. Later failures of those (the store closes next) stay silent. */
  async settle(graceMs: number = ANALYSIS_CLOSE_GRACE_MS): Promise<string[]> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...this.inFlight.keys()]), waited]);
    clearTimeout(timer);
    this.closing = true;
    const left = [...new Set(this.inFlight.values())];
    if (left.length > 0) {
      const runs = `${left.length === 1 ? 'run' : 'runs'} ${left.join(', ')}`;
      console.warn(`Closed before the failure analysis of ${runs} was stored; the run's report (or \`analyze <run>\`) analyses it again.`);
    }
    return left;
  }
}
