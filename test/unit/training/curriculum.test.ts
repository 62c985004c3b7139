import { describe, expect, it } from 'vitest';
import { orderCurriculum, selectCurriculumTasks } from '../../../main/training/curriculum';

describe('selectCurriculumTasks (docs/design/MIRA.md §4.16: keep predicted success in [0.05, 0.75])', () => {
  // a: .04 below · b: .05 lower bound (kept) · c: .5 inside · d: .75 upper bound (kept) · e: .76 above
  // f: 0 never solved · g: 1 always solved
  const predicted = { a: 0.04, b: 0.05, c: 0.5, d: 0.75, e: 0.76, f: 0, g: 1 };

  it('keeps the inclusive default band from a record', () => {
    expect(selectCurriculumTasks(predicted)).toEqual(['b', 'c', 'd']);
  });

  it('accepts a Map and keeps its order', () => {
    const map = new Map([['z', 0.3], ['y', 0.9], ['x', 0.1]]);
    expect(selectCurriculumTasks(map)).toEqual(['z', 'x']);
  });

  it('takes the band as a setting', () => {
    expect(selectCurriculumTasks(predicted, [0, 0.05])).toEqual(['a', 'b', 'f']);
  });

  it('rejects a broken prediction or band', () => {
    expect(() => selectCurriculumTasks({ t: Number.NaN })).toThrow(/predictedSuccess\["t"\]/);
    expect(() => selectCurriculumTasks({ t: 1.2 })).toThrow(/predictedSuccess\["t"\]/);
    expect(() => selectCurriculumTasks(predicted, [0.8, 0.2])).toThrow(/lo <= hi/);
  });
});

describe('orderCurriculum (the next phase keeps its budget; failed and in-band tasks first)', () => {
  // t1 solved, out of band · t2 failed, in band · t3 solved, in band · t4 failed, out of band · t5 solved, out
  const ids = ['t1', 't2', 't3', 't4', 't5'];
  const failed = new Set(['t2', 't4']);
  const inBand = new Set(['t2', 't3']);

  it('orders failed+in-band, failed, in-band, the rest, each group in train order', () => {
    expect(orderCurriculum(ids, failed, inBand, 5)).toEqual(['t2', 't4', 't3', 't1', 't5']);
  });

  it('cuts to the budget from the front, and fills it with solved tasks when few failed', () => {
    expect(orderCurriculum(ids, failed, inBand, 2)).toEqual(['t2', 't4']);
    expect(orderCurriculum(ids, new Set(['t5']), new Set(), 3)).toEqual(['t5', 't1', 't2']);
  });

  it('refuses a negative budget', () => {
    expect(() => orderCurriculum(ids, failed, inBand, -1)).toThrow(/budget/);
  });
});
