import { describe, expect, it } from 'vitest';
import { NO_SITE, failureModeDistribution, subgoalHeatmap, successRates } from '../../../main/analysis/metrics';
import { episode, progressEpisode, stop } from './build';

const result = (success: boolean, site?: string) => episode({ success, site, steps: [['/', stop('x')]] });

describe('successRates', () => {
  it('counts overall and per site, sorted by site, with a bucket for episodes without a site', () => {
    // shop: S F S → 2/3; gitlab: F → 0/1; no site: S → 1/1; overall 3/5 = 0.6.
    const r = successRates([result(true, 'shop'), result(false, 'shop'), result(true, 'shop'), result(false, 'gitlab'), result(true)]);
    expect(r.overall).toEqual({ total: 5, successes: 3, rate: 0.6 });
    expect(r.perSite).toEqual([
      { site: NO_SITE, total: 1, successes: 1, rate: 1 },
      { site: 'gitlab', total: 1, successes: 0, rate: 0 },
      { site: 'shop', total: 3, successes: 2, rate: 2 / 3 },
    ]);
  });

  it('rejects an empty list and unevaluated episodes', () => {
    expect(() => successRates([])).toThrow(/successRates: episodes must be a non-empty array/);
    expect(() => successRates([{ ...result(true), success: null as unknown as boolean }])).toThrow(/must be evaluated/);
  });
});

describe('failureModeDistribution', () => {
  it('gives counts and fractions for every category, from categories or classifications', () => {
    // stuck ×3, wrong ×1, others ×1 of 5 → 0.6, 0.2, 0, 0.2.
    const d = failureModeDistribution(['stuck_midway', { category: 'stuck_midway' }, 'wrong_termination', 'others', 'stuck_midway']);
    expect(d.total).toBe(5);
    expect(d.counts).toEqual({ wrong_termination: 1, stuck_midway: 3, no_reasonable_attempt: 0, others: 1 });
    expect(d.fractions).toEqual({ wrong_termination: 0.2, stuck_midway: 0.6, no_reasonable_attempt: 0, others: 0.2 });
  });

  it('rejects empty input and unknown categories', () => {
    expect(() => failureModeDistribution([])).toThrow(/non-empty array/);
    expect(() => failureModeDistribution(['stuck_midway', 'looping' as never])).toThrow(/items\[1\] has unknown category "looping"/);
  });
});

describe('subgoalHeatmap', () => {
  it('gives P(subgoal k done by step t), carrying short episodes forward and never undoing a milestone', () => {
    // K = 2, maxT = 3 (columns t = 0..3), three episodes:
    //   A: [0,0] [1,0] [1,1]         → by t: (0,0) (1,0) (1,1) (1,1 carried)
    //   B: [0,0] [0,0] [0,0] [1,0]   → (0,0) (0,0) (0,0) (1,0)
    //   C: [1,0] [0,0]               → (1,0) (1,0: stays done after a re-plan reset) (1,0) (1,0) carried
    // subgoal 0: t0 = C → 1/3; t1 = A,C → 2/3; t2 = A,C → 2/3; t3 = A,B,C → 1
    // subgoal 1: t0 = 0; t1 = 0; t2 = A → 1/3; t3 = A → 1/3
    const eps = [
      progressEpisode(true, [[0, 0], [1, 0], [1, 1]]),
      progressEpisode(false, [[0, 0], [0, 0], [0, 0], [1, 0]]),
      progressEpisode(false, [[1, 0], [0, 0]]),
    ];
    const m = subgoalHeatmap(eps, 2, 3);
    expect(m).toHaveLength(2);
    expect(m[0]).toEqual([1 / 3, 2 / 3, 2 / 3, 1]);
    expect(m[1]).toEqual([0, 0, 1 / 3, 1 / 3]);
  });

  it('counts an episode with no progress entries as nothing done (it still counts in the denominator)', () => {
    // One episode [1] at t0, one with zero steps → subgoal 0 at t = 0, 1: 1/2.
    const m = subgoalHeatmap([progressEpisode(true, [[1]]), progressEpisode(false, [])], 1, 1);
    expect(m).toEqual([[0.5, 0.5]]);
  });

  it('rejects bad input clearly', () => {
    const ok = progressEpisode(true, [[1, 0]]);
    expect(() => subgoalHeatmap([], 2, 3)).toThrow(/non-empty array/);
    expect(() => subgoalHeatmap([ok], 0, 3)).toThrow(/K must be an integer >= 1, got 0/);
    expect(() => subgoalHeatmap([ok], 2, -1)).toThrow(/maxT must be an integer >= 0, got -1/);
    expect(() => subgoalHeatmap([episode({ steps: [] })], 2, 3)).toThrow(/subgoalHeatmap: episode of task task-1 has no progress vectors/);
    expect(() => subgoalHeatmap([ok], 3, 3)).toThrow(/progress\[0\] must have length K = 3, got 2/);
    expect(() => subgoalHeatmap([progressEpisode(true, [[0.5, 0]])], 2, 3)).toThrow(/progress\[0\]\[0\] must be 0 or 1, got 0.5/);
  });
});
