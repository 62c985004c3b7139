import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainingRequest } from '../../main/api/training-types';
import { workerTrainingRunner } from '../../main/services/worker-runner';
import type { TrainingSummary } from '../../main/training/worker/protocol';
import { expectRunnerContract, recordRunner, type RunnerRecord } from '../helpers/training-runner-contract';
import { openTestCore, useTempDir } from '../helpers/use-core';

// Issue 7 "Must show", and the one real training of `npm test` (issue 15): on the sandbox, with fixed seeds,
// the local policy after SFT succeeds on some test tasks. Real Chromium, real episode loop, real tfjs, in the
// trainer worker, started by the production TrainingRunner exactly as a training job is: oracle demos of the
// train split → SFT (phase 0) → one MiRA phase on a few train tasks → test-split evaluation after each phase.
// The run is checked against the runner contract the stub runner of the other tests also keeps
// (test/helpers/training-runner-contract.ts). Then the phase-0 checkpoint runs as the registered 'local'
// policy through core.run. Numbers are printed.
const REQUEST: TrainingRequest = { variants: ['full'], phases: 1, families: ['shop/sorted-category', 'shop/add-to-cart'], instancesPerFamily: 10, seed: 1 };
const TEST_TASKS = 4; // every fifth of 2 × 10 instances
const tmp = useTempDir('mira-trainer-');
let record: RunnerRecord;
let summary: TrainingSummary;

describe('trainer on sandbox shop families', () => {
  it('SFT succeeds on some test tasks; a MiRA phase runs and every phase is checkpointed', { timeout: 1_200_000 }, async () => {
    const runner = workerTrainingRunner({
      datasetSeed: 1, browserPath: () => null, backend: () => 'auto',
      trainer: { tasksPerPhase: 6, sftEpochs: 8, criticEpochs: 10, concurrency: 3, maxSteps: 12 },
    });
    const dir = join(tmp.path, 'job');
    record = await recordRunner(runner, REQUEST, dir);
    for (const e of record.events) if (e.kind === 'progress' && e.progress.losses) console.log(`[trainer] ${e.progress.message}`);
    for (const p of record.phases) console.log(`[trainer] phase ${p.phase}: test SR ${p.testSuccess} over ${p.testEpisodes}, train SR ${p.trainSuccess}`);
    expectRunnerContract(record, REQUEST, dir, TEST_TASKS);

    summary = JSON.parse(await readFile(join(dir, 'full', 'summary.json'), 'utf8')) as TrainingSummary;
    expect(summary.cancelled).toBe(false);
    expect(['wasm', 'cpu', 'tensorflow', 'tensorflow-gpu']).toContain(summary.backend);
    expect(summary.testTasks).toBe(TEST_TASKS);
    expect(summary.phases.map((p) => p.phase)).toEqual([0, 1]);
    expect(summary.phases.map((p) => p.testTasks)).toEqual([TEST_TASKS, TEST_TASKS]);
    expect(summary.phases[0].testSuccessRate!).toBeGreaterThan(0);
    expect(record.phases[0].testSuccess).toBe(summary.phases[0].testSuccessRate);
    expect(summary.phases[1].stats!.episodes).toBe(6);
    // Issue 16: the phase reports the critics' held-out losses and epochs, and what the perplexity filter kept.
    const stats = summary.phases[1].stats!;
    console.log(`[trainer] phase 1 stats ${JSON.stringify(stats)}`);
    expect(stats.heldOutEpisodes).toBeGreaterThan(0);
    // V's held-out BCE exists only when the held-out slice holds both outcomes (critic-fit.ts, §4.6).
    if (stats.heldOutSuccesses > 0 && stats.heldOutFailures > 0) expect(stats.valueHeldOut).toBeGreaterThanOrEqual(0);
    else expect(stats.valueHeldOut).toBeUndefined();
    expect(stats.valueEpochs).toBeGreaterThan(0);
    expect(stats.newTrajectories).toBe(6);
    expect(stats.keptTrajectories).toBeLessThanOrEqual(stats.newTrajectories);
    expect((await readdir(join(dir, 'full'))).filter((f) => f.startsWith('phase-')).sort()).toEqual(['phase-0.json', 'phase-1.json']);
  });

  it("the checkpoint runs as the 'local' policy of a normal run", { timeout: 300_000 }, async () => {
    expect(summary).toBeDefined();
    const core = await openTestCore({ dataDir: join(tmp.path, 'core'), sandbox: { datasetSeed: 1, instancesPerFamily: 10 } });
    try {
      const task = core.catalog!.all().find((i) => i.family === 'shop/sorted-category' && i.split === 'test')!;
      const episodes = await (await core.run({ taskIds: [task.id], policy: 'local', checkpoint: summary.phases[0].checkpoint })).done;
      expect(episodes[0]).toMatchObject({ status: 'finished', policy: 'local' });
      const steps = await core.store.steps.list(episodes[0].id);
      expect(steps.length).toBeGreaterThan(0);
      expect(steps[0].actionError).toBeNull();
      // The checkpoint's critics judge every state the local policy acts in; replay draws them (docs/design/MIRA.md §4).
      for (const step of steps) {
        expect(step.value).toBeGreaterThanOrEqual(0);
        expect(step.value).toBeLessThanOrEqual(1);
        expect(step.potential).toBeGreaterThanOrEqual(0);
        expect(step.potential).toBeLessThanOrEqual(1);
      }
    } finally {
      await core.close();
    }
  });
});
