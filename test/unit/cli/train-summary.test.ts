import { describe, expect, it } from 'vitest';
import type { TestOutcome } from '../../../main/api/study-types';
import type { TrainingJob, TrainingPhaseResult, TrainingVariant } from '../../../main/api/training-types';
import { progressLine, summaryTable } from '../../../main/cli/train-command';

// `train` prints test SR per phase per variant (issue 7). With several trainer seeds (issue 17, `train --seeds
// 1,2,3`, the default study) each cell is the mean over the seeds — the header says so — followed by each seed's
// own row; a single seed prints as it always did. Hand-worked numbers.

/** Four test tasks, the first `solved` of them solved. */
const outcomes = (solved: number): TestOutcome[] => Array.from({ length: 4 }, (_, k) => ({
  taskId: `t${k}`, success: k < solved, failureMode: k < solved ? null : 'stuck_midway', milestones: 0, milestonesTotal: 0, steps: 5,
}));

const result = (variant: TrainingVariant, phase: number, seed: number | undefined, solved: number, perTask = true): TrainingPhaseResult => ({
  variant, phase, testSuccess: solved / 4, testEpisodes: 4, trainSuccess: phase === 0 ? null : 0.5, losses: {}, samples: 1, samplesPerSecond: 1,
  seconds: 1, checkpoint: 'c', ...(seed === undefined ? {} : { seed }), ...(perTask ? { testOutcomes: outcomes(solved) } : {}),
});

const job = (phases: TrainingPhaseResult[], variants: TrainingVariant[], seeds?: number[]): TrainingJob => ({
  id: 'job-7', request: { variants, phases: 1, families: ['shop/x'], instancesPerFamily: 20, seed: seeds?.[0] ?? 1, ...(seeds ? { seeds } : {}) },
  status: 'finished', createdAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:10:00Z', backend: { name: 'wasm', device: 'wasm (SIMD, 1 thread)', attempts: [] },
  phases, lossCurve: [], error: null, last: null,
});

describe('train summary table', () => {
  it('a single seed prints each variant\'s own SR per phase, as before seeds existed', () => {
    const text = summaryTable(job([result('full', 0, undefined, 1), result('full', 1, undefined, 3), result('kl', 0, undefined, 1)], ['full', 'kl']));
    expect(text.split('\n')).toEqual([
      'Job job-7 finished on wasm (SIMD, 1 thread)',
      'Test success rate per phase:',
      'variant  SFT    phase 1',
      'full     25.0%  75.0%  ',
      'kl       25.0%  —      ',
    ]);
  });

  it('several seeds print the mean over seeds (25%, 50%, 75% → 50.0%), then each seed\'s row', () => {
    const text = summaryTable(job([
      result('full', 0, 1, 1), result('full', 1, 1, 2),
      result('full', 0, 2, 2), result('full', 1, 2, 4),
      result('full', 0, 3, 3), // seed 3 has not reached phase 1
    ], ['full'], [1, 2, 3]));
    expect(text.split('\n')).toEqual([
      'Job job-7 finished on wasm (SIMD, 1 thread)',
      'Test success rate per phase, mean over 3 seeds (1, 2, 3):',
      'variant  SFT    phase 1' + ' '.repeat(13),
      // SFT: (1 + 2 + 3) / 12 = 50.0%; phase 1: (2 + 4) / 8 = 75.0% over the two seeds that reached it.
      'full     50.0%  75.0% (2 of 3 seeds)',
      'Per seed:',
      'variant  seed  SFT    phase 1',
      'full     1     25.0%  50.0%  ',
      'full     2     50.0%  100.0% ',
      'full     3     75.0%  —      ',
    ]);
  });

  it('records without per-task outcomes average each seed\'s SR', () => {
    const text = summaryTable(job([result('kl', 0, 4, 1, false), result('kl', 0, 5, 3, false)], ['kl'], [4, 5]));
    expect(text).toContain('mean over 2 seeds (4, 5):');
    expect(text.split('\n')[3]).toBe('kl       50.0%'); // (0.25 + 0.75) / 2
  });
});

// The live progress line names the unit: its variant, and in a study over seeds its seed too.
describe('train progress line', () => {
  const loss = { jobId: 'j', variant: 'full' as const, seed: 2, phase: 1, stage: 'policy' as const, done: 3, total: 3, losses: { policy: 0.12345 }, samplesPerSecond: 40, message: 'full seed 2: phase 1 policy loss 0.1235' };
  it('names the seed with the variant when the job has several seeds', () => {
    expect(progressLine(loss, true)).toBe('[full seed 2] phase 1 policy: policy 0.1235 (40 samples/s)');
    expect(progressLine(loss, false)).toBe('[full] phase 1 policy: policy 0.1235 (40 samples/s)');
  });
  it('prints stage messages at boundaries and every tenth tick only', () => {
    const tick = { jobId: 'j', variant: 'full' as const, seed: 2, phase: 1, stage: 'rollout' as const, total: 24, message: 'full seed 2: phase 1 rollout' };
    expect(progressLine({ ...tick, done: 7 }, true)).toBeNull();
    expect(progressLine({ ...tick, done: 10 }, true)).toBe('full seed 2: phase 1 rollout');
    expect(progressLine({ ...tick, done: 24 }, true)).toBe('full seed 2: phase 1 rollout');
  });
});
