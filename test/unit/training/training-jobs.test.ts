import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrainingPhaseResult, TrainingProgress, TrainingRequest } from '../../../main/api/training-types';
import { TrainingJobs, type TrainingRunner } from '../../../main/services/training-jobs';
import { readJobs, writeJob } from '../../../main/services/job-file';

// The job lifecycle around the trainer: every outcome is recorded and evaluated phases survive.
const REQUEST: TrainingRequest = { variants: ['full'], phases: 2, families: ['shop/add-to-cart'], instancesPerFamily: 10, seed: 1 };
const phase = (n: number, sr: number): TrainingPhaseResult => ({
  variant: 'full', phase: n, testSuccess: sr, testEpisodes: 2, trainSuccess: n === 0 ? null : sr, losses: { policy: 0.1 }, samples: 10, samplesPerSecond: 100, seconds: 0.1, checkpoint: `p${n}`,
});
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mira-jobs-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('training jobs', () => {
  it('records backend, progress, loss points and phases, and ends finished', async () => {
    const events: TrainingProgress[] = [];
    const runner: TrainingRunner = async (_req, ctx) => {
      ctx.onBackend({ name: 'cpu', attempts: [{ name: 'tfjs-node-gpu', ok: false, reason: 'not installed' }, { name: 'cpu', ok: true }] });
      ctx.onProgress({ variant: 'full', phase: 0, stage: 'sft', done: 1, total: 2, losses: { sft: 1.5 }, message: 'epoch 1' });
      ctx.onProgress({ variant: 'full', phase: 0, stage: 'sft', done: 2, total: 2, losses: { sft: 0.5 }, message: 'epoch 2' });
      ctx.onPhase(phase(0, 0.5));
    };
    const jobs = new TrainingJobs(root, runner, (p) => events.push(p));
    const { jobId, done } = await jobs.start(REQUEST);
    const job = await done;
    expect(job).toMatchObject({ id: jobId, status: 'finished', error: null, backend: { name: 'cpu' } });
    expect(job.lossCurve.map((p) => p.losses.sft)).toEqual([1.5, 0.5]);
    expect(events.map((e) => e.done)).toEqual([1, 2, 1]);
    expect(events.at(-1)!.message).toBe('Job finished.');
    // What a later process reads back from disk.
    const [stored] = await new TrainingJobs(root, runner).list();
    expect(stored).toMatchObject({ id: jobId, status: 'finished', phases: [{ phase: 0, testSuccess: 0.5 }] });
  });

  it('a failing trainer ends the job failed with the reason, keeping the phases done before', async () => {
    const jobs = new TrainingJobs(root, async (_req, ctx) => {
      ctx.onPhase(phase(0, 0.25));
      throw new Error('out of memory in the policy update');
    });
    const job = await (await jobs.start(REQUEST)).done;
    expect(job.status).toBe('failed');
    expect(job.error).toBe('Training failed: out of memory in the policy update');
    expect(job.phases).toHaveLength(1);
  });

  it('cancel aborts the runner and records the job cancelled; cancelling an unknown job says false', async () => {
    const jobs = new TrainingJobs(root, (_req, ctx) => new Promise<void>((resolve) => {
      ctx.onPhase(phase(0, 0));
      ctx.signal.addEventListener('abort', () => resolve());
    }));
    const { jobId, done } = await jobs.start(REQUEST);
    expect((await jobs.get(jobId)).status).toBe('running');
    expect(await jobs.cancel(jobId)).toBe(true);
    const job = await done;
    expect(job.status).toBe('cancelled');
    expect(job.error).toMatch(/Cancelled by the user/);
    expect(job.phases).toHaveLength(1);
    expect(await jobs.cancel('nope')).toBe(false);
    await expect(jobs.get('nope')).rejects.toThrow('No training job with id nope.');
  });

  it('a job left running by a killed process is listed as interrupted, with its phases', async () => {
    await writeJob(root, {
      id: 'dead-job', request: REQUEST, status: 'running', createdAt: '2026-01-01T00:00:00Z', finishedAt: null, backend: null,
      phases: [phase(0, 0.5)], lossCurve: [], error: null,
      last: { jobId: 'dead-job', variant: 'full', phase: 1, stage: 'policy', done: 3, total: 9, message: '' },
    });
    await mkdir(join(root, 'garbage'));
    await writeFile(join(root, 'garbage', 'job.json'), '{ not json');
    const jobs = new TrainingJobs(root, async () => undefined);
    const [job] = await jobs.list();
    expect(job.status).toBe('interrupted');
    expect(job.error).toBe('The workbench stopped during phase 1 (policy); 1 evaluated phase(s) are kept with their checkpoints.');
    expect(job.phases).toHaveLength(1);
  });

  // The desktop app beside a CLI on one data folder (the shell audit of the eighth session): the app's list marked
  // the CLI's live job interrupted. A job is cut off only when the process that owns it is gone.
  it('a job another live process runs stays running; once that process is gone it is listed as interrupted', async () => {
    const other = process.pid + 1;
    await writeJob(root, {
      id: 'cli-job', request: REQUEST, status: 'running', ownerPid: other, createdAt: '2026-01-01T00:00:00Z', finishedAt: null, backend: null,
      phases: [phase(0, 0.5)], lossCurve: [], error: null,
      last: { jobId: 'cli-job', variant: 'full', phase: 1, stage: 'rollout', done: 3, total: 9, message: '' },
    });
    let otherAlive = true;
    const jobs = new TrainingJobs(root, async () => undefined, undefined, (pid) => pid === other && otherAlive);
    expect((await jobs.list()).map((j) => j.status)).toEqual(['running']);
    expect((await readJobs(root))[0].status).toBe('running');
    otherAlive = false;
    const [job] = await jobs.list();
    expect(job.status).toBe('interrupted');
    expect(job.error).toBe('The workbench stopped during phase 1 (rollout); 1 evaluated phase(s) are kept with their checkpoints.');
    expect((await readJobs(root))[0].status).toBe('interrupted');
  });

  it('a job started here records this process as its owner', async () => {
    let release!: () => void;
    const jobs = new TrainingJobs(root, () => new Promise<void>((resolve) => (release = resolve)));
    const { jobId, done } = await jobs.start(REQUEST);
    expect((await readJobs(root)).find((j) => j.id === jobId)?.ownerPid).toBe(process.pid);
    release();
    await done;
  });

  // The training audit of 2026-12-05: a job killed in a new phase was named by its last saved progress, up to 2 s
  // old (the save throttle). Each unit's phase and stage changes are saved at once; per-rollout counts stay
  // throttled. The clock is frozen, so the throttle never lets a save through by itself.
  it('saves a phase or stage change at once, so a killed job names the phase it was in', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    try {
      const jobs = new TrainingJobs(root, async (_req, ctx) => {
        ctx.onProgress({ variant: 'full', seed: 1, phase: 0, stage: 'sft', done: 1, total: 2, losses: { sft: 1 }, message: '' });
        ctx.onPhase(phase(0, 0.5));
        ctx.onProgress({ variant: 'full', seed: 1, phase: 1, stage: 'rollout', done: 1, total: 32, message: '' });
        ctx.onProgress({ variant: 'full', seed: 1, phase: 1, stage: 'rollout', done: 2, total: 32, message: '' });
        ctx.onProgress({ variant: 'full', seed: 1, phase: 1, stage: 'critics', done: 1, total: 20, message: '' });
        await held;
      });
      const { jobId, done } = await jobs.start(REQUEST);
      const onDisk = async () => (await readJobs(root)).find((j) => j.id === jobId)?.last;
      await vi.waitFor(async () => expect(await onDisk()).toMatchObject({ phase: 1, stage: 'critics', done: 1 }), { timeout: 20_000, interval: 20 });
      release();
      // Each loss point keeps its trainer seed (a multi-seed job draws one line per seed).
      expect((await done).lossCurve).toEqual([{ variant: 'full', seed: 1, phase: 0, stage: 'sft', step: 0, losses: { sft: 1 } }]);
    } finally {
      release();
      vi.useRealTimers();
    }
  });
});
