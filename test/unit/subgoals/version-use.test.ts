// The Subgoals page's "(current)" (main/subgoals/version-use.ts): the version a run that takes the task's newest set
// starts from. An episode's mid-run re-plan is often the newest, but no run starts from it (docs/design/MIRA.md §3.2):
// the page must name the version it re-planned, as startingPlan does for runs.
import { describe, expect, it } from 'vitest';
import type { SubgoalOrigin, SubgoalSet } from '../../../main/api/inference-types';
import { replanNote } from '../../../main/subgoals/plan';
import { withVersionUse } from '../../../main/subgoals/version-use';

function set(id: number, version: number, origin: SubgoalOrigin, note: string | null): SubgoalSet {
  return { id, taskId: 'task/a', version, origin, items: [{ text: `m${id}` }], note, promptName: null, promptVersion: null, model: null, createdAt: '2026-12-05T00:00:00Z' };
}
const uses = (versions: SubgoalSet[], source: 'sandbox' | 'webarena' | 'miniwob' = 'sandbox') => withVersionUse(versions, { source }).map((v) => [v.version, v.use]);

const reference = set(1, 1, 'reference', 'from the sandbox catalog');
const hand = set(2, 2, 'hand', 'mine');
const replan = set(3, 3, 'generated', replanNote(hand, 3, 'ep-1'));
const replanOfReplan = set(4, 4, 'generated', replanNote(replan, 8, 'ep-1'));

describe('withVersionUse', () => {
  it('marks the version an episode re-planned as current, not the newer re-plans', () => {
    expect(uses([replanOfReplan, replan, hand, reference])).toEqual([[4, 'replan'], [3, 'replan'], [2, 'current'], [1, 'earlier']]);
  });
  it('marks the newest as current when it is no re-plan (a hand save, or the first plan an episode generated)', () => {
    const firstPlan = set(5, 5, 'generated', 'generated at step 1 of episode ep-2');
    expect(uses([firstPlan, replan, hand, reference])).toEqual([[5, 'current'], [3, 'replan'], [2, 'earlier'], [1, 'earlier']]);
    expect(uses([])).toEqual([]);
  });
  it('names no current version for a MiniWoB++ task, whose runs take the newest version of their own seed', () => {
    expect(uses([replan, hand], 'miniwob')).toEqual([[3, 'replan'], [2, 'per-seed']]);
  });
});
