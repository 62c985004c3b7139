// Training through the workbench API (issue 7): a job trains the local policy in the trainer worker on real
// sandbox episodes, streams 'training' events, records its phases (SR per phase per variant) and survives
// in the job list; bad requests are refused with a clear message.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TrainingProgress } from '../../main/api/training-types';
import { createCore, type Core } from '../../main/core';

let dir: string;
let core: Core;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-training-api-'));
  core = await createCore({ dataDir: dir, sandbox: { instancesPerFamily: 5 }, training: { trainer: { sftEpochs: 6, criticEpochs: 4, concurrency: 2, maxSteps: 10 } } });
});
afterAll(async () => {
  await core?.close();
  await rm(dir, { recursive: true, force: true });
});

it('runs an ablation of two variants with shared demonstrations and records every phase', { timeout: 300_000 }, async () => {
  const events: TrainingProgress[] = [];
  const off = core.events.subscribe((e) => e.event === 'training' && events.push(e.payload as TrainingProgress));
  const { jobId } = await core.api.startTraining({ variants: ['full', 'no-potential'], phases: 1, families: ['shop/sorted-category'], instancesPerFamily: 5, seed: 3 });
  let job = await core.api.getTrainingJob(jobId);
  expect(job.status).toBe('running');
  while (job.status === 'running') {
    await new Promise((r) => setTimeout(r, 500));
    job = await core.api.getTrainingJob(jobId);
  }
  off();
  expect(job.error).toBeNull();
  expect(job.status).toBe('finished');
  expect(job.backend?.name).toMatch(/^(tensorflow-gpu|tensorflow|wasm|cpu)$/);
  expect(job.phases.map((p) => `${p.variant}:${p.phase}`)).toEqual(['full:0', 'full:1', 'no-potential:0', 'no-potential:1']);
  for (const p of job.phases) {
    expect(p.testEpisodes).toBe(1);
    expect(p.testSuccess).toBeGreaterThanOrEqual(0);
    expect(p.checkpoint).toContain(join('training', jobId, p.variant));
  }
  // Same seeds: both variants start from the same SFT result.
  expect(job.phases[2].testSuccess).toBe(job.phases[0].testSuccess);
  expect(job.lossCurve.some((l) => l.losses.sft !== undefined)).toBe(true);
  expect(job.lossCurve.some((l) => l.losses.critic !== undefined && l.variant === 'full')).toBe(true);
  expect(events.some((e) => e.stage === 'evaluation' && e.jobId === jobId)).toBe(true);
  expect((await core.api.listTrainingJobs()).map((j) => j.id)).toEqual([jobId]);
});

it('refuses unknown families with a clear message', async () => {
  await expect(core.api.startTraining({ variants: ['full'], phases: 1, families: ['shop/nope'], instancesPerFamily: 5, seed: 1 })).rejects.toThrow('Unknown sandbox family shop/nope');
  expect(await core.api.cancelTraining('no-such-job')).toBe(false);
  await expect(core.api.getTrainingJob('no-such-job')).rejects.toThrow('No training job with id no-such-job.');
});
