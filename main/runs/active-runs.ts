// The runs this process is driving (issue 14): a global cap on how many may be active at once (more are
// refused with a clear error: each run holds browser contexts, an LLM budget and a scheduler), cancel by id,
// and cancel-all with a bounded wait for Ctrl-C / SIGTERM, so the cut episodes are recorded before the
// browser closes.
import type { StartedRun } from './types';

export const DEFAULT_MAX_ACTIVE_RUNS = 8;

export class ActiveRuns {
  private readonly runs = new Map<string, StartedRun>();
  /** Runs admitted but still being created: they count against the cap, so two starts cannot both squeeze in. */
  private starting = 0;

  constructor(readonly max: number = DEFAULT_MAX_ACTIVE_RUNS) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`The active run limit must be a positive integer, not ${max}.`);
  }

  get size(): number {
    return this.runs.size;
  }

  get(runId: string): StartedRun | undefined {
    return this.runs.get(runId);
  }

  /** Starts a run through `start` unless `max` runs are active already; the run leaves the set when it ends. */
  async admit(start: () => Promise<StartedRun>): Promise<StartedRun> {
    if (this.runs.size + this.starting >= this.max) {
      throw new Error(`${this.max} runs are active already, the most this workbench runs at once: wait for one to finish or cancel one (the limit is --max-runs).`);
    }
    this.starting++;
    try {
      const started = await start();
      this.runs.set(started.runId, started);
      started.done.finally(() => this.runs.delete(started.runId)).catch(() => undefined);
      return started;
    } finally {
      this.starting--;
    }
  }

  /** Cancels every active run and waits up to `graceMs` for them to record their episodes. Returns the ids of
   * runs still going when the wait ended (empty when all of them finished recording). */
  async cancelAll(graceMs: number): Promise<string[]> {
    const all = [...this.runs.values()];
    for (const run of all) run.cancel();
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
      timer.unref();
    });
    await Promise.race([Promise.allSettled(all.map((r) => r.done)), waited]);
    clearTimeout(timer);
    return [...this.runs.keys()];
  }
}
