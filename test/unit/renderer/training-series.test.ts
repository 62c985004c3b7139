import { describe, expect, it } from 'vitest';
import type { TrainingJob, TrainingPhaseResult } from '../../../main/api/training-types';
import { lossLabel } from '../../../renderer/src/features/training/loss-names';
import { lossPlots, successSeries } from '../../../renderer/src/features/training/training-series';

const phase = (n: number, testSuccess: number, testEpisodes: number): TrainingPhaseResult => ({
  variant: 'full', phase: n, testSuccess, testEpisodes, trainSuccess: null, losses: {}, samples: 0, samplesPerSecond: 0, seconds: 1, checkpoint: `phase-${n}.json`,
});

// The SR-per-phase plot draws what was tested: a phase whose evaluation a cancel cut (0 test episodes) is
// left out, not drawn at 0% (the training audit of 2026-12-05).
describe('successSeries', () => {
  it('plots each tested phase and leaves an untested one out', () => {
    const job = { request: { variants: ['full'] }, phases: [phase(0, 0.25, 4), phase(1, 0.5, 4), phase(2, 0, 0)] } as unknown as TrainingJob;
    expect(successSeries(job)).toEqual([{ name: 'full', points: [{ x: 0, y: 0.25 }, { x: 1, y: 0.5 }] }]);
  });
});

// The training audit of 2026-12-05: a three-seed job's loss points carried no seed, so each loss plot joined the
// seeds into one zig-zag line. Each seed is now its own line (x = that seed's update count), named for the legend.
describe('lossPlots', () => {
  type Point = TrainingJob['lossCurve'][number];
  const point = (seed: number | undefined, step: number, losses: Record<string, number>): Point => ({ variant: 'full', ...(seed === undefined ? {} : { seed }), phase: 0, stage: 'sft', step, losses });

  it('draws each trainer seed of a multi-seed job as its own line, in seed order', () => {
    // Seeds 10 and 2 interleaved, as parallel lanes report them.
    const lossCurve = [point(10, 0, { sft: 1.2 }), point(2, 1, { sft: 1 }), point(10, 2, { sft: 0.6 }), point(2, 3, { sft: 0.5 }), point(2, 4, { critic: 0.3 })];
    const job = { request: { variants: ['full'], seed: 2, seeds: [2, 10] }, lossCurve } as unknown as TrainingJob;
    expect(lossPlots(job)).toEqual([
      { name: 'sft', title: 'sft', lines: [{ name: 'seed 2', points: [{ x: 0, y: 1 }, { x: 1, y: 0.5 }] }, { name: 'seed 10', points: [{ x: 0, y: 1.2 }, { x: 1, y: 0.6 }] }] },
      { name: 'critic', title: 'value BCE', lines: [{ name: 'seed 2', points: [{ x: 2, y: 0.3 }] }] },
    ]);
  });

  it('keeps a single-seed job to one line per plot, named as the plot, and skips non-finite losses', () => {
    const job = { request: { variants: ['full'], seed: 1 }, lossCurve: [point(1, 0, { sft: 2 }), point(1, 1, { sft: Number.NaN }), point(1, 2, { sft: 1 })] } as unknown as TrainingJob;
    expect(lossPlots(job)).toEqual([{ name: 'sft', title: 'sft', lines: [{ name: 'sft', points: [{ x: 0, y: 2 }, { x: 2, y: 1 }] }] }]);
  });

  it('names the plots by variant in an ablation, and says so when an older record kept no seed', () => {
    const lossCurve = [{ ...point(undefined, 0, { policy: 0.4 }), variant: 'kl' }, { ...point(3, 1, { policy: 0.2 }), variant: 'kl' }];
    const job = { request: { variants: ['full', 'kl'], seed: 3, seeds: [3, 4] }, lossCurve } as unknown as TrainingJob;
    expect(lossPlots(job)).toEqual([{ name: 'kl policy', title: 'kl policy', lines: [{ name: 'seed 3', points: [{ x: 0, y: 0.2 }] }, { name: 'seed not recorded', points: [{ x: 0, y: 0.4 }] }] }]);
  });
});

// The stored key "critic" is V's training BCE: plots and tables show "value BCE" (and "potential" P's MSE), while
// records keep their keys, so an older job reads the same.
describe('loss names a person reads', () => {
  it('titles a stored "critic" loss "value BCE", with the variant in an ablation', () => {
    const lossCurve = [{ variant: 'kl', phase: 1, stage: 'critic', step: 0, losses: { critic: 0.3, potential: 0.02 } }];
    const job = { request: { variants: ['full', 'kl'], seed: 1 }, lossCurve } as unknown as TrainingJob;
    expect(lossPlots(job).map((p) => [p.name, p.title])).toEqual([['kl critic', 'kl value BCE'], ['kl potential', 'kl potential MSE']]);
    expect(lossLabel('critic')).toBe('value BCE');
    expect(lossLabel('value held-out BCE')).toBe('value held-out BCE');
  });
});
