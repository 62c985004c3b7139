import { describe, expect, it } from 'vitest';
import { failedProgressLabels, progressLabels } from '../../../main/training/progress-labels';

const round4 = (xs: number[]): number[] => xs.map((x) => Math.round(x * 1e4) / 1e4);

describe('progressLabels (docs/design/MIRA.md §4.3)', () => {
  it('reproduces the worked example: K = 3, completions at 2 and 4, T = 9', () => {
    // Knots (t, level): (0, 0), (2, 1/3), (4, 2/3), and subgoal 3 pinned to (9, 1).
    // t = 0..2: 0, 1/6 = .1667, 2/6 = .3333
    // t = 2..4: 1/3 + (1/3)·(t−2)/2 → .3333, .5, .6667
    // t = 4..9: 2/3 + (1/3)·(t−4)/5 → .6667, .7333, .8, .8667, .9333, 1
    const labels = progressLabels([2, 4], 9, 3);
    expect(labels).toHaveLength(10); // one per state s_0..s_9
    expect(round4(labels)).toEqual([0, 0.1667, 0.3333, 0.5, 0.6667, 0.7333, 0.8, 0.8667, 0.9333, 1.0]);
    expect(labels[9]).toBe(1); // exactly 1.0 at T, not 0.99999...
  });

  it('with no completions before T climbs linearly from 0 to 1 (all K subgoals pinned to T)', () => {
    // K = 4, T = 4: knots (0, 0), (4, 1) → t/4.
    expect(progressLabels([], 4, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // K = 1, T = 2: (0, 0), (2, 1) → 0, .5, 1.
    expect(progressLabels([], 2, 1)).toEqual([0, 0.5, 1]);
  });

  it('pins the last subgoal to T when all K complete early', () => {
    // K = 2, completions at 1 and 2, T = 4. Subgoal 2's completion (t = 2) is pinned to T = 4:
    // knots (0, 0), (1, .5), (4, 1). t = 2: .5 + .5·(1/3) = .6667; t = 3: .5 + .5·(2/3) = .8333.
    expect(round4(progressLabels([1, 2], 4, 2))).toEqual([0, 0.5, 0.6667, 0.8333, 1]);
  });

  it('handles a subgoal already complete at t = 0', () => {
    // K = 2, completion at 0, T = 4: knots (0, 0) then (0, .5) (the later knot wins at t = 0), (4, 1).
    // t = 0: .5; then .5 + .5·t/4 → .625, .75, .875, 1.
    expect(progressLabels([0], 4, 2)).toEqual([0.5, 0.625, 0.75, 0.875, 1]);
  });

  it('jumps to 1 at T when an intermediate subgoal completes at T itself', () => {
    // K = 3, completion of subgoal 1 at T = 3: knots (0, 0), (3, 1/3), (3, 1).
    // t = 1: 1/9 = .1111, t = 2: 2/9 = .2222, t = 3: the last knot at t = 3 is 1.
    expect(round4(progressLabels([3], 3, 3))).toEqual([0, 0.1111, 0.2222, 1]);
  });

  it('never decreases and stays in [0, 1]', () => {
    const labels = progressLabels([1, 5, 6], 12, 4);
    labels.forEach((p, t) => {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      if (t > 0) expect(p).toBeGreaterThanOrEqual(labels[t - 1]);
    });
    expect(labels[12]).toBe(1);
  });

  it('rejects invalid input with a clear error', () => {
    expect(() => progressLabels([2, 10], 9, 3)).toThrow(/completionSteps\[1\] = 10 must be an integer in \[0, T = 9\]/);
    expect(() => progressLabels([3, 3], 9, 3)).toThrow(/strictly increasing, got 3 then 3/);
    expect(() => progressLabels([4, 2], 9, 3)).toThrow(/strictly increasing, got 4 then 2/);
    expect(() => progressLabels([1, 2, 3, 4], 9, 3)).toThrow(/4 completion steps for only K = 3/);
    expect(() => progressLabels([-1], 9, 3)).toThrow(/completionSteps\[0\] = -1/);
    expect(() => progressLabels([1.5], 9, 3)).toThrow(/completionSteps\[0\] = 1.5/);
    expect(() => progressLabels([], 0, 3)).toThrow(/T must be an integer >= 1/);
    expect(() => progressLabels([], 9, 0)).toThrow(/K must be an integer >= 1/);
  });
});

describe('failedProgressLabels (issue 16: P also learns from failed episodes)', () => {
  it('rises as in a success up to the last completed milestone, then stays flat at m/K', () => {
    // K = 3, one completion at 2, T = 6: knots (0, 0), (2, 1/3), then flat (6, 1/3).
    // t = 0..2: 0, 1/6, 1/3; t = 3..6: 1/3.
    expect(round4(failedProgressLabels([2], 6, 3))).toEqual([0, 0.1667, 0.3333, 0.3333, 0.3333, 0.3333, 0.3333]);
    // The worked example's completions (2 and 4, K = 3, T = 9) in a failed episode: no anchor at T.
    expect(round4(failedProgressLabels([2, 4], 9, 3))).toEqual([0, 0.1667, 0.3333, 0.5, 0.6667, 0.6667, 0.6667, 0.6667, 0.6667, 0.6667]);
  });

  it('is 0 throughout without completions, and flat at 1 after all K completed in a failed episode', () => {
    expect(failedProgressLabels([], 3, 4)).toEqual([0, 0, 0, 0]);
    // K = 2, completions at 1 and 2, T = 4: (0, 0), (1, .5), (2, 1), flat → 0, .5, 1, 1, 1 (no pinning to T).
    expect(failedProgressLabels([1, 2], 4, 2)).toEqual([0, 0.5, 1, 1, 1]);
  });

  it('rejects invalid input like progressLabels', () => {
    expect(() => failedProgressLabels([3, 3], 9, 3)).toThrow(/failedProgressLabels: completionSteps must be strictly increasing/);
    expect(() => failedProgressLabels([], 0, 3)).toThrow(/T must be an integer >= 1/);
  });
});
