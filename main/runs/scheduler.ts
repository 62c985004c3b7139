import type { EpisodeRecord, StopReason } from '../api/types';

/** How a run's episodes are executed (issue 5, "Run scheduler"). */
export interface SchedulerSettings {
  /** Episodes (browser contexts) in parallel. */
  concurrency: number;
  /** Per-episode wall-clock limit; the episode ends with stop reason time_limit. */
  episodeTimeoutMs: number;
  /** How many times an episode that ended in an infrastructure failure (browser crash, navigation
   * time-out: status 'error') is run again. Agent failures are never retried: they are results. */
  infraRetries: number;
}

/** Failures after which no episode can succeed (a full disk fails every write): the run stops, no retry. */
const HALTS_RUN: ReadonlySet<StopReason> = new Set<StopReason>(['storage_error']);

export const DEFAULT_SCHEDULER: SchedulerSettings = { concurrency: 1, episodeTimeoutMs: 10 * 60_000, infraRetries: 2 };

export interface Job {
  index: number;
  taskId: string;
  seed: number;
}

export interface JobProgress {
  done: number;
  total: number;
  episode: EpisodeRecord;
  /** True when this episode will be retried (it ended in an infrastructure failure). */
  retrying: boolean;
}

/** Runs jobs through a fixed number of workers. Each attempt gets its own AbortSignal that fires at the time
 * limit; an attempt that ends with status 'error' is retried up to `infraRetries` times, and every attempt
 * stays recorded (the errored ones explain what went wrong with the infrastructure). Results come back in
 * job order, one final episode per job. An episode that ends with a run-halting failure (storage_error) is not
 * retried and no further job starts; the jobs already running finish. An attempt that throws instead of
 * returning its episode (its record could not be written: the database stayed locked, the disk filled up)
 * halts the run the same way, and once the running jobs have finished the first such error is thrown: no
 * episode is left going on after the run is reported as failed. */
export async function runJobs(
  jobs: readonly Job[],
  settings: SchedulerSettings,
  execute: (job: Job, signal: AbortSignal) => Promise<EpisodeRecord>,
  onProgress?: (progress: JobProgress) => void,
  cancel?: AbortSignal,
): Promise<EpisodeRecord[]> {
  if (!Number.isInteger(settings.concurrency) || settings.concurrency < 1) throw new Error(`concurrency must be a positive integer, not ${settings.concurrency}.`);
  const results: EpisodeRecord[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  let halted = false;
  const thrown: unknown[] = [];
  const worker = async () => {
    while (next < jobs.length && !cancel?.aborted && !halted) {
      const job = jobs[next++];
      for (let attempt = 0; ; attempt++) {
        let episode: EpisodeRecord;
        try {
          episode = await runWithLimit(job, settings.episodeTimeoutMs, execute, cancel);
        } catch (err) {
          halted = true;
          thrown.push(err);
          return;
        }
        if (episode.stopReason !== null && HALTS_RUN.has(episode.stopReason)) halted = true;
        const retrying = episode.status === 'error' && !halted && attempt < settings.infraRetries && !cancel?.aborted;
        if (!retrying) {
          results[job.index] = episode;
          done++;
        }
        onProgress?.({ done, total: jobs.length, episode, retrying });
        if (!retrying) break;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, jobs.length) }, worker));
  if (thrown.length) throw thrown[0];
  return results.filter(Boolean);
}

async function runWithLimit(
  job: Job,
  timeoutMs: number,
  execute: (job: Job, signal: AbortSignal) => Promise<EpisodeRecord>,
  cancel?: AbortSignal,
): Promise<EpisodeRecord> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort('time_limit'), timeoutMs);
  const onCancel = () => controller.abort('cancelled');
  cancel?.addEventListener('abort', onCancel, { once: true });
  try {
    return await execute(job, controller.signal);
  } finally {
    clearTimeout(timer);
    cancel?.removeEventListener('abort', onCancel);
  }
}
