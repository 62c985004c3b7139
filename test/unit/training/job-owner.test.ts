import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CriticFitJob } from '../../../main/api/critic-types';
import type { TrainingRequest } from '../../../main/api/training-types';
import { CriticFitJobs } from '../../../main/services/critic-fit-jobs';
import { readJobs, writeJob, type StoredTrainingJob } from '../../../main/services/job-file';
import type { JobOwnerFields } from '../../../main/services/job-owner';
import { TrainingJobs } from '../../../main/services/training-jobs';
import type { Store } from '../../../main/store';
import { STALE_AFTER_MS } from '../../../main/store/owner-liveness';
import { CRITICS_DIR, FIT_FILE } from '../../../main/training/critics/fit-files';

// The training audit of the ninth session: training jobs and critic fits judged their owner by pid alone, so after
// a reboot or a container restart (the CLI is pid 1 every time) a dead job's pid was another live process's and the
// job stayed 'running' for ever. They now follow the runs' rule (store/owner-liveness.ts): a random owner token and
// a heartbeat; a live pid whose heartbeat stopped over STALE_AFTER_MS ago is someone else's; old records by pid.
const REQUEST: TrainingRequest = { variants: ['full'], phases: 1, families: ['shop/add-to-cart'], instancesPerFamily: 10, seed: 1 };
const NOW = Date.parse('2026-12-05T12:00:00Z');
const OTHER = process.pid + 1;
const otherAlive = (pid: number) => pid === OTHER;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mira-job-owner-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function trainingJob(id: string, owner: JobOwnerFields): StoredTrainingJob {
  return {
    id, request: REQUEST, status: 'running', ...owner, createdAt: '2026-12-05T11:00:00Z', finishedAt: null, backend: null,
    phases: [], lossCurve: [], error: null, last: null,
  };
}

async function writeFit(id: string, owner: JobOwnerFields): Promise<void> {
  const fit: CriticFitJob & JobOwnerFields = {
    id, request: { runIds: ['r1'], seed: 1 }, status: 'running', ...owner, createdAt: '2026-12-05T11:00:00Z', finishedAt: null,
    progress: null, error: null, result: null,
  };
  await mkdir(join(root, CRITICS_DIR, id), { recursive: true });
  await writeFile(join(root, CRITICS_DIR, id, FIT_FILE), JSON.stringify(fit));
}

describe('training jobs judge their owner by token and heartbeat', () => {
  it('a live pid whose heartbeat stopped long ago is another process now: the job is interrupted', async () => {
    await writeJob(root, trainingJob('rebooted', { ownerPid: OTHER, ownerToken: 'before-reboot', heartbeatAt: NOW - STALE_AFTER_MS - 1000 }));
    await writeJob(root, trainingJob('beating', { ownerPid: OTHER, ownerToken: 'cli-beside', heartbeatAt: NOW - 20_000 }));
    const jobs = new TrainingJobs(root, async () => undefined, undefined, otherAlive, { now: () => NOW });
    const status = Object.fromEntries((await jobs.list()).map((j) => [j.id, j.status]));
    expect(status).toEqual({ rebooted: 'interrupted', beating: 'running' });
    await jobs.close();
  });

  it('a job of an earlier process that had this pid (a container restart) is interrupted, with or without a token', async () => {
    await writeJob(root, trainingJob('same-pid', { ownerPid: process.pid, ownerToken: 'an-earlier-process', heartbeatAt: NOW }));
    // Written before tokens were kept: every job this version starts has a token, so a token-less one with this
    // pid is an earlier process's.
    await writeJob(root, trainingJob('same-pid-old', { ownerPid: process.pid }));
    const jobs = new TrainingJobs(root, async () => undefined, undefined, () => true, { now: () => NOW });
    expect((await jobs.list()).map((j) => j.status)).toEqual(['interrupted', 'interrupted']);
    await jobs.close();
  });

  it('a record without a token is judged by its pid, as before', async () => {
    await writeJob(root, trainingJob('old-live', { ownerPid: OTHER }));
    const jobs = new TrainingJobs(root, async () => undefined, undefined, otherAlive, { now: () => NOW });
    expect((await jobs.list()).map((j) => j.status)).toEqual(['running']);
    await jobs.close();
  });

  it('a job started here carries a token and its heartbeat is refreshed on disk; another instance of this process sees it live', async () => {
    let now = NOW;
    let release!: () => void;
    const jobs = new TrainingJobs(root, () => new Promise<void>((resolve) => (release = resolve)), undefined, () => false, { now: () => now });
    const { jobId, done } = await jobs.start(REQUEST);
    const stored = async () => (await readJobs(root)).find((j) => j.id === jobId)!;
    expect(await stored()).toMatchObject({ ownerPid: process.pid, ownerToken: expect.any(String), heartbeatAt: NOW });
    now += 60_000;
    await jobs.heartbeat();
    expect((await stored()).heartbeatAt).toBe(NOW + 60_000);
    expect((await new TrainingJobs(root, async () => undefined).list()).find((j) => j.id === jobId)?.status).toBe('running');
    release();
    await done;
    await jobs.close();
  });
});

describe('critic fits judge their owner by token and heartbeat', () => {
  const fits = (now: number, isAlive: (pid: number) => boolean) => new CriticFitJobs({} as Store, root, { isAlive, now: () => now });

  it('a reused pid (live, heartbeat stale) or this pid under another token is gone; a beating one and an old live one are not', async () => {
    await writeFit('rebooted', { ownerPid: OTHER, ownerToken: 'before-reboot', heartbeatAt: NOW - STALE_AFTER_MS - 1000 });
    await writeFit('same-pid', { ownerPid: process.pid, ownerToken: 'an-earlier-process', heartbeatAt: NOW });
    await writeFit('beating', { ownerPid: OTHER, ownerToken: 'cli-beside', heartbeatAt: NOW - 20_000 });
    await writeFit('old-live', { ownerPid: OTHER });
    const jobs = fits(NOW, otherAlive);
    const status = Object.fromEntries((await jobs.list()).map((j) => [j.id, j.status]));
    expect(status).toEqual({ rebooted: 'interrupted', 'same-pid': 'interrupted', beating: 'running', 'old-live': 'running' });
    const onDisk = JSON.parse(await readFile(join(root, CRITICS_DIR, 'rebooted', FIT_FILE), 'utf8')) as CriticFitJob;
    expect(onDisk.status).toBe('interrupted');
    await jobs.close();
  });
});
