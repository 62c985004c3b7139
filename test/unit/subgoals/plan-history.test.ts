// An SGO episode that re-planned is linked to its last plan only; the plans before it are found by the chain of
// re-plan notes (main/subgoals/plan.ts), so a verdict or a prompt preview of an early step names the milestone
// that was really judged, not the re-plan's rewrite of it (docs/design/MIRA.md §3.2).
import { describe, expect, it } from 'vitest';
import type { SubgoalOrigin, SubgoalSet } from '../../../main/api/inference-types';
import { parseReplanNote, planAt, planHistory, replanNote, startingPlan } from '../../../main/subgoals/plan';

const EP = 'ep-1';
function set(id: number, version: number, origin: SubgoalOrigin, texts: string[], note: string | null): SubgoalSet {
  return { id, taskId: 'task/a', version, origin, items: texts.map((text) => ({ text })), note, promptName: null, promptVersion: null, model: null, createdAt: '2026-12-05T00:00:00Z' };
}
function repo(all: SubgoalSet[], linked: SubgoalSet | null) {
  return { forEpisode: async () => linked, list: async () => [...all].sort((a, b) => b.version - a.version) };
}

const hand = set(10, 5, 'hand', ['A', 'B', 'C'], 'hand-corrected');
// Re-planned when step 4 was decided (t = 3), then again at step 9 (t = 8).
const first = set(11, 6, 'generated', ['A', 'B2', 'C2'], replanNote(hand, 3, EP));
const second = set(13, 8, 'generated', ['A', 'B2', 'C3'], replanNote(first, 8, EP));
// Another episode's re-plan of the same hand set, made in between: not part of this episode's chain.
const other = set(12, 7, 'generated', ['A', 'X', 'Y'], replanNote(hand, 1, 'ep-2'));

describe('parseReplanNote', () => {
  it('reads back what replanNote wrote, only for a generated set of this episode', () => {
    expect(parseReplanNote(first, EP)).toEqual({ fromVersion: 5, t: 3 });
    expect(parseReplanNote(first, 'ep-2')).toBeNull();
    expect(parseReplanNote({ ...first, origin: 'hand' }, EP)).toBeNull();
    expect(parseReplanNote(set(1, 1, 'generated', ['A'], `generated at step 1 of episode ${EP}`), EP)).toBeNull();
  });
});

describe('planHistory and planAt', () => {
  it('walks two re-plans back to the pinned hand set, each plan with the step it took over at', async () => {
    const periods = await planHistory(repo([hand, first, other, second], second), EP);
    expect(periods.map((p) => [p.fromT, p.set.version])).toEqual([[0, 5], [3, 6], [8, 8]]);
    // Step t uses the plan that took over at or before it: t = 2 is still the hand set, t = 3 the first re-plan.
    expect([0, 2, 3, 7, 8, 12].map((t) => planAt(periods, t)!.items[1].text)).toEqual(['B', 'B', 'B2', 'B2', 'B2', 'B2']);
    expect([7, 8].map((t) => planAt(periods, t)!.items[2].text)).toEqual(['C2', 'C3']);
  });

  it('is the one linked set when the episode never re-planned, and empty when it has none', async () => {
    expect((await planHistory(repo([hand], hand), EP)).map((p) => [p.fromT, p.set.id])).toEqual([[0, 10]]);
    expect(await planHistory(repo([], null), EP)).toEqual([]);
    expect(planAt([], 3)).toBeNull();
  });

  it('stops at a predecessor that no longer exists and still uses the oldest plan it knows for early steps', async () => {
    const periods = await planHistory(repo([first], first), EP);
    expect(periods.map((p) => [p.fromT, p.set.version])).toEqual([[3, 6]]);
    expect(planAt(periods, 0)!.version).toBe(6);
  });
});

describe('startingPlan', () => {
  const all = { list: async () => [second, other, first, hand] };
  it('takes an episode\'s re-plan back to the version it re-planned, through any number of re-plans', async () => {
    expect((await startingPlan(all, second))!.id).toBe(hand.id);
    expect((await startingPlan(all, other))!.id).toBe(hand.id);
  });
  it('keeps a set that is no re-plan (a hand set, or a first plan an episode generated) and nothing as nothing', async () => {
    const generated = set(14, 9, 'generated', ['A', 'B'], `generated at step 1 of episode ${EP}`);
    expect(await startingPlan(all, hand)).toBe(hand);
    expect(await startingPlan(all, generated)).toBe(generated);
    expect(await startingPlan(all, undefined)).toBeUndefined();
  });
});
