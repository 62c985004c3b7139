import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core';
import { runTraining } from '../../main/training/phases/run-training';
import type { TrainingSummary } from '../../main/training/worker/protocol';

// Issue 7 "Must show": on the sandbox, with fixed seeds, the local policy after SFT succeeds on some test
// tasks. Real Chromium, real episode loop, real tfjs, in the trainer worker: oracle demos of the train split
// → SFT (phase 0) → one MiRA phase on a few train tasks → test-split evaluation after each phase. Then the
// phase-0 checkpoint runs as the registered 'local' policy through core.run. Numbers are printed.
let dir: string;
let summary: TrainingSummary;
const lines: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-trainer-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('trainer on sandbox shop families', () => {
  it('SFT succeeds on some test tasks; a MiRA phase runs and every phase is checkpointed', { timeout: 900_000 }, async () => {
    summary = await runTraining(
      {
        checkpointDir: join(dir, 'ckpt'), families: ['shop/sorted-category', 'shop/add-to-cart'], datasetSeed: 1, instancesPerFamily: 10, seed: 1,
        phases: 1, tasksPerPhase: 6, sftEpochs: 8, criticEpochs: 10, concurrency: 3, maxSteps: 12,
      },
      { onLine: (l) => lines.push(l) },
    );
    console.log(lines.join('\n'));
    expect(summary.cancelled).toBe(false);
    expect(['wasm', 'cpu', 'tensorflow', 'tensorflow-gpu']).toContain(summary.backend);
    expect(summary.testTasks).toBe(4);
    expect(summary.phases.map((p) => p.phase)).toEqual([0, 1]);
    expect(summary.phases.map((p) => p.testTasks)).toEqual([4, 4]);
    expect(summary.phases[0].testSuccessRate!).toBeGreaterThan(0);
    expect(summary.phases[1].stats!.episodes).toBe(6);
    expect((await readdir(join(dir, 'ckpt'))).filter((f) => f.startsWith('phase-')).sort()).toEqual(['phase-0.json', 'phase-1.json']);
  });

  it("the checkpoint runs as the 'local' policy of a normal run", { timeout: 120_000 }, async () => {
    expect(summary).toBeDefined();
    let core: Core | null = null;
    try {
      core = await createCore({ dataDir: join(dir, 'core'), sandbox: { datasetSeed: 1, instancesPerFamily: 10 } });
      const task = core.catalog!.all().find((i) => i.family === 'shop/sorted-category' && i.split === 'test')!;
      const episodes = await (await core.run({ taskIds: [task.id], policy: 'local', checkpoint: summary.phases[0].checkpoint })).done;
      expect(episodes[0]).toMatchObject({ status: 'finished', policy: 'local' });
      const steps = await core.store.steps.list(episodes[0].id);
      expect(steps.length).toBeGreaterThan(0);
      expect(steps[0].actionError).toBeNull();
      // The checkpoint's critics judge every state the local policy acts in; replay draws them (MIRA.md §4).
      for (const step of steps) {
        expect(step.value).toBeGreaterThanOrEqual(0);
        expect(step.value).toBeLessThanOrEqual(1);
        expect(step.potential).toBeGreaterThanOrEqual(0);
        expect(step.potential).toBeLessThanOrEqual(1);
      }
    } finally {
      await core?.close();
    }
  });
});
