import { describe, expect, it, vi } from 'vitest';
import type { TrainingRequest } from '../../../main/api/training-types';
import type { TrainingOptions } from '../../../main/training/worker/protocol';

// A job's MiRA settings (docs/design/MIRA.md §6) reach the trainer: the workbench's runner hands them to the
// trainer worker's options, and the trainer's config (MiraDefaults with the overrides) is built from those.
const started: TrainingOptions[] = [];
vi.mock('../../../main/training/phases/run-training', () => ({
  runTraining: async (options: TrainingOptions) => {
    started.push(options);
    return { backend: 'cpu', variant: options.variant, trainTasks: 0, testTasks: 0, phases: [], cancelled: false };
  },
}));

const { workerTrainingRunner } = await import('../../../main/services/worker-runner');
const { trainerOverrides } = await import('../../../main/training/job-overrides');
const { variantSettings } = await import('../../../main/training/phases/variants');
const { withTrainingDefaults } = await import('../../../main/training/training-defaults');
const { MiraDefaults } = await import('../../../main/training/defaults');

const request: TrainingRequest = {
  variants: ['full', 'no-potential'], phases: 1, families: ['shop/add-to-cart'], instancesPerFamily: 5, seed: 1,
  budget: { tasksPerPhase: 3 },
  overrides: { alpha: 0.6, beta: 0.05, lambda: 0.8, returnKind: 'raw', curriculumBand: [0.1, 0.9], replayCapRatio: 1, perplexityBounds: [1.01, 4], perplexityFilter: false, criticHeldOut: 0.3 },
};

async function runnerOptions(r: TrainingRequest): Promise<TrainingOptions[]> {
  started.length = 0;
  const ctx = { jobId: 'job', dir: '/tmp/never-written', signal: new AbortController().signal, onBackend() {}, onProgress() {}, onPhase() {} };
  await workerTrainingRunner({ datasetSeed: 1, browserPath: () => null, backend: () => 'cpu', cores: () => 1 })(r, ctx);
  return [...started];
}

describe('a job’s overrides', () => {
  it('reach each variant’s trainer options: MiRA values as `mira`, the filter switch and held-out fraction as their own', async () => {
    const options = await runnerOptions(request);
    expect(options.map((o) => o.variant)).toEqual(['full', 'no-potential']);
    for (const o of options) {
      expect(o.mira).toEqual({ alpha: 0.6, beta: 0.05, lambda: 0.8, returnKind: 'raw', curriculumBand: [0.1, 0.9], replayCapRatio: 1, perplexityBounds: [1.01, 4] });
      expect(o.perplexityFilter).toBe(false);
      expect(o.criticHeldOut).toBe(0.3);
      expect(o.tasksPerPhase).toBe(3);
    }
  });

  it('build the trainer’s config the way runTrainer does, the variant’s own switch still winning', async () => {
    const [full, noPotential] = (await runnerOptions(request)).map((o) => withTrainingDefaults(o));
    const config = variantSettings(full.variant, full.mira).config;
    expect(config).toEqual({ ...MiraDefaults, alpha: 0.6, beta: 0.05, lambda: 0.8, returnKind: 'raw', curriculumBand: [0.1, 0.9], replayCapRatio: 1, perplexityBounds: [1.01, 4] });
    expect(full.perplexityFilter).toBe(false);
    // no-potential is α = 0 whatever the job sets; its other values are the job's.
    expect(variantSettings(noPotential.variant, noPotential.mira).config).toMatchObject({ alpha: 0, beta: 0.05, lambda: 0.8 });
  });

  it('leave the defaults alone when a job sets none', async () => {
    const [o] = await runnerOptions({ ...request, variants: ['full'], overrides: undefined });
    expect(o.mira).toEqual({});
    expect('perplexityFilter' in o).toBe(false);
    const resolved = withTrainingDefaults(o);
    expect(resolved.perplexityFilter).toBe(true);
    expect(variantSettings(resolved.variant, resolved.mira).config).toEqual(MiraDefaults);
    expect(trainerOverrides({ perplexityFilter: true })).toEqual({ mira: {}, perplexityFilter: true });
  });
});
