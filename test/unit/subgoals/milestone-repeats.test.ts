// A hand-saved subgoal set may not repeat a milestone (main/subgoals/milestone-text.ts): a repeat is judged done
// together with its twin, so it adds no progress step. The teacher's replies were refused for one already; a set
// saved through the API is refused the same way, naming both subgoals as the editor numbers them.
import { describe, expect, it, vi } from 'vitest';
import type { SubgoalItem } from '../../../main/api/inference-types';
import { SANDBOX_FAMILIES } from '../../../main/sandbox/families';
import type { Inference } from '../../../main/services/inference';
import { InferenceApi } from '../../../main/services/inference-api';
import type { Store } from '../../../main/store';
import { firstRepeat, milestoneKey, repeatProblems } from '../../../main/subgoals/milestone-text';

describe('firstRepeat', () => {
  it('finds a milestone that differs from an earlier one only in case, spacing, a list marker or a full stop', () => {
    expect(firstRepeat(['Open the cart', 'Check out', '2.  open the   CART.'])).toEqual({ index: 2, of: 0, ofCompleted: false });
    expect(firstRepeat(['Open the cart', 'Open the carts'])).toBeNull();
  });
  it('counts a repeat of a confirmed milestone on a re-plan', () => {
    expect(firstRepeat(['Pay', 'open the cart'], ['Open the cart'])).toEqual({ index: 1, of: 0, ofCompleted: true });
  });
});

describe('saving a hand-corrected set with a repeated milestone', () => {
  const fakeApi = () => {
    const create = vi.fn(async (s: { items: SubgoalItem[] }) => ({ id: 7, version: 2, items: s.items }));
    const store = { tasks: { get: async (id: string) => ({ id }) } } as unknown as Store;
    const inference = { subgoalSets: { create } } as unknown as Inference;
    return { api: new InferenceApi(store, inference, async () => ({ url: '', text: '' })), create };
  };

  it('is refused with a message naming the repeat and its twin, and nothing is stored', async () => {
    const { api, create } = fakeApi();
    const items = [{ text: 'Open the Shoes category' }, { text: 'Sort by price' }, { text: 'open the shoes category.', predicate: { kind: 'url_matches' as const, pattern: '/shoes' } }];
    await expect(api.saveHandSet('shop.sort', items)).rejects.toThrow(
      'The subgoal set was not saved. Subgoal 3 repeats subgoal 1 ("Open the Shoes category"): a repeated milestone is judged done together with its twin, so it adds no step. Reword it or remove it.',
    );
    expect(create).not.toHaveBeenCalled();
  });

  it('stores a set whose milestones are distinct', async () => {
    const { api, create } = fakeApi();
    await api.saveHandSet('shop.sort', [{ text: 'Open the Shoes category' }, { text: 'Sort by price' }]);
    expect(create).toHaveBeenCalledOnce();
  });

  it('never refuses a sandbox reference set, which a person may restore as a hand version', () => {
    const sets = SANDBOX_FAMILIES.flatMap((f) => [0, 1].map((i) => f.instantiate(1, i).subgoals));
    expect(sets.length).toBeGreaterThan(50);
    expect(sets.flatMap(repeatProblems)).toEqual([]);
    expect(milestoneKey('  1. **Open** it. ')).toBe('open it');
  });
});
