// Hand-typed predicates that can never mean what they say are refused at save time (main/subgoals/predicate-check.ts),
// naming the subgoal: at judging time they failed silently — a blank text_present was met on every page, a misspelt
// role or a name without a role found nothing (or the whole page), a site_state off the sandbox could never be read,
// and each read like a real "not done".
import { describe, expect, it, vi } from 'vitest';
import type { SubgoalItem, SubgoalPredicateSpec } from '../../../main/api/inference-types';
import { SANDBOX_FAMILIES } from '../../../main/sandbox/families';
import type { Inference } from '../../../main/services/inference';
import { InferenceApi } from '../../../main/services/inference-api';
import type { Store } from '../../../main/store';
import { subgoalPredicateProblems } from '../../../main/subgoals/predicate-check';

const SANDBOX = { source: 'sandbox' as const };
const item = (predicate: SubgoalPredicateSpec): SubgoalItem => ({ text: `check ${JSON.stringify(predicate)}`, predicate });

describe('predicates refused at save time', () => {
  it.each([
    [{ kind: 'text_present', text: '   ' }, 'Subgoal 1: the text_present text is blank, so it would be met on every page.'],
    [{ kind: 'element_state', query: { role: 'buton', name: 'Go' }, prop: 'innerText', value: 'Go' }, 'Subgoal 1: the element_state role "buton" is no ARIA role, so no element would ever be found (e.g. button, link, textbox, combobox, checkbox, heading).'],
    [{ kind: 'element_state', query: { name: 'Sort By' }, prop: 'value', value: 'Price' }, 'Subgoal 1: the element_state query names an element but gives no "role"; without one the whole page is checked, not that element.'],
    [{ kind: 'element_state', query: { role: 'button', name: 'Go', nameContains: 'G' }, prop: 'innerText', value: 'Go' }, 'Subgoal 1: the element_state query gives both "name" and "nameContains"; give one (the exact name, or a part of it).'],
  ] as [SubgoalPredicateSpec, string][])('%j', (predicate, message) => {
    expect(subgoalPredicateProblems([item(predicate)], SANDBOX)).toEqual([message]);
  });

  it('accepts every predicate of the sandbox catalog and the usual hand-typed ones', () => {
    const items = SANDBOX_FAMILIES.flatMap((f) => [0, 1].flatMap((i) => f.instantiate(1, i).subgoals));
    expect(items.filter((i) => i.predicate.kind === 'element_state').length).toBeGreaterThan(5);
    expect(subgoalPredicateProblems(items, SANDBOX)).toEqual([]);
    expect(subgoalPredicateProblems([
      item({ kind: 'text_present', text: 'Order placed' }),
      item({ kind: 'element_state', query: { role: 'combobox', name: 'Sort By' }, prop: 'value', value: 'Price' }),
      item({ kind: 'element_state', query: {}, prop: 'innerText', value: '' }),
      { text: 'no predicate' },
    ], SANDBOX)).toEqual([]);
  });

  it('refuses a site_state predicate on a task that does not run on the sandbox sites, where it could never be met', () => {
    const state = item({ kind: 'site_state', check: 'cartContains', args: { sku: 'B01' } });
    expect(subgoalPredicateProblems([state], SANDBOX)).toEqual([]);
    expect(subgoalPredicateProblems([{ text: 'plain' }, state], { source: 'webarena' })).toEqual([
      'Subgoal 2: a site_state predicate reads the state of the built-in sandbox sites, which this webarena task does not run on, so it would never be met; check the page instead (url_matches, text_present or element_state).',
    ]);
  });

  it('a save names every problem at once, in the order of the subgoals, and stores nothing', async () => {
    const create = vi.fn();
    const store = { tasks: { get: async (id: string) => ({ id, source: 'sandbox' }) } } as unknown as Store;
    const api = new InferenceApi(store, { subgoalSets: { create } } as unknown as Inference, async () => ({ url: '', text: '' }));
    const items: SubgoalItem[] = [
      { text: 'Cart open', predicate: { kind: 'text_present', text: ' ' } },
      { text: 'Checked out', predicate: { kind: 'url_matches', pattern: '(a+)+$' } },
      { text: 'cart open.' },
    ];
    await expect(api.saveHandSet('shop.cart', items)).rejects.toThrow(
      /^The subgoal set was not saved\. Subgoal 1: the text_present text is blank, so it would be met on every page\. Subgoal 2: the URL pattern \/\(a\+\)\+\$\/ can take exponential time.* Subgoal 3 repeats subgoal 1 \("Cart open"\)/,
    );
    expect(create).not.toHaveBeenCalled();
  });
});
