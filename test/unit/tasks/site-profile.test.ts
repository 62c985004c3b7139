import { describe, expect, it } from 'vitest';
import { evaluateEpisode } from '../../../main/eval/evaluate';
import {
  applyPlaceholders,
  findPlaceholders,
  placeholderResolver,
  SiteProfileError,
  siteProfileFromEnv,
  UnresolvedPlaceholderError,
} from '../../../main/tasks/site-profile';

describe('siteProfileFromEnv', () => {
  it("accepts WebArena's spelling (SHOPPING=…) and BrowserGym's (WA_SHOPPING=…)", () => {
    expect(siteProfileFromEnv({
      SHOPPING: 'http://localhost:7770', WA_SHOPPING_ADMIN: 'http://localhost:7780/admin/', REDDIT: 'http://localhost:9999',
      WA_GITLAB: 'http://localhost:8023', MAP: 'http://localhost:3000', WA_WIKIPEDIA: 'http://localhost:8888', HOMEPAGE: 'http://localhost:4399',
      PATH: '/usr/bin',
    })).toEqual({
      __SHOPPING__: 'http://localhost:7770', __SHOPPING_ADMIN__: 'http://localhost:7780/admin', __REDDIT__: 'http://localhost:9999',
      __GITLAB__: 'http://localhost:8023', __MAP__: 'http://localhost:3000', __WIKIPEDIA__: 'http://localhost:8888',
      __HOMEPAGE__: 'http://localhost:4399',
    });
  });
  it('prefers the plain spelling when both are set, and skips empty values', () => {
    expect(siteProfileFromEnv({ SHOPPING: 'http://a:1', WA_SHOPPING: 'http://b:2', MAP: ' ', WA_MAP: 'http://m:3' }))
      .toEqual({ __SHOPPING__: 'http://a:1', __MAP__: 'http://m:3' });
    expect(siteProfileFromEnv({})).toEqual({});
  });
  it('rejects a value that is not an http(s) URL, naming the variable', () => {
    expect(() => siteProfileFromEnv({ WA_GITLAB: 'localhost:8023' })).toThrow(SiteProfileError);
    expect(() => siteProfileFromEnv({ WA_GITLAB: 'localhost:8023' })).toThrow('WA_GITLAB="localhost:8023" is not an http(s) URL');
  });
});

describe('applyPlaceholders', () => {
  const profile = { __SHOPPING__: 'http://shop:7770', __SHOPPING_ADMIN__: 'http://shop:7780/admin', __REDDIT__: 'http://forum:9999' };
  it('replaces every placeholder as plain text, the admin one before the shop one', () => {
    expect(applyPlaceholders('__SHOPPING_ADMIN__/sales |AND| __SHOPPING__/cart __SHOPPING__/x', profile))
      .toBe('http://shop:7780/admin/sales |AND| http://shop:7770/cart http://shop:7770/x');
    expect(applyPlaceholders("func:reddit_get_post_url('__last_url__')", profile)).toBe("func:reddit_get_post_url('__last_url__')");
  });
  it('throws an error listing what is left unresolved and how to set it', () => {
    let err: unknown;
    try { applyPlaceholders('__MAP__/search |OR| __WIKIPEDIA__/wiki', profile); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(UnresolvedPlaceholderError);
    expect((err as UnresolvedPlaceholderError).placeholders).toEqual(['__MAP__', '__WIKIPEDIA__']);
    expect((err as Error).message).toBe('unresolved placeholders __MAP__, __WIKIPEDIA__ in "__MAP__/search |OR| __WIKIPEDIA__/wiki": '
      + 'the site profile has no URL for them; set MAP=… (or WA_MAP=…), WIKIPEDIA=… (or WA_WIKIPEDIA=…)');
  });
  it('finds placeholders', () => {
    expect(findPlaceholders('__GITLAB__/a and __HOMEPAGE__')).toEqual(['__GITLAB__', '__HOMEPAGE__']);
  });
  it('plugs into evaluateEpisode: an unresolved site fails its check with that message', async () => {
    const config = { intent: 'x', eval: { eval_types: ['url_match'], reference_url: '__MAP__/search', url_note: 'GOLD in PRED' } };
    const r = await evaluateEpisode(config, { answer: null, finalUrl: 'http://map:3000/search', profile: 'vab-lite', placeholders: placeholderResolver(profile) });
    expect(r.success).toBe(false);
    expect(r.checks[0].note).toContain('unresolved placeholders __MAP__');
    const ok = await evaluateEpisode(config, { answer: null, finalUrl: 'http://map:3000/search?q=1', profile: 'vab-lite',
      placeholders: placeholderResolver({ __MAP__: 'http://map:3000' }) });
    expect(ok.success).toBe(true);
  });
});
