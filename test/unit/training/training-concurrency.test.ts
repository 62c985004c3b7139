import { describe, expect, it, vi } from 'vitest';
import type { TrainingRequest } from '../../../main/api/training-types';
import type { TrainingOptions } from '../../../main/training/worker/protocol';
import { parseArgs } from '../../../main/cli/args';
import { checkCommandLine, switchesOf } from '../../../main/cli/flag-check';
import { paramSchema } from '../../../main/api/schemas';
import { defaultConcurrency } from '../../../main/browser/default-concurrency';
import type { Core } from '../../../main/core';
import { usageRefusal } from '../../helpers/usage-refusal';

// The training audit of the ninth session: `train` had no --concurrency (episodes run at once for the trainer's
// demonstrations, rollouts and test evaluations) while `run` has one. It takes the runs' validation (startRun's
// schema, 1 to 16) and the runs' default (browser/default-concurrency.ts) over the cores each trainer worker has,
// and reaches each worker's options, which the trainer hands to the runs' scheduler (trainer.ts → rollout/record.ts
// → rollout/episode-runner.ts).
const started: TrainingOptions[] = [];
vi.mock('../../../main/training/phases/run-training', () => ({
  runTraining: async (options: TrainingOptions) => {
    started.push(options);
    return { backend: 'cpu', variant: options.variant, trainTasks: 0, testTasks: 0, phases: [], cancelled: false };
  },
}));
const { workerTrainingRunner, episodesAtOnce } = await import('../../../main/services/worker-runner');
const { trainCommand } = await import('../../../main/cli/train-command');
const { checkTrainingRequest } = await import('../../../main/cli/train-request-check');

const base: TrainingRequest = { variants: ['full', 'kl'], families: ['shop/add-to-cart'], phases: 1, instancesPerFamily: 10, seed: 1 };

async function workerOptions(request: TrainingRequest, cores: number): Promise<TrainingOptions[]> {
  started.length = 0;
  const ctx = { jobId: 'job', dir: '/tmp/never-written', signal: new AbortController().signal, onBackend() {}, onProgress() {}, onPhase() {} };
  await workerTrainingRunner({ datasetSeed: 1, browserPath: () => null, backend: () => 'cpu', cores: () => cores })(request, ctx);
  return [...started];
}

const trainArgs = (...flags: string[]) => {
  const args = parseArgs(['train', ...flags], switchesOf('train'));
  checkCommandLine(args);
  return args;
};

describe('a training job’s episodes at once', () => {
  it('reach every trainer worker’s options', async () => {
    const options = await workerOptions({ ...base, concurrency: 5 }, 2);
    expect(options.map((o) => [o.variant, o.concurrency])).toEqual([['full', 5], ['kl', 5]]);
  });

  it('default to the runs’ rule over the cores each worker has', async () => {
    // Two variants side by side on 8 cores: 4 cores per worker.
    expect((await workerOptions(base, 8)).map((o) => o.concurrency)).toEqual([defaultConcurrency(4), defaultConcurrency(4)]);
    expect(episodesAtOnce(base, 8)).toBe(defaultConcurrency(4));
    // One at a time (--parallel-variants 1): the whole machine.
    expect(episodesAtOnce({ ...base, parallelVariants: 1 }, 8)).toBe(defaultConcurrency(8));
    expect(episodesAtOnce({ ...base, concurrency: 2 }, 8)).toBe(2);
  });

  it('are checked by the runs’ rule: a whole number from 1 to 16', () => {
    const runs = paramSchema('startRun');
    const training = paramSchema('startTraining');
    for (const concurrency of [1, 16, 0, 17, 2.5, -1]) {
      const run = runs.safeParse([{ taskIds: ['t'], policy: 'oracle', concurrency }]).success;
      expect(training.safeParse([{ ...base, concurrency }]).success, String(concurrency)).toBe(run);
    }
  });

  it('are refused on the command line naming --concurrency', () => {
    const refusal = (value: string) => usageRefusal(() => {
      const args = trainArgs('--concurrency', value);
      checkTrainingRequest(args, { ...base, concurrency: Number(value) });
    });
    expect(refusal('0')).toBe('--concurrency must be a whole number from 1 to 16, not 0.');
    expect(refusal('17')).toBe('--concurrency must be a whole number from 1 to 16, not 17.');
  });

  it('go from `train --concurrency N` into the job’s request and its settings line; without it, the default is recorded', async () => {
    const requests: TrainingRequest[] = [];
    const core = {
      catalog: null,
      events: { subscribe: () => () => {} },
      api: { startTraining: async (request: TrainingRequest) => { requests.push(request); throw new Error('not starting in a unit test'); } },
    } as unknown as Core;
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await expect(trainCommand(trainArgs('--concurrency', '4'), core)).rejects.toThrow('not starting in a unit test');
      expect(requests[0].concurrency).toBe(4);
      expect(log.mock.calls[0]?.[0]).toContain('; 4 episodes at a time');
      await expect(trainCommand(trainArgs('--variants', 'full'), core)).rejects.toThrow('not starting in a unit test');
      expect(requests[1].concurrency).toBe(episodesAtOnce(requests[1]));
    } finally {
      log.mockRestore();
    }
  });
});
