import { describe, expect, it } from 'vitest';
import { completionStates, episodeProgressLabels } from '../../../main/training/phases/labels';
import { variantSettings } from '../../../main/training/phases/variants';
import { failedProgressLabels, progressLabels } from '../../../main/training/progress-labels';

describe('completionStates (docs/design/MIRA.md §4.3: subgoal j completes at state t_j)', () => {
  it('maps the progress judged after action t to state t + 1, in order', () => {
    expect(completionStates([[0, 0, 0], [1, 0, 0], [1, 0, 0], [1, 1, 0]], 3)).toEqual([2, 4]);
    expect(completionStates([null, [1, 1, 0]], 3)).toEqual([2, 2]);
    expect(completionStates([[0, 0]], 2)).toEqual([]);
  });

  it('counts completions in any order: the j-th is the first state with j subgoals done (never an error)', () => {
    // The audit's case, K = 2: subgoal 2 done after action 0, subgoal 1 after action 1 → counts 1, 2 → states 1, 2
    // (the old per-subgoal rule gave [2, 1], which progressLabels refused as not strictly increasing).
    expect(completionStates([[0, 1], [1, 1]], 2)).toEqual([1, 2]);
    // K = 3: counts 1, 1, 2, 3 → completions at states 1, 3, 4.
    expect(completionStates([[0, 0, 1], [0, 0, 1], [1, 0, 1], [1, 1, 1]], 3)).toEqual([1, 3, 4]);
    // A milestone lost and regained counts once, from the first time it was reached: counts 1, 0, 1, 1 → [1].
    expect(completionStates([[1, 0], [0, 0], [1, 0], [1, 0]], 2)).toEqual([1]);
    // Entries past K are ignored.
    expect(completionStates([[0, 1, 1]], 2)).toEqual([1]);
    // The labels follow: K = 3, T = 4, knots (0, 0), (1, 1/3), (3, 2/3), (4, 1) → [0, 1/3, 1/2, 2/3, 1].
    const labels = episodeProgressLabels(completionStates([[0, 0, 1], [0, 0, 1], [1, 0, 1], [1, 1, 1]], 3), 4, 3);
    [0, 1 / 3, 1 / 2, 2 / 3, 1].forEach((l, t) => expect(labels[t]).toBeCloseTo(l, 10));
  });
});

describe('episodeProgressLabels', () => {
  it('equals progressLabels when completions are distinct (the K = 3 worked example)', () => {
    const labels = episodeProgressLabels([2, 4], 9, 3);
    const expected = progressLabels([2, 4], 9, 3);
    labels.forEach((l, t) => expect(l).toBeCloseTo(expected[t], 10));
    expect(labels[9]).toBe(1);
  });

  it('handles subgoals completed by the same action (the state gets the level of the last one)', () => {
    const labels = episodeProgressLabels([2, 2], 4, 3);
    expect(labels).toHaveLength(5);
    expect(labels[0]).toBe(0);
    expect(labels[2]).toBeCloseTo(2 / 3, 10);
    expect(labels[4]).toBe(1);
    for (let t = 1; t < labels.length; t++) expect(labels[t]).toBeGreaterThanOrEqual(labels[t - 1]);
  });

  // The export audit of the eighth session: the K-th completion of a success is pinned to T, so a subgoal done by
  // the same action as the K-th keeps its own state. K = 2, both at state 3, T = 5: knots (0, 0), (3, 1/2), (5, 1)
  // → [0, 1/6, 1/3, 1/2, 3/4, 1] (it gave p*_3 = 4/7 and p*_4 = 11/14 before).
  it('does not shift a completion tied with the K-th, which is pinned to T', () => {
    const labels = episodeProgressLabels([3, 3], 5, 2);
    [0, 1 / 6, 1 / 3, 1 / 2, 3 / 4, 1].forEach((l, t) => expect(labels[t]).toBeCloseTo(l, 10));
  });

  it('still spreads a tie at T itself: K = 2, both done at state T = 4 → the first lands a sub-step before T', () => {
    // ×3 refined: knots (0, 0), (11, 1/2), (12, 1) → p*_t = t·3/11·(1/2) for t ≤ 3, p*_4 = 1.
    const labels = episodeProgressLabels([4, 4], 4, 2);
    [0, 3 / 22, 6 / 22, 9 / 22, 1].forEach((l, t) => expect(labels[t]).toBeCloseTo(l, 10));
  });
});

describe('episodeProgressLabels of a failed episode (issue 16)', () => {
  it('equals failedProgressLabels for distinct completions and stays flat after the last one', () => {
    // K = 3, completions at 2 and 4, failed, T = 9: [0, 1/6, 1/3, 1/2, 2/3, 2/3, 2/3, 2/3, 2/3, 2/3]
    const labels = episodeProgressLabels([2, 4], 9, 3, false);
    const expected = failedProgressLabels([2, 4], 9, 3);
    labels.forEach((l, t) => expect(l).toBeCloseTo(expected[t], 10));
    expect(labels[9]).toBeCloseTo(2 / 3, 10);
  });
});

describe('variantSettings (docs/design/MIRA.md §4.12)', () => {
  it('maps each variant to its switch', () => {
    expect(variantSettings('full')).toMatchObject({ objective: 'mse', fitPotential: true, config: { alpha: 0.3, lambda: 0.5 } });
    expect(variantSettings('no-potential')).toMatchObject({ objective: 'mse', fitPotential: false, config: { alpha: 0 } });
    expect(variantSettings('kl').objective).toBe('kl');
    expect(variantSettings('awr').objective).toBe('awr');
    expect(variantSettings('no-dr-td').config.lambda).toBe(1);
    expect(variantSettings('no-dr-mc').config.lambda).toBe(0);
    expect(() => variantSettings('nope' as never)).toThrow(/Unknown training variant/);
  });
});
