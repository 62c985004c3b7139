import { describe, expect, it } from 'vitest';
import type { EpisodeRecord } from '../../../main/api/types';
import { runJobs, type Job } from '../../../main/runs/scheduler';

const jobs = (n: number): Job[] => Array.from({ length: n }, (_, index) => ({ index, taskId: `t${index}`, seed: index }));
const episode = (job: Job, status: EpisodeRecord['status'], attempt = 0) =>
  ({ id: `${job.taskId}-${attempt}`, taskId: job.taskId, status }) as EpisodeRecord;
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runJobs', () => {
  it('never runs more episodes at once than the concurrency, and returns them in job order', async () => {
    let running = 0;
    let peak = 0;
    const out = await runJobs(jobs(7), { concurrency: 3, episodeTimeoutMs: 1000, infraRetries: 0 }, async (job) => {
      running++;
      peak = Math.max(peak, running);
      await tick(5 + ((job.index * 7) % 4)); // finish out of order
      running--;
      return episode(job, 'finished');
    });
    expect(peak).toBe(3);
    expect(out.map((e) => e.taskId)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6']);
  });

  it('retries infrastructure failures (status error) but never agent failures, and reports each attempt', async () => {
    const attempts = new Map<string, number>();
    const progress: string[] = [];
    const out = await runJobs(
      jobs(2),
      { concurrency: 1, episodeTimeoutMs: 1000, infraRetries: 2 },
      async (job) => {
        const n = attempts.get(job.taskId) ?? 0;
        attempts.set(job.taskId, n + 1);
        // t0: the browser crashes twice, then the episode runs (and fails as an agent: not retried).
        if (job.taskId === 't0' && n < 2) return episode(job, 'error', n);
        return { ...episode(job, 'finished', n), success: false };
      },
      (p) => progress.push(`${p.episode.id}:${p.retrying ? 'retry' : 'final'}:${p.done}/${p.total}`),
    );
    expect(attempts).toEqual(new Map([['t0', 3], ['t1', 1]]));
    expect(out.map((e) => e.id)).toEqual(['t0-2', 't1-0']);
    expect(progress).toEqual(['t0-0:retry:0/2', 't0-1:retry:0/2', 't0-2:final:1/2', 't1-0:final:2/2']);
  });

  it('gives up after infraRetries and keeps the last errored attempt', async () => {
    const out = await runJobs(jobs(1), { concurrency: 1, episodeTimeoutMs: 1000, infraRetries: 1 }, async (job) => episode(job, 'error'));
    expect(out).toHaveLength(1);
    expect(out[0].status).toBe('error');
  });

  it('aborts an episode at its time limit with the reason time_limit', async () => {
    let reason: unknown;
    await runJobs(jobs(1), { concurrency: 1, episodeTimeoutMs: 20, infraRetries: 0 }, (job, signal) =>
      new Promise((resolve) => signal.addEventListener('abort', () => ((reason = signal.reason), resolve(episode(job, 'finished'))))),
    );
    expect(reason).toBe('time_limit');
  });

  it('stops taking new jobs once cancelled', async () => {
    const cancel = new AbortController();
    const started: string[] = [];
    const out = await runJobs(jobs(5), { concurrency: 1, episodeTimeoutMs: 1000, infraRetries: 0 }, async (job, signal) => {
      started.push(job.taskId);
      if (job.index === 1) cancel.abort('cancelled');
      return episode(job, signal.aborted ? 'finished' : 'finished');
    }, undefined, cancel.signal);
    expect(started).toEqual(['t0', 't1']);
    expect(out).toHaveLength(2);
  });

  it('stops the run at a storage failure: no retry, no further job (issue 14: a full disk fails every write)', async () => {
    const started: string[] = [];
    const out = await runJobs(jobs(4), { concurrency: 1, episodeTimeoutMs: 1000, infraRetries: 2 }, async (job) => {
      started.push(job.taskId);
      return job.index === 1 ? { ...episode(job, 'error'), stopReason: 'storage_error' } : { ...episode(job, 'finished'), stopReason: 'agent_stop' };
    });
    expect(started).toEqual(['t0', 't1']);
    expect(out.map((e) => [e.taskId, e.stopReason])).toEqual([['t0', 'agent_stop'], ['t1', 'storage_error']]);
  });

  it('an attempt that throws (its record could not be written) halts the run: no further job, the running one finishes first', async () => {
    const started: string[] = [];
    const finished: string[] = [];
    let releaseT1!: () => void;
    const t1Holds = new Promise<void>((resolve) => (releaseT1 = resolve));
    const running = runJobs(jobs(5), { concurrency: 2, episodeTimeoutMs: 10_000, infraRetries: 2 }, async (job) => {
      started.push(job.taskId);
      if (job.index === 0) {
        await tick(1);
        throw new Error('SQLITE_BUSY: database is locked');
      }
      if (job.index === 1) await t1Holds;
      finished.push(job.taskId);
      return episode(job, 'finished');
    });
    let settled = false;
    void running.catch(() => undefined).finally(() => (settled = true));
    await tick(30);
    expect(settled).toBe(false); // t1 is still running: the run is not reported over while it goes on
    releaseT1();
    await expect(running).rejects.toThrow('SQLITE_BUSY: database is locked');
    expect(started).toEqual(['t0', 't1']);
    expect(finished).toEqual(['t1']);
  });

  it('refuses a concurrency that is not a positive integer', async () => {
    await expect(runJobs(jobs(1), { concurrency: 0, episodeTimeoutMs: 1, infraRetries: 0 }, async (j) => episode(j, 'finished'))).rejects.toThrow('concurrency must be a positive integer, not 0.');
  });
});
