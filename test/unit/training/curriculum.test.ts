import { describe, expect, it } from 'vitest';
import { familyRoundRobin, orderCurriculum, selectCurriculumTasks } from '../../../main/training/curriculum';
import { mulberry32 } from '../../../main/random/seeded-random';

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

describe('orderCurriculum (docs/design/MIRA.md §4.16: failed and in-band first, never-tried before tried, across families)', () => {
  // One family, so only the groups decide: t1 solved, out of band · t2 failed, in band · t3 solved, in band ·
  // t4 failed, out of band · t5 solved, out of band (all five rolled out).
  const one = ['t1', 't2', 't3', 't4', 't5'].map((id) => ({ id, family: 'f' }));
  const failed = new Set(['t2', 't4']);
  const inBand = new Set(['t2', 't3']);
  const tried = new Set(['t1', 't2', 't3', 't4', 't5']);
  const none = new Set<string>();

  it('orders failed+in-band, failed, in-band, the rest', () => {
    const order = orderCurriculum(one, { failed, inBand, tried }, 5, 1);
    expect(order.slice(0, 3)).toEqual(['t2', 't4', 't3']);
    // The rest (t1, t5: solved, out of band) in a seeded order.
    expect(new Set(order.slice(3))).toEqual(new Set(['t1', 't5']));
  });

  it('cuts to the budget from the front, and fills it with solved tasks when few failed', () => {
    expect(orderCurriculum(one, { failed, inBand, tried }, 2, 1)).toEqual(['t2', 't4']);
    const fill = orderCurriculum(one, { failed: new Set(['t5']), inBand: none, tried }, 3, 1);
    expect(fill[0]).toBe('t5');
    expect(fill).toHaveLength(3);
    expect(new Set(fill).size).toBe(3);
    expect(orderCurriculum(one, { failed, inBand, tried }, 99, 1)).toHaveLength(5);
    expect(orderCurriculum(one, { failed, inBand, tried }, 0, 1)).toEqual([]);
  });

  // The audit of 2026-12-05: the catalog lists one family after another, and the phase took the first
  // tasksPerPhase of it — the default study's phase 1 was 24 of 24 tasks from one family.
  const catalog = ['a', 'b', 'c'].flatMap((family) => [1, 2, 3, 4].map((n) => ({ id: `${family}${n}`, family })));
  const familyCounts = (ids: string[]) => ids.reduce<Record<string, number>>((m, id) => ({ ...m, [id[0]]: (m[id[0]] ?? 0) + 1 }), {});
  const fresh = { failed: none, inBand: none, tried: none };

  it('interleaves families: 3 families × 4 tasks, budget 6 → 2 of each, for every seed', () => {
    for (let seed = 0; seed < 20; seed++) expect(familyCounts(orderCurriculum(catalog, fresh, 6, seed))).toEqual({ a: 2, b: 2, c: 2 });
    // A budget that does not divide: 7 → 3, 2, 2 in some order; the whole list holds every task once.
    expect(Object.values(familyCounts(orderCurriculum(catalog, fresh, 7, 3))).sort()).toEqual([2, 2, 3]);
    expect(orderCurriculum(catalog, fresh, 12, 3).sort()).toEqual(catalog.map((t) => t.id).sort());
  });

  it('is a pure function of the seed, and another seed draws other tasks within the families', () => {
    expect(orderCurriculum(catalog, fresh, 6, 5)).toEqual(orderCurriculum(catalog, fresh, 6, 5));
    const draws = new Set(Array.from({ length: 10 }, (_, seed) => orderCurriculum(catalog, fresh, 6, seed).join()));
    expect(draws.size).toBeGreaterThan(1);
    // The input's order does not matter, only the seed.
    expect(orderCurriculum([...catalog].reverse(), fresh, 6, 5)).toEqual(orderCurriculum(catalog, fresh, 6, 5));
  });

  it('puts never-tried tasks before tried ones inside each group', () => {
    // a1, b1 rolled out and solved; a2 rolled out and failed; everything else never tried. Nothing in band.
    const signals = { failed: new Set(['a2']), inBand: none, tried: new Set(['a1', 'b1', 'a2']) };
    for (let seed = 0; seed < 10; seed++) {
      const order = orderCurriculum(catalog, signals, 12, seed);
      expect(order[0]).toBe('a2');
      // The 9 never-tried tasks, then the two solved ones.
      expect(new Set(order.slice(1, 10))).toEqual(new Set(['a3', 'a4', 'b2', 'b3', 'b4', 'c1', 'c2', 'c3', 'c4']));
      expect(new Set(order.slice(10))).toEqual(new Set(['a1', 'b1']));
    }
    // In band too: an in-band never-tried task comes before an in-band solved one.
    const band = { failed: none, inBand: new Set(['a1', 'c4']), tried: new Set(['a1']) };
    expect(orderCurriculum(catalog, band, 2, 1)).toEqual(['c4', 'a1']);
  });

  it('refuses a negative budget, a fractional seed or a task listed twice', () => {
    expect(() => orderCurriculum(one, { failed, inBand, tried }, -1, 1)).toThrow(/budget/);
    expect(() => orderCurriculum(one, { failed, inBand, tried }, 2, 0.5)).toThrow(/seed/);
    expect(() => orderCurriculum([...one, one[0]], { failed, inBand, tried }, 2, 1)).toThrow(/t1.*twice/);
  });
});

describe('familyRoundRobin', () => {
  it('takes one task of each family in turn until a family runs out', () => {
    // Families of 3, 1 and 2 tasks: rounds of 3, 2 and 1 tasks.
    const tasks = [{ id: 'x1', family: 'x' }, { id: 'x2', family: 'x' }, { id: 'x3', family: 'x' }, { id: 'y1', family: 'y' }, { id: 'z1', family: 'z' }, { id: 'z2', family: 'z' }];
    const order = familyRoundRobin(tasks, mulberry32(4)).map((t) => t.family);
    expect(new Set(order.slice(0, 3))).toEqual(new Set(['x', 'y', 'z']));
    expect(new Set(order.slice(3, 5))).toEqual(new Set(['x', 'z']));
    expect(order[5]).toBe('x');
    expect(familyRoundRobin([], mulberry32(4))).toEqual([]);
  });
});
