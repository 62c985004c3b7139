// How far a run got, as its page shows it while it runs and after it stopped (types only; computed by
// main/runs/run-state.ts from the run's stored config and episodes, so a page opened mid-run, or a run another
// process drives, shows the real count rather than only the progress events it happened to receive).
import type { RunRecord } from './types';

export interface RunState {
  runId: string;
  status: RunRecord['status'];
  /** The (task, seed) pairs the run was started with: its tasks × seedsPerTask. */
  total: number;
  /** Episodes per task (1 unless the run was started with several seeds per task). */
  seedsPerTask: number;
  /** Pairs with a finished episode: the progress bar's count, and what a resume keeps. */
  finished: number;
  /** Pairs whose episode is running now. */
  running: number;
  /** Pairs no episode was ever started for (a cancel or a stopped process ended the run before them). */
  notStarted: number;
  /** Why resumeRun would refuse the run (finished, running, a training job's), or null when it can be resumed. */
  resumeRefusal: string | null;
}
