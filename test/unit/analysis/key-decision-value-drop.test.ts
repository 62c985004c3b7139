import { describe, expect, it } from 'vitest';
import { findKeyDecisionStep, findValueDrop } from '../../../main/analysis/key-decision';
import { back, click, episode, stop, typeText } from './build';

// The value-drop key decision (issue 17, docs/design/MIRA.md §1.2): with critic values, the action after which V
// fell the most, when it fell by at least minValueDrop (0.2) and comes before the other candidates.
const steps = episode({ steps: [['/', click('1')], ['/a', click('2')], ['/b', typeText('3', 'q')], ['/c', click('4')], ['/d', stop('x')]] });
const withValues = (values: number[]) => ({ ...steps, values });

describe('findValueDrop', () => {
  it('picks the largest fall across one action: V = .6, .55, .2, .15, .1 → step t = 1 (.55 → .2)', () => {
    const drop = findValueDrop(withValues([0.6, 0.55, 0.2, 0.15, 0.1]));
    expect(drop?.t).toBe(1);
    expect(drop?.explanation).toBe("After step 2 (click [2]) the value critic's success estimate fell from 0.55 to 0.20, its largest drop in the episode.");
  });

  it('finds none below the threshold, without values, or at the last step (s_T has no value)', () => {
    expect(findValueDrop(withValues([0.6, 0.5, 0.45, 0.4, 0.35]))).toBeNull(); // largest fall .1
    expect(findValueDrop(withValues([1, 0.875, 0.75, 0.625, 0.5]), 0.125)?.t).toBe(0); // equal falls: the first is kept
    expect(findValueDrop(steps)).toBeNull();
    expect(() => findValueDrop({ ...steps, values: [0.5] })).toThrow(/values must hold one finite V per step \(5\)/);
  });
});

describe('findKeyDecisionStep with values', () => {
  it('takes the value drop when it comes before the loop onset', () => {
    const looping = episode({ steps: [['/', click('1')], ['/a', click('2')], ['/e', click('7')], ['/f', back], ['/e', click('7')], ['/f', back], ['/e', click('7')], ['/f', back]] });
    expect(findKeyDecisionStep(looping, [])).toMatchObject({ t: 2, type: 'loop_onset' });
    const kd = findKeyDecisionStep({ ...looping, values: [0.7, 0.65, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2] }, []);
    expect(kd).toMatchObject({ t: 1, type: 'value_drop' });
  });

  it('keeps the loop onset on a tie and when the drop is later, and refuses a bad threshold', () => {
    const looping = episode({ steps: [['/', click('1')], ['/e', click('7')], ['/f', back], ['/e', click('7')], ['/f', back], ['/e', click('7')], ['/f', back]] });
    // The loop starts at t = 1; a fall across action 1 (V before step 1 → before step 2) ties with it.
    expect(findKeyDecisionStep({ ...looping, values: [0.7, 0.7, 0.3, 0.3, 0.3, 0.3, 0.3] }, [])).toMatchObject({ t: 1, type: 'loop_onset' });
    expect(findKeyDecisionStep({ ...looping, values: [0.7, 0.7, 0.7, 0.2, 0.2, 0.2, 0.2] }, [])).toMatchObject({ t: 1, type: 'loop_onset' });
    // Across action 0 it comes first.
    expect(findKeyDecisionStep({ ...looping, values: [0.7, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3] }, [])).toMatchObject({ t: 0, type: 'value_drop' });
    expect(() => findKeyDecisionStep(looping, [], { minValueDrop: 0 })).toThrow(/minValueDrop must be in \(0, 1\]/);
  });
});
