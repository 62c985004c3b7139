import { describe, expect, it } from 'vitest';
import type { TrainingJob, TrainingPhaseResult, TrainingVariant } from '../../../main/api/training-types';
import { phaseRows } from '../../../renderer/src/features/compare/job-diff';
import { bestSeedMean, isMultiSeed, seedMeans } from '../../../renderer/src/features/training/seed-means';

// Issue 17: a job over several trainer seeds reads as means over its seeds on the Training page (the jobs
// list's "Best test SR", the phase table, the SR plot's points), never as one seed's number. Hand-worked numbers.

const phase = (variant: TrainingVariant, n: number, seed: number | undefined, testSuccess: number, trainSuccess: number | null = n === 0 ? null : 0.5): TrainingPhaseResult => ({
  variant, phase: n, testSuccess, testEpisodes: 4, trainSuccess, losses: { policy: seed ?? 1 }, samples: 10, samplesPerSecond: 100, seconds: 1,
  checkpoint: `/d/${variant}/seed-${seed}/phase-${n}.json`, ...(seed === undefined ? {} : { seed }),
});

const job = (phases: TrainingPhaseResult[], seeds?: number[], variants: TrainingVariant[] = ['full', 'kl']): TrainingJob => ({
  id: 'job-1', request: { variants, phases: 1, families: ['shop/x'], instancesPerFamily: 20, seed: seeds?.[0] ?? 1, ...(seeds ? { seeds } : {}) },
  status: 'finished', createdAt: '2026-01-01T00:00:00Z', finishedAt: null, backend: null, phases, lossCurve: [], error: null, last: null,
});

describe('means over trainer seeds', () => {
  // Recorded in the order the trainer finishes them: seed after seed, each seed's ablation complete.
  const multi = job([
    phase('full', 0, 1, 0.25), phase('kl', 0, 1, 0.25), phase('full', 1, 1, 0.5, 0.25), phase('kl', 1, 1, 0.25, 0.5),
    phase('full', 0, 2, 0.5), phase('kl', 0, 2, 0.5), phase('full', 1, 2, 0.75, 0.5), phase('kl', 1, 2, 0.5, 0.5),
    phase('full', 0, 3, 0.75), phase('kl', 0, 3, 0.75), phase('full', 1, 3, 1, 0.75),
  ], [1, 2, 3]);

  it('averages each variant and phase over the seeds that reached it: 0.25, 0.5, 0.75 → 0.5', () => {
    const means = seedMeans(multi);
    expect(means.map((m) => `${m.variant}/${m.phase}`)).toEqual(['full/0', 'full/1', 'kl/0', 'kl/1']);
    expect(means[0].testSuccess).toBeCloseTo(0.5, 12); // (0.25 + 0.5 + 0.75) / 3
    expect(means[0].trainSuccess).toBeNull();
    expect(means[1].testSuccess).toBeCloseTo(0.75, 12); // (0.5 + 0.75 + 1) / 3
    expect(means[1].trainSuccess).toBeCloseTo(0.5, 12); // (0.25 + 0.5 + 0.75) / 3
    // kl's phase 1 has only two seeds so far: (0.25 + 0.5) / 2.
    expect(means[3].testSuccess).toBeCloseTo(0.375, 12);
    expect(means[3].results.map((r) => r.seed)).toEqual([1, 2]);
    expect(means[0].results.map((r) => r.seed)).toEqual([1, 2, 3]);
    // Each seed's policy loss is its seed number here: (1 + 2 + 3) / 3 = 2.
    expect(means[0].losses).toEqual({ policy: 2 });
  });

  it('the best test SR is the best mean, not the best single seed (full phase 1 seed 3 has 100%)', () => {
    const best = bestSeedMean(multi)!;
    expect(best.variant).toBe('full');
    expect(best.phase).toBe(1);
    expect(best.testSuccess).toBeCloseTo(0.75, 12);
    expect(best.results).toHaveLength(3);
    expect(isMultiSeed(multi)).toBe(true);
  });

  it('comparing two jobs pairs their means over seeds, not one seed each', () => {
    const single = job([phase('full', 0, undefined, 0.25), phase('full', 1, undefined, 0.5, 0.25)], undefined, ['full']);
    const rows = phaseRows(single, multi);
    expect(rows.map((r) => [r.variant, r.phase, r.left?.results.length ?? 0, r.right?.results.length ?? 0])).toEqual([
      ['full', 0, 1, 3], ['full', 1, 1, 3], ['kl', 0, 0, 3], ['kl', 1, 0, 2],
    ]);
    expect(rows[0].delta).toBeCloseTo(0.25, 12); // 0.5 (mean of 0.25, 0.5, 0.75) − 0.25
    expect(rows[1].delta).toBeCloseTo(0.25, 12); // 0.75 (mean of 0.5, 0.75, 1) − 0.5
    expect(rows[2].delta).toBeNull();
  });

  it('a single-seed job keeps its own numbers', () => {
    const single = job([phase('full', 0, undefined, 0.25), phase('full', 1, undefined, 0.5, 0.25)], undefined, ['full']);
    expect(isMultiSeed(single)).toBe(false);
    expect(seedMeans(single).map((m) => [m.phase, m.testSuccess, m.results.length])).toEqual([[0, 0.25, 1], [1, 0.5, 1]]);
    expect(bestSeedMean(single)?.testSuccess).toBe(0.5);
    expect(bestSeedMean(job([], undefined, ['full']))).toBeNull();
  });
});

