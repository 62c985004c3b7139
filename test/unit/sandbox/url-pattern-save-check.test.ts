// The save-time refusal of url_matches patterns that could stall the core process (main/subgoals/url-pattern-check.ts):
// each refusal names the subgoal and the pattern; every URL pattern the sandbox catalog ships (which hand-corrected
// sets start from) and the common safe shapes are accepted.
import { describe, expect, it, vi } from 'vitest';
import type { SubgoalItem } from '../../../main/api/inference-types';
import { SANDBOX_FAMILIES } from '../../../main/sandbox/families';
import type { Inference } from '../../../main/services/inference';
import { InferenceApi } from '../../../main/services/inference-api';
import type { Store } from '../../../main/store';
import { subgoalPatternProblems, urlPatternProblem } from '../../../main/subgoals/url-pattern-check';

const url = (pattern: string): SubgoalItem => ({ text: `reach ${pattern}`, predicate: { kind: 'url_matches', pattern } });

describe('url_matches patterns refused at save time', () => {
  it.each([
    ['^(.|.)*X$', 'repeats a choice whose alternatives can match the same text'],
    ['(a|ab)*c', 'repeats a choice whose alternatives can match the same text'],
    ['/p/(\\d|\\w)+$', 'repeats a choice whose alternatives can match the same text'],
    ['(a+)+$', 'repeats a group that itself repeats'],
    ['^/search\\?q=(\\w+\\s?)*$', 'repeats a group that itself repeats'],
    ['(.*,)*z', 'repeats a group that itself repeats'],
  ])('%s: exponential shape', (pattern, why) => {
    expect(urlPatternProblem(pattern)).toContain(`can take exponential time on a non-matching URL: `);
    expect(urlPatternProblem(pattern)).toContain(why);
  });

  it('refuses a polynomial pattern that runs past the limit on a long test URL', () => {
    expect(urlPatternProblem('.*a.*a.*a.*b')).toMatch(/^ran longer than 50 ms on a 4096-character test URL \(repeated "a"\)/);
  });

  it('refuses a pattern that does not compile', () => {
    expect(urlPatternProblem('/cart(')).toMatch(/^is not a valid regular expression \(Invalid regular expression: .*\)$/);
  });

  it('names every bad pattern of a set with its subgoal number, and only those', () => {
    const items: SubgoalItem[] = [url('/cart'), { text: 'no predicate' }, url('^(.|.)*X$'), { text: 'text', predicate: { kind: 'text_present', text: '(a+)+' } }, url('[')];
    const problems = subgoalPatternProblems(items);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Subgoal 3: the URL pattern \/\^\(\.\|\.\)\*X\$\/ can take exponential time/);
    expect(problems[1]).toMatch(/^Subgoal 5: the URL pattern \/\[\/ is not a valid regular expression/);
  });
});

describe('url_matches patterns accepted at save time', () => {
  it.each([
    '/shop/cart([?#]|$)', '[?&]sort=price_desc(&|#|$)', '^https?://[^/]+(/[^/]+)*/?$', '(/shop|/cart)+', '(foo|bar)+',
    '^/docs/(\\w+\\s)*end$', '/search\\?q=.*cart', '(?:a|b)*', '^/item/\\d+(\\?.*)?$', '/(?<id>\\d+)/edit$',
  ])('%s', (pattern) => {
    expect(urlPatternProblem(pattern)).toBeNull();
  });

  it('accepts every URL pattern of the sandbox catalog', () => {
    const patterns = new Set(SANDBOX_FAMILIES.flatMap((f) => [0, 1].flatMap((i) => f.instantiate(1, i).subgoals.flatMap((g) => (g.predicate.kind === 'url_matches' ? [g.predicate.pattern] : [])))));
    expect(patterns.size).toBeGreaterThan(50);
    expect([...patterns].filter((p) => urlPatternProblem(p) !== null)).toEqual([]);
  });
});

describe('saving a hand-corrected set through the API', () => {
  const fakeApi = () => {
    const create = vi.fn(async (s: { items: SubgoalItem[] }) => ({ id: 7, version: 2, items: s.items }));
    const store = { tasks: { get: async (id: string) => ({ id }) } } as unknown as Store;
    const inference = { subgoalSets: { create } } as unknown as Inference;
    return { api: new InferenceApi(store, inference, async () => ({ url: '', text: '' })), create };
  };

  it('refuses a set with a hostile URL pattern, naming it, and stores nothing', async () => {
    const { api, create } = fakeApi();
    await expect(api.saveHandSet('shop.cart', [url('/cart'), url('^(.|.)*X$')])).rejects.toThrow(/^The subgoal set was not saved\. Subgoal 2: the URL pattern \/\^\(\.\|\.\)\*X\$\/ can take exponential time/);
    expect(create).not.toHaveBeenCalled();
  });

  it('stores a set whose patterns are fine', async () => {
    const { api, create } = fakeApi();
    const items = [url('/cart'), { text: 'check out' }];
    await api.saveHandSet('shop.cart', items, 'fixed');
    expect(create).toHaveBeenCalledWith({ taskId: 'shop.cart', origin: 'hand', items, note: 'fixed' });
  });
});
