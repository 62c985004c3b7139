import { describe, expect, it } from 'vitest';
import { evaluateEpisode } from '../../../main/eval/evaluate';
import { parseUrl } from '../../../main/eval/url-match';
import { ctx, task } from './helpers';

const urlTask = (reference_url: string, url_note?: string) =>
  task({ eval_types: ['url_match'], reference_url, ...(url_note ? { url_note } : {}) });

describe('url_match default rule when url_note is missing', () => {
  const t = urlTask('__GITLAB__/a11yproject/a11yproject.com/-/issues/719');
  it('vab-lite defaults to EXACT (one trailing slash dropped)', async () => {
    const ok = await evaluateEpisode(t, ctx('vab-lite', { finalUrl: 'http://git.test:8023/a11yproject/a11yproject.com/-/issues/719/' }));
    expect(ok.success).toBe(true);
    expect(ok.checks[0].rule).toContain('EXACT');
    expect(ok.checks[0].rule).toContain('url_note missing');
    const longer = await evaluateEpisode(t, ctx('vab-lite', { finalUrl: 'http://git.test:8023/a11yproject/a11yproject.com/-/issues/719#note_1' }));
    expect(longer.success).toBe(false);
  });
  it('webarena defaults to GOLD in PRED (fragment ignored)', async () => {
    const r = await evaluateEpisode(t, ctx('webarena', { finalUrl: 'http://git.test:8023/a11yproject/a11yproject.com/-/issues/719#note_1' }));
    expect(r.success).toBe(true);
    expect(r.checks[0].rule).toContain('GOLD in PRED');
  });
});

describe('url_match GOLD in PRED: host+path+query keys (webarena) vs plain substring (vab-lite)', () => {
  it('scheme is ignored by webarena, not by the substring rule', async () => {
    const t = urlTask('__REDDIT__/f/books', 'GOLD in PRED');
    const final = 'https://forum.test:9999/f/books/124260/some-post';
    expect((await evaluateEpisode(t, ctx('webarena', { finalUrl: final }))).success).toBe(true);
    expect((await evaluateEpisode(t, ctx('vab-lite', { finalUrl: final }))).success).toBe(false);
    expect((await evaluateEpisode(t, ctx('vab-lite', { finalUrl: 'http://forum.test:9999/f/books/124260' }))).success).toBe(true);
  });
  it('query keys may come in any order under webarena; the substring rule needs the same text', async () => {
    const t = urlTask('__SHOPPING__/catalogsearch/result/index/?product_list_order=price&q=chairs&product_list_dir=asc', 'GOLD in PRED');
    const reordered = 'http://shop.test:7770/catalogsearch/result/index/?q=chairs&product_list_dir=asc&product_list_order=price&p=2';
    expect((await evaluateEpisode(t, ctx('webarena', { finalUrl: reordered }))).success).toBe(true);
    expect((await evaluateEpisode(t, ctx('vab-lite', { finalUrl: reordered }))).success).toBe(false);
  });
  it('a query value that differs fails and the note names the key', async () => {
    const t = urlTask('__SHOPPING__/catalogsearch/result/?q=switch+accessories', 'GOLD in PRED');
    const r = await evaluateEpisode(t, ctx('webarena', { finalUrl: 'http://shop.test:7770/catalogsearch/result/?q=switch' }));
    expect(r.success).toBe(false);
    expect(r.checks[0].note).toContain('query key "q" must be one of "switch accessories"');
    const ok = await evaluateEpisode(t, ctx('webarena', { finalUrl: 'http://shop.test:7770/catalogsearch/result/?q=switch%20accessories' }));
    expect(ok.success).toBe(true);
  });
  it('any of the " |OR| " references may match', async () => {
    const t = urlTask('__REDDIT__/f/machinelearning |OR| __REDDIT__/f/deeplearning', 'GOLD in PRED');
    for (const p of ['webarena', 'vab-lite'] as const) {
      expect((await evaluateEpisode(t, ctx(p, { finalUrl: 'http://forum.test:9999/f/deeplearning' }))).success).toBe(true);
      expect((await evaluateEpisode(t, ctx(p, { finalUrl: 'http://forum.test:9999/f/technology' }))).success).toBe(false);
    }
  });
});

describe('url cleaning', () => {
  it('vab-lite reads localhost as 127.0.0.1; webarena does not', async () => {
    const t = task({ eval_types: ['url_match'], reference_url: 'http://localhost:7770/contact', url_note: 'GOLD in PRED' });
    expect((await evaluateEpisode(t, ctx('vab-lite', { finalUrl: 'http://127.0.0.1:7770/contact' }))).success).toBe(true);
    expect((await evaluateEpisode(t, ctx('webarena', { finalUrl: 'http://127.0.0.1:7770/contact' }))).success).toBe(false);
  });
  it('webarena strips every trailing slash; vab-lite one', async () => {
    const t = urlTask('__SHOPPING__/contact', 'EXACT');
    expect((await evaluateEpisode(t, ctx('vab-lite', { finalUrl: 'http://shop.test:7770/contact/' }))).success).toBe(true);
    expect((await evaluateEpisode(t, ctx('vab-lite', { finalUrl: 'http://shop.test:7770/contact//' }))).success).toBe(false);
  });
  it('an unknown url_note fails the check, explained (webarena knows only GOLD in PRED)', async () => {
    const r = await evaluateEpisode(urlTask('__SHOPPING__/contact', 'EXACT'), ctx('webarena', { finalUrl: 'http://shop.test:7770/contact' }));
    expect(r.success).toBe(false);
    expect(r.checks[0].note).toContain('unknown url_note "EXACT"');
  });
  it('an explicit null url_note is not the default: both originals read it as the rule None and raise', async () => {
    // .get("url_note", default) returns None for a key present with null (docs/design/WEBARENA.md §2.3, §2.6).
    const t = task({ eval_types: ['url_match'], reference_url: '__SHOPPING__/contact', url_note: null });
    for (const profile of ['webarena', 'vab-lite'] as const) {
      const r = await evaluateEpisode(t, ctx(profile, { finalUrl: 'http://shop.test:7770/contact' }));
      expect(r.success, profile).toBe(false);
      expect(r.checks[0].note, profile).toContain('unknown url_note "None"');
    }
  });
  it('parses like urlparse + parse_qs', () => {
    const p = parseUrl('http://h:1/a/b;p?x=1&x=2&blank=&flag&y=a+b%21#frag');
    expect(p.base).toBe('h:1/a/b');
    expect([...p.query]).toEqual([['x', ['1', '2']], ['y', ['a b!']]]);
  });
});
