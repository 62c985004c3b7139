import { describe, expect, it } from 'vitest';
import { siteBases, siteRelativeText, siteRelativeUrl, sourceBases } from '../../../main/runs/fork-sites';
import { placeholderResolver } from '../../../main/runs/environments';
import { placeholderResolver as profileResolver } from '../../../main/tasks/site-profile';

// Issue 21: pages of a fork are compared relative to their site, so the sandbox's random port does not matter.
const sandboxAt = (port: number) =>
  siteBases(placeholderResolver({ __SHOPPING__: `http://127.0.0.1:${port}/shop`, __SHOPPING_ADMIN__: `http://127.0.0.1:${port}/admin`, __HOMEPAGE__: `http://127.0.0.1:${port}/` }));

describe('site-relative fork pages', () => {
  it('maps a URL to its site by the longest base, only at a path boundary', () => {
    const bases = sandboxAt(41000);
    expect(siteRelativeUrl('http://127.0.0.1:41000/shop/search?q=boots', bases)).toBe('__SHOPPING__/search?q=boots');
    expect(siteRelativeUrl('http://127.0.0.1:41000/shop', bases)).toBe('__SHOPPING__');
    expect(siteRelativeUrl('http://127.0.0.1:41000/admin#orders', bases)).toBe('__SHOPPING_ADMIN__#orders');
    expect(siteRelativeUrl('http://127.0.0.1:41000/shopping', bases)).toBe('__HOMEPAGE__/shopping');
    expect(siteRelativeUrl('about:blank', bases)).toBe('about:blank');
  });

  it('a sandbox episode recorded on another port maps to the same site-relative pages', () => {
    const live = sandboxAt(41000);
    const recorded = ['http://127.0.0.1:35555/shop/', 'http://127.0.0.1:35555/shop/cart'];
    const source = sourceBases({ source: 'sandbox' }, live, recorded);
    expect(recorded.map((u) => siteRelativeUrl(u, source))).toEqual(['__SHOPPING__/', '__SHOPPING__/cart']);
    expect(siteRelativeUrl('http://127.0.0.1:41000/shop/cart', live)).toBe('__SHOPPING__/cart');
    // Observation text that names the site's URL reads the same in both processes.
    expect(siteRelativeText('link to http://127.0.0.1:35555/shop/cart', source)).toBe(siteRelativeText('link to http://127.0.0.1:41000/shop/cart', live));
  });

  it('imported WebArena sites keep the profile: another port there is another site, never moved', () => {
    const live = siteBases(profileResolver({ __SHOPPING__: 'http://localhost:7770', __SHOPPING_ADMIN__: 'http://localhost:7780' }));
    expect(live.map((b) => b.site).sort()).toEqual(['__SHOPPING_ADMIN__', '__SHOPPING__']);
    const source = sourceBases({ source: 'webarena' }, live, ['http://localhost:7780/admin']);
    expect(siteRelativeUrl('http://localhost:7780/admin', source)).toBe('__SHOPPING_ADMIN__/admin');
    expect(siteRelativeUrl('http://localhost:7770/admin', source)).toBe('__SHOPPING__/admin');
  });
});
