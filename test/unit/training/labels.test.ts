import { describe, expect, it } from 'vitest';
import { completionStates, episodeProgressLabels } from '../../../main/training/phases/labels';
import { variantSettings } from '../../../main/training/phases/variants';
import { failedProgressLabels, progressLabels } from '../../../main/training/progress-labels';

describe('completionStates (docs/design/MIRA.md §4.3: subgoal j completes at state t_j)', () => {
  it('maps the progress judged after action t to state t + 1, in order, stopping at the first undone subgoal', () => {
    expect(completionStates([[0, 0, 0], [1, 0, 0], [1, 0, 0], [1, 1, 0]], 3)).toEqual([2, 4]);
    expect(completionStates([null, [1, 1, 0]], 3)).toEqual([2, 2]);
    expect(completionStates([[0, 0]], 2)).toEqual([]);
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
