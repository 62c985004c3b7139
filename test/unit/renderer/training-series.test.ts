import { describe, expect, it } from 'vitest';
import type { TrainingJob, TrainingPhaseResult } from '../../../main/api/training-types';
import { successSeries } from '../../../renderer/src/features/training/training-series';

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
