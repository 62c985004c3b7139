import { describe, expect, it } from 'vitest';
import type { TestOutcome } from '../../../main/api/study-types';
import type { TrainingJob, TrainingPhaseResult } from '../../../main/api/training-types';
import { parseSeeds, trainingUnits } from '../../../main/training/study/seeds';
import { setupLine, studyReport } from '../../../main/training/study/study-report';
import { studyTextTable } from '../../../main/training/study/study-table';

const outcome = (taskId: string, success: boolean, failureMode: TestOutcome['failureMode'] = null, milestones = 0): TestOutcome =>
  ({ taskId, success, failureMode: success ? null : failureMode, milestones: success ? 4 : milestones, milestonesTotal: 4, steps: 8 });

const phase = (variant: 'full' | 'kl', n: number, seed: number, testOutcomes: TestOutcome[] | undefined, extra: Partial<TrainingPhaseResult> = {}): TrainingPhaseResult => ({
  variant, phase: n, seed, testSuccess: testOutcomes ? testOutcomes.filter((o) => o.success).length / testOutcomes.length : 0.5, testEpisodes: testOutcomes?.length ?? 2,
  trainSuccess: n === 0 ? null : 0.25 * seed, losses: {}, samples: 0, samplesPerSecond: 0, seconds: 1, checkpoint: `/x/${seed}/${variant}/${n}`, ...(testOutcomes ? { testOutcomes } : {}), ...extra,
});

const job = (phases: TrainingPhaseResult[], seeds = [1, 2]): TrainingJob => ({
  id: 'job-1', status: 'finished', createdAt: '2026-12-05T03:00:00.000Z', finishedAt: '2026-12-05T03:10:00.000Z',
  request: { variants: ['full', 'kl'], phases: 1, families: ['shop/a'], instancesPerFamily: 10, seed: 1, seeds },
  backend: { name: 'wasm (SIMD, 1 thread)', attempts: [] }, phases, lossCurve: [], error: null, last: null,
});

