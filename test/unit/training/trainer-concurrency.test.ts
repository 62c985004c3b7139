import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SchedulerSettings } from '../../../main/runs/scheduler';

// A training job's episodes at once (`train --concurrency N`, training-concurrency.test.ts) reach the runs' scheduler
// the trainer's episodes go through (rollout/episode-runner.ts). No browser: the sandbox runtime is a catalog only,
// and the scheduler records the options it was given and stops the trainer at its first batch (the demonstrations).
const scheduled: SchedulerSettings[] = [];
vi.mock('../../../main/runs/scheduler', () => ({
  runJobs: async (_jobs: unknown[], options: SchedulerSettings) => {
    scheduled.push(options);
    throw new Error('stopped at the scheduler');
  },
}));
vi.mock('../../../main/runs/sandbox-runtime', async () => {
  const { SandboxCatalog } = await import('../../../main/runs/sandbox-catalog');
  return { openSandboxRuntime: async () => ({ catalog: new SandboxCatalog(1, 10), store: {}, close: async () => undefined }) };
});
const { runTrainer } = await import('../../../main/training/phases/trainer');

describe('the trainer’s episodes at once', () => {
  it('are the scheduler’s concurrency', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mira-trainer-concurrency-'));
    try {
      const run = runTrainer({ checkpointDir: dir, families: ['shop/add-to-cart'], instancesPerFamily: 10, concurrency: 4, backend: 'cpu' }, () => undefined, () => false);
      await expect(run).rejects.toThrow('stopped at the scheduler');
      expect(scheduled.map((o) => o.concurrency)).toEqual([4]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
