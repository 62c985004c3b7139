import { describe, expect, it } from 'vitest';
import type { TrainingJob, TrainingPhaseResult, TrainingProgress } from '../../../main/api/training-types';
import { jobTestInstances } from '../../../main/services/job-test-split';
import { formatLoss, lossAxis } from '../../../renderer/src/features/training/loss-axis';
import { SMALL_TEST_SPLIT, smallSplitWarning, testTaskCount } from '../../../renderer/src/features/training/split-warning';
import { estimateSecondsLeft, formatTimeLeft, jobFractionDone } from '../../../renderer/src/features/training/training-eta';

// Issue 21 "Training → use": the ETA of a running job, the small-split warning, the job's test split and
// the per-series loss axes.
const T0 = Date.parse('2026-01-01T00:00:00Z');

function job(over: Omit<Partial<TrainingJob>, 'last'> & { last?: Partial<TrainingProgress> | null } = {}): TrainingJob {
  const { last, ...rest } = over;
  return {
    id: 'j', status: 'running', createdAt: new Date(T0).toISOString(), finishedAt: null, backend: null, phases: [], lossCurve: [], error: null,
    request: { variants: ['full'], phases: 2, families: ['shop/sorted-category'], instancesPerFamily: 5, seed: 1 },
    ...rest,
    last: last === null || last === undefined ? null : { jobId: 'j', variant: 'full', phase: 0, stage: 'demonstrations', done: 0, total: 1, message: '', ...last },
  };
}

const phase = (variant: TrainingPhaseResult['variant'], n: number, testEpisodes = 1): TrainingPhaseResult => ({
  variant, phase: n, testSuccess: 0, testEpisodes, trainSuccess: null, losses: {}, samples: 0, samplesPerSecond: 0, seconds: 1, checkpoint: `/d/training/j/${variant}/phase-${n}.json`,
});

describe('training ETA (issue 21)', () => {
  it('counts finished (variant, phase) units and the running one by stage and progress', () => {
    // 1 variant × (2 phases + SFT) = 3 units; phase 0 done; phase 1 in 'critics' (2nd of 4 stages), 1 of 2 done:
    // (1 + 0.5) / 4 = 0.375 of the unit → f = (1 + 0.375) / 3 = 0.458333…
    const j = job({ phases: [phase('full', 0)], last: { phase: 1, stage: 'critics', done: 1, total: 2 } });
    expect(jobFractionDone(j)).toBeCloseTo(1.375 / 3, 10);
    // 600 s elapsed: 600 × (1 − f) / f = 600 × 1.625 / 1.375 = 709.0909… s
    expect(estimateSecondsLeft(j, T0 + 600_000)).toBeCloseTo(709.0909, 3);
  });

  it('phase 0 has three stages: halfway through SFT of a single-unit job is (1 + 0.5) / 3 done', () => {
    const j = job({ request: { ...job().request, phases: 0 }, last: { phase: 0, stage: 'sft', done: 3, total: 6 } });
    expect(jobFractionDone(j)).toBeCloseTo(0.5, 10);
    expect(estimateSecondsLeft(j, T0 + 120_000)).toBeCloseTo(120, 6); // 120 × 0.5 / 0.5
  });

  it('an ablation counts every variant: 2 variants × 2 units, one finished', () => {
    const j = job({ request: { ...job().request, variants: ['full', 'kl'], phases: 1 }, phases: [phase('full', 0)], last: { variant: 'full', phase: 0, stage: 'evaluation', done: 1, total: 1 } });
    // The last progress belongs to the finished unit: it adds nothing.
    expect(jobFractionDone(j)).toBeCloseTo(1 / 4, 10);
  });

  it('a job over three seeds counts every seed: 3 seeds × 1 variant × 2 units', () => {
    const request = { ...job().request, phases: 1, seeds: [1, 2, 3] };
    // Seed 1 done (2 units), seed 2 halfway through its rollouts of phase 1 (stage 1 of 4, half done).
    const running = job({ request, phases: [phase('full', 0), phase('full', 1), phase('full', 0)], last: { phase: 1, stage: 'rollout', done: 1, total: 2 } });
    expect(jobFractionDone(running)).toBeCloseTo((3 + 0.5 / 4) / 6, 10);
    // Seed 2's phase 1 just evaluated (its last progress adds nothing), then seed 3's demonstrations start.
    const between = job({ request, phases: [phase('full', 0), phase('full', 1), phase('full', 0), phase('full', 1)], last: { phase: 1, stage: 'evaluation', done: 4, total: 4 } });
    expect(jobFractionDone(between)).toBeCloseTo(4 / 6, 10);
    const third = job({ request, phases: between.phases, last: { phase: 0, stage: 'demonstrations', done: 1, total: 2 } });
    expect(jobFractionDone(third)).toBeCloseTo((4 + 0.5 / 3) / 6, 10);
  });

  it('gives no estimate before anything is done, or for a job that is not running', () => {
    expect(estimateSecondsLeft(job({ last: null }), T0 + 60_000)).toBeNull();
    expect(estimateSecondsLeft(job({ last: { stage: 'demonstrations', done: 0, total: 10 } }), T0 + 60_000)).toBeNull();
    expect(estimateSecondsLeft(job({ status: 'finished', phases: [phase('full', 0)] }), T0 + 60_000)).toBeNull();
    // A log line's progress (total 0) counts only its stage's start.
    expect(jobFractionDone(job({ last: { phase: 1, stage: 'rollout', done: 0, total: 0 }, phases: [phase('full', 0)] }))).toBeCloseTo(1 / 3, 10);
  });

  it('says the time left as a person reads it, never in seconds', () => {
    expect(formatTimeLeft(0)).toBe('under a minute left');
    expect(formatTimeLeft(29)).toBe('under a minute left');
    expect(formatTimeLeft(709.09)).toBe('about 12 min left');
    expect(formatTimeLeft(3900)).toBe('about 1 h 05 min left');
  });
});