describe('study report over seeds', () => {
  it('pools seeds per variant and phase: mean SR, train SR, failure shares, milestones, critics, filter counts', () => {
    const report = studyReport(job([
      phase('full', 0, 1, [outcome('a', true), outcome('b', false, 'stuck_midway', 1)]),
      phase('full', 0, 2, [outcome('a', false, 'stuck_midway', 2), outcome('b', false, 'wrong_termination', 0)]),
      phase('full', 1, 1, [outcome('a', true), outcome('b', true)], { losses: { 'value held-out BCE': 0.4, 'potential held-out MSE': 0.1 }, filter: { keptTrajectories: 3, newTrajectories: 8, keptSteps: 20, newSteps: 50 } }),
      phase('full', 1, 2, [outcome('a', true), outcome('b', false, 'others', 3)], { losses: { 'value held-out BCE': 0.6, 'potential held-out MSE': 0.3 }, filter: { keptTrajectories: 5, newTrajectories: 8, keptSteps: 30, newSteps: 40 } }),
      phase('kl', 0, 1, [outcome('a', true), outcome('b', false, 'stuck_midway')]),
    ]), { seed: 1 }, Date.parse('2026-12-05T03:10:00.000Z'));
    expect(report.seeds).toEqual([1, 2]);
    expect(report.phases).toEqual([0, 1]);
    expect(report.seconds).toBe(600);
    expect(report.cells.map((c) => `${c.variant}/${c.phase}`)).toEqual(['full/0', 'full/1', 'kl/0']);

    const sft = report.cells[0];
    // 1 success of 4 (task, seed) cells; 3 failures: 2 stuck midway, 1 wrong termination.
    expect(sft.testSuccess.mean).toBe(0.25);
    expect(sft.testSuccess.n).toBe(4);
    expect(sft.testSuccess.low).toBeLessThanOrEqual(0.25);
    expect(sft.testSuccess.high).toBeGreaterThanOrEqual(0.25);
    expect(sft.trainSuccess).toBeNull();
    expect(sft.failed).toBe(3);
    expect(sft.failureShares).toEqual({ stuck_midway: 2 / 3, wrong_termination: 1 / 3, no_reasonable_attempt: 0, others: 0 });
    // milestones: (4 + 1 + 2 + 0) / 4 of 4 each = 7/16.
    expect(sft.milestonesReached).toBe(7 / 16);
    expect(sft.seeds).toEqual([1, 2]);
    expect(sft.filter).toBeNull();

    const p1 = report.cells[1];
    expect(p1.testSuccess.mean).toBe(0.75);
    expect(p1.trainSuccess).toBe((0.25 + 0.5) / 2);
    expect(p1.failureShares.others).toBe(1);
    expect(p1.valueHeldOut).toBe(0.5);
    expect(p1.potentialHeldOut).toBeCloseTo(0.2, 12);
    expect(p1.filter).toEqual({ keptTrajectories: 8, newTrajectories: 16, keptSteps: 50, newSteps: 90 });
    // A variant one seed reached so far is reported over that seed alone.
    expect(report.cells[2].seeds).toEqual([1]);
    expect(report.cells[2].testSuccess.mean).toBe(0.5);

    const text = studyTextTable(report);
    expect(text).toContain('seeds 1, 2');
    expect(text.split('\n').find((l) => l.startsWith('full') && l.includes('SFT'))).toMatch(/25\.0% \[\d+\.\d%, \d+\.\d%\] n=4 +— +66\.7% +33\.3%/);
  });

  it('older records without per-task outcomes give the mean of the seeds\' SR and no interval', () => {
    const report = studyReport(job([phase('full', 0, 1, undefined, { testSuccess: 0.5 }), phase('full', 0, 2, undefined, { testSuccess: 0.25 })]));
    expect(report.cells[0].perTask).toBe(false);
    expect(report.cells[0].testSuccess).toEqual({ mean: 0.375, low: 0.375, high: 0.375, n: 4 });
  });

  it('leaves a seed whose evaluation did not run out of the SR (stored as 0 of 0 episodes, not 0%)', () => {
    const untested = phase('full', 1, 2, undefined, { testSuccess: 0, testEpisodes: 0 });
    const report = studyReport(job([phase('full', 1, 1, [outcome('a', true), outcome('b', false, 'others')]), untested]));
    // Seed 1 alone: 1 of 2 tasks → 0.5 over n = 2 (with seed 2's placeholder averaged in it read 0.25).
    expect(report.cells[0].perTask).toBe(true);
    expect(report.cells[0].testSuccess.mean).toBe(0.5);
    expect(report.cells[0].testSuccess.n).toBe(2);
  });

  it('one unit of work per (seed, variant), seed after seed; a single seed keeps the old folder layout', () => {
    expect(trainingUnits({ seed: 9, variants: ['full', 'kl'] }).map((u) => [u.seed, u.variant, u.dir])).toEqual([[9, 'full', 'full'], [9, 'kl', 'kl']]);
    expect(trainingUnits({ seed: 1, seeds: [1, 2], variants: ['full', 'kl'] }).map((u) => u.dir)).toEqual(['seed-1/full', 'seed-1/kl', 'seed-2/full', 'seed-2/kl']);
  });

  it('its setup line says what the job changed of the MiRA defaults, and nothing when it changed none', () => {
    expect(setupLine(job([]))).toBe('shop/a · 10 instances per family · 1 MiRA phase · SFT demos per family: all · rollouts per task: 1 · seeds 1, 2');
    const changed = job([]);
    changed.request = { ...changed.request, budget: { tasksPerPhase: 4 }, overrides: { alpha: 0.6, returnKind: 'raw', perplexityFilter: false } };
    expect(setupLine(changed)).toBe('shop/a · 10 instances per family · 1 MiRA phase · SFT demos per family: all · rollouts per task: 1 · tasks per phase: 4 · seeds 1, 2 · MiRA settings: α 0.6, return raw, no perplexity filter');
    expect(studyReport(changed, { replicates: 1 }).setup).toBe(setupLine(changed));
  });

  it('parses seed lists and ranges, and rejects nonsense with a clear message', () => {
    expect(parseSeeds('1,2,3')).toEqual([1, 2, 3]);
    expect(parseSeeds('1-3, 7, 2')).toEqual([1, 2, 3, 7]);
    expect(() => parseSeeds('1,x')).toThrow(/integers/);
    expect(() => parseSeeds('')).toThrow(/at least one seed/);
    expect(() => parseSeeds('1-100')).toThrow(/integers/);
  });
});
