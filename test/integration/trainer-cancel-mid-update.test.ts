// A cancel that lands after a phase's rollouts, while its critics and policy train, keeps no result for that
// phase: its weights are half-trained and it was never tested. The phase used to be saved as finished, with a
// checkpoint offered and "0% of 0" plotted (the training audit of 2026-12-05). Real Chromium and tfjs, in
// process; the cancel lands exactly as phase 1's update starts (the update is wrapped to raise it).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { runTrainer } from '../../main/training/phases/trainer';
import type { TrainerMessage } from '../../main/training/worker/protocol';
import { useTempDir } from '../helpers/use-core';

const cancel = vi.hoisted(() => ({ now: false, updates: 0 }));
vi.mock('../../main/training/phases/mira-phase', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../main/training/phases/mira-phase')>();
  return {
    ...real,
    runMiraUpdate: (...args: Parameters<typeof real.runMiraUpdate>) => {
      cancel.updates++;
      cancel.now = true; // the person presses Cancel as the critics start training
      return real.runMiraUpdate(...args);
    },
  };
});

const temp = useTempDir('mira-cancel-update-');

it('drops the phase whose update a cancel cut short, and keeps the phases finished before', { timeout: 600_000 }, async () => {
  const stop = () => cancel.now;
  const phases: number[] = [];
  const emit = (m: TrainerMessage) => {
    if (m.type === 'phase') phases.push(m.result.phase);
  };
  const checkpointDir = join(temp.path, 'ckpt');
  const summary = await runTrainer(
    {
      checkpointDir, families: ['shop/sorted-category'], datasetSeed: 1, instancesPerFamily: 5, seed: 1, phases: 2,
      sftEpochs: 1, tasksPerPhase: 1, rolloutsPerTask: 1, concurrency: 1, backend: 'cpu', evaluate: false,
    },
    emit,
    stop,
  );
  expect(cancel.updates).toBe(1);
  expect(summary.cancelled).toBe(true);
  expect(summary.phases.map((p) => p.phase)).toEqual([0]);
  expect(phases).toEqual([0]);
  expect((await readdir(checkpointDir)).filter((f) => f.startsWith('phase-')).sort()).toEqual(['phase-0.json']);
});