describe('small test split warning (issue 21)', () => {
  it('warns below 10 test tasks, with how far one task moves the rate', () => {
    expect(SMALL_TEST_SPLIT).toBe(10);
    expect(smallSplitWarning(1)).toContain('Only 1 test task (fewer than 10): each one moves the test success rate by 100 points, so 0% or 100% is not a measurement');
    expect(smallSplitWarning(3)).toContain('Only 3 test tasks (fewer than 10): each one moves the test success rate by 33 points');
    expect(smallSplitWarning(0)).toContain('no test tasks');
    expect(smallSplitWarning(10)).toBeNull();
    expect(smallSplitWarning(null)).toBeNull();
  });

  it('takes the recorded split, else the largest evaluated phase', () => {
    expect(testTaskCount(job({ testTaskIds: ['a', 'b'] }))).toBe(2);
    expect(testTaskCount(job({ phases: [phase('full', 0, 0), phase('full', 1, 4)] }))).toBe(4);
    expect(testTaskCount(job())).toBeNull();
  });
});

describe('a job\'s test split (docs/design/SANDBOX.md §3.4)', () => {
  it('is every fifth instance of each family, as the trainer\'s catalog splits it', () => {
    const five = jobTestInstances({ families: ['shop/sorted-category'], instancesPerFamily: 5 }, 1);
    expect(five.map((i) => i.id)).toEqual(['sandbox/shop/sorted-category/0']);
    expect(five.every((i) => i.split === 'test' && i.family === 'shop/sorted-category')).toBe(true);
    const twenty = jobTestInstances({ families: ['shop/sorted-category', 'shop/add-to-cart'], instancesPerFamily: 20 }, 1);
    // Indices 0, 5, 10 and 15 of each family (k mod 5 = 0; no index wraps around at 20 for these families).
    expect(twenty.map((i) => i.id)).toEqual([0, 5, 10, 15].map((k) => `sandbox/shop/sorted-category/${k}`).concat([0, 5, 10, 15].map((k) => `sandbox/shop/add-to-cart/${k}`)));
    expect(() => jobTestInstances({ families: ['no/such-family'], instancesPerFamily: 5 }, 1)).toThrow('Unknown sandbox family no/such-family.');
  });
});

describe('loss axes (issue 21: each series on its own axis, log option)', () => {
  it('linear: 0 to the highest value', () => {
    const a = lossAxis([4.25, 2, 1], false);
    expect([a.lo, a.hi]).toEqual([0, 4.25]);
    expect(a.position(2.125)).toBeCloseTo(0.5, 10);
  });

  it('log: whole decades around the positive values; 0.1 sits halfway between 0.01 and 1', () => {
    const a = lossAxis([0.5, 0.05, 0], true);
    expect([a.lo, a.hi, a.dropped]).toEqual([0.01, 1, 1]);
    expect(a.position(0.1)).toBeCloseTo(0.5, 10);
    expect(a.position(0.001)).toBe(0); // clamped
    const exact = lossAxis([1], true);
    expect([exact.lo, exact.hi]).toEqual([1, 10]);
  });

  it('prints small losses so they never read 0.0000', () => {
    expect(formatLoss(0.00003)).toBe('3.00e-5');
    expect(formatLoss(4.25)).toBe('4.25');
    expect(formatLoss(0.0123)).toBe('0.0123');
    expect(formatLoss(0)).toBe('0');
  });
});