// An untested phase (its evaluation cut by a cancel) is stored with testEpisodes 0 and a placeholder SR 0: the
// means skip it and say so, instead of pulling the mean down (the MiRA audit of 2026-12-05).
describe('untested seeds and missing losses', () => {
  const untested = (p: TrainingPhaseResult): TrainingPhaseResult => ({ ...p, testSuccess: 0, testEpisodes: 0 });

  it('averages only the tested seeds: 0.5 and 0.75 with one untested → 0.625, not 0.4167', () => {
    const j = job([phase('full', 1, 1, 0.5), phase('full', 1, 2, 0.75), untested(phase('full', 1, 3, 0))], [1, 2, 3], ['full']);
    const [m] = seedMeans(j);
    expect(m.testSuccess).toBeCloseTo(0.625, 12); // (0.5 + 0.75) / 2
    expect(m.tested).toBe(2);
    expect(m.results).toHaveLength(3);
    expect(phaseRows(j, j)[0].delta).toBeCloseTo(0, 12);
  });

  it('a phase no seed tested has no mean, is never the best, and has no delta', () => {
    const j = job([phase('full', 0, 1, 0.25), untested(phase('full', 1, 1, 0)), untested(phase('full', 1, 2, 0))], [1, 2], ['full']);
    const means = seedMeans(j);
    expect(means.map((m) => [m.phase, m.testSuccess, m.tested])).toEqual([[0, 0.25, 1], [1, null, 0]]);
    expect(bestSeedMean(j)).toMatchObject({ phase: 0, testSuccess: 0.25 });
    expect(bestSeedMean(job([untested(phase('full', 0, 1, 0))], [1], ['full']))).toBeNull();
    expect(phaseRows(j, j)[1].delta).toBeNull();
  });

  it('carries the reason for a loss no seed measured; seeds that disagree point to their rows', () => {
    const note = (p: TrainingPhaseResult, why: string): TrainingPhaseResult => ({ ...p, notes: { 'value held-out BCE': why } });
    const same = job([note(phase('full', 1, 1, 0.5), 'no success'), note(phase('full', 1, 2, 0.5), 'no success')], [1, 2], ['full']);
    expect(seedMeans(same)[0].notes).toEqual({ 'value held-out BCE': 'no success' });
    const mixed = job([note(phase('full', 1, 1, 0.5), 'no success'), note(phase('full', 1, 2, 0.5), 'no failure')], [1, 2], ['full']);
    expect(seedMeans(mixed)[0].notes['value held-out BCE']).toMatch(/each seed's row says why/);
    // One seed measured it: the mean has the number, and no note.
    const one = job([note(phase('full', 1, 1, 0.5), 'no success'), { ...phase('full', 1, 2, 0.5), losses: { 'value held-out BCE': 0.2 } }], [1, 2], ['full']);
    expect(seedMeans(one)[0].losses['value held-out BCE']).toBe(0.2);
    expect(seedMeans(one)[0].notes).toEqual({});
  });
});
