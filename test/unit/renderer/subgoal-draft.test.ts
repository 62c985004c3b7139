// The subgoal editor refuses, before anything is sent, what the core would refuse (renderer/src/features/subgoals/
// subgoal-draft.ts): a repeated milestone (named with its twin), more than 20 milestones, a text over 2,000
// characters; and a refusal the core makes itself names the field the editor marks.
import { describe, expect, it } from 'vitest';
import { milestoneKey as coreKey } from '../../../main/subgoals/milestone-text';
import { explainSaveError, fromDraft, milestoneKey, toDraft } from '../../../renderer/src/features/subgoals/subgoal-draft';

const draft = (...texts: string[]) => toDraft(texts.map((text) => ({ text })));

describe('fromDraft', () => {
  it('refuses a repeated milestone, naming it and its twin, and points at the repeat', () => {
    expect(fromDraft(draft('Open the cart', 'Pay', ' open the CART. '))).toEqual({
      error: 'Subgoal 3 repeats subgoal 1 ("Open the cart"): a repeated milestone is judged done together with its twin, so it adds no step. Reword it or remove it.',
      field: 'Subgoal 3 text',
    });
    expect(fromDraft(draft('Open the cart', 'Open the cart page'))).toHaveProperty('items');
  });

  it('refuses more than 20 milestones and a milestone over 2,000 characters, saying the limit', () => {
    expect(fromDraft(draft(...Array.from({ length: 21 }, (_, i) => `Milestone ${i + 1}`)))).toEqual({ error: 'A subgoal set has at most 20 milestones; this one has 21.', field: null });
    expect(fromDraft(draft(...Array.from({ length: 20 }, (_, i) => `Milestone ${i + 1}`)))).toHaveProperty('items');
    expect(fromDraft(draft('Short', 'x'.repeat(2001)))).toEqual({ error: 'Subgoal 2 is 2,001 characters long; a milestone has at most 2,000.', field: 'Subgoal 2 text' });
  });

  it('calls two milestones the same exactly when the core does', () => {
    const pairs = [['Open it', '1. open it.'], ['Open it', '- **Open** it'], ['Open  it', 'open it ..'], ['Open it', 'Open its'], ['2) Pay', 'pay'], ['A.B', 'a.b.']];
    for (const [a, b] of pairs) expect([a, b, milestoneKey(a) === milestoneKey(b)]).toEqual([a, b, coreKey(a) === coreKey(b)]);
  });
});

describe('explainSaveError', () => {
  it('marks the field a refusal of the core names, from 1 as the editor numbers them', () => {
    const repeat = 'The subgoal set was not saved. Subgoal 4 repeats subgoal 2 ("Pay"): a repeated milestone is judged done together with its twin, so it adds no step. Reword it or remove it.';
    expect(explainSaveError(repeat)).toEqual({ error: repeat, field: 'Subgoal 4 text' });
    const pattern = 'The subgoal set was not saved. Subgoal 2: the URL pattern /(a+)+$/ can take exponential time on a non-matching URL: repeats a group that itself repeats.';
    expect(explainSaveError(pattern)).toEqual({ error: pattern, field: 'Subgoal 2 predicate' });
    expect(explainSaveError('saveSubgoalSet: argument 1.0.predicate.pattern: Invalid input')).toEqual({ error: 'Subgoal 1 predicate "pattern": Invalid input', field: 'Subgoal 1 predicate' });
  });
});
