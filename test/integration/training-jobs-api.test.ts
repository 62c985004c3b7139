// Training through the workbench API (issue 7): a job streams 'training' events, records its phases (SR per
// phase per variant), losses and backend, survives in the job list, can be cancelled, and bad requests are
// refused with a clear message. The trainer behind it is the stub runner, injected through the core's
// `training.runner` option; the stub keeps the contract the real trainer is held to
// (test/integration/trainer-phases.test.ts runs the real one, once).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainingProgress, TrainingRequest, TrainingVariant } from '../../main/api/training-types';
import { settledJob, stubTrainingRunner, testTasksOf } from '../helpers/stub-training-runner';
import { expectRunnerContract, recordRunner } from '../helpers/training-runner-contract';
import { useCore } from '../helpers/use-core';

// The cancel test holds its job in phase 0 until it has cancelled it.
const held = new Map<string, () => void>();
const core = useCore({
  sandbox: { instancesPerFamily: 5 },
  training: {
    runner: stubTrainingRunner({
      hold: (_variant: TrainingVariant, ctx) => (held.has('hold') ? new Promise<void>((resolve) => held.set(ctx.jobId, resolve)) : Promise.resolve()),
    }),
  },
});
const ABLATION: TrainingRequest = { variants: ['full', 'no-potential'], phases: 1, families: ['shop/sorted-category'], instancesPerFamily: 5, seed: 3 };

describe('the stub runner', () => {
  it('keeps the runner contract', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mira-stub-runner-'));
    try {
      const request: TrainingRequest = { ...ABLATION, phases: 2 };
      expectRunnerContract(await recordRunner(stubTrainingRunner(), request, dir), request, dir, testTasksOf(request));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('training jobs through the API', () => {
  it('runs an ablation of two variants, streaming progress and recording every phase', async () => {
    const events: TrainingProgress[] = [];
    const off = core.events.subscribe((e) => e.event === 'training' && events.push(e.payload as TrainingProgress));
    const { jobId } = await core.api.startTraining(ABLATION);
    expect((await core.api.getTrainingJob(jobId)).status).toBe('running');
    const job = await settledJob(core.api, jobId);
    // The job's closing event follows its final save.
    while (!events.some((e) => e.message === 'Job finished.')) await new Promise((r) => setTimeout(r, 20));
    off();
    expect(job.error).toBeNull();
    expect(job.status).toBe('finished');
    expect(job.backend?.name).toBe('cpu');
    expect(job.phases.map((p) => `${p.variant}:${p.phase}`)).toEqual(['full:0', 'full:1', 'no-potential:0', 'no-potential:1']);
    for (const p of job.phases) {
      expect(p.testEpisodes).toBe(1);
      expect(p.checkpoint).toContain(join('training', jobId, p.variant));
    }
    expect(job.lossCurve.some((l) => l.losses.sft !== undefined)).toBe(true);
    expect(job.lossCurve.some((l) => l.losses.critic !== undefined && l.variant === 'full')).toBe(true);
    // Streamed as it ran: every stage of both variants, ending with the job's own closing event.
    expect(events.every((e) => e.jobId === jobId)).toBe(true);
    for (const variant of ABLATION.variants) {
      expect(new Set(events.filter((e) => e.variant === variant).map((e) => e.stage))).toEqual(new Set(['demonstrations', 'sft', 'evaluation', 'rollout', 'critics', 'policy']));
    }
    expect(events.at(-1)!.message).toBe('Job finished.');
    expect((await core.api.listTrainingJobs()).map((j) => j.id)).toContain(jobId);
  });

  it('cancels a running job: recorded cancelled, no phase reported after the cancel', async () => {
    held.set('hold', () => undefined);
    try {
      const { jobId } = await core.api.startTraining({ ...ABLATION, variants: ['full'] });
      while (!held.has(jobId)) await new Promise((r) => setTimeout(r, 20));
      const running = await core.api.getTrainingJob(jobId);
      expect(running).toMatchObject({ status: 'running', phases: [] });
      expect(running.last?.stage).toBe('sft');
      expect(await core.api.cancelTraining(jobId)).toBe(true);
      const job = await settledJob(core.api, jobId);
      expect(job).toMatchObject({ status: 'cancelled', phases: [] });
      expect((await core.api.listTrainingJobs()).find((j) => j.id === jobId)?.status).toBe('cancelled');
    } finally {
      held.delete('hold');
    }
  });

  it('refuses unknown families with a clear message', async () => {
    await expect(core.api.startTraining({ variants: ['full'], phases: 1, families: ['shop/nope'], instancesPerFamily: 5, seed: 1 })).rejects.toThrow('Unknown sandbox family shop/nope');
    expect(await core.api.cancelTraining('no-such-job')).toBe(false);
    await expect(core.api.getTrainingJob('no-such-job')).rejects.toThrow('No training job with id no-such-job.');
  });
});
