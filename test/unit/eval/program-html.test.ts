import { describe, expect, it } from 'vitest';
import { evaluateEpisode } from '../../../main/eval/evaluate';
import { parseFuncCall } from '../../../main/eval/func-call';
import { redditGetPostUrl } from '../../../main/eval/page-helpers';
import { FakePage } from './fake-page';
import { ctx, recordingJudge, task } from './helpers';

const htmlTask = (program_html: unknown[]) => task({ eval_types: ['program_html'], program_html });

describe('program_html on the page the agent ended on ("last")', () => {
  it('reads the whole page HTML for an empty locator, without navigating', async () => {
    const page = new FakePage({ 'http://shop.test:7770/cart': { html: '<p>Jaw Bruxism mouth guard</p>' } }, 'http://shop.test:7770/cart');
    const t = htmlTask([{ url: 'last', locator: '', required_contents: { must_include: ['jaw bruxism', 'mouth guard'] } }]);
    const r = await evaluateEpisode(t, ctx('webarena', { page }));
    expect(r.success).toBe(true);
    expect(r.checks).toHaveLength(2);
    expect(page.visited).toEqual([]);
    expect(r.checks[0]).toMatchObject({ kind: 'program_html', rule: 'program_html[0] must_include (substring)', expected: 'jaw bruxism' });
    expect(r.checks[0].note).toContain('url "last"');
    expect(r.checks[0].note).toContain('whole page HTML');
  });
  it('a locator that throws is an explained failed check, not a crash', async () => {
    const page = new FakePage({}, 'http://git.test:8023/x');
    const t = htmlTask([{ url: 'last', locator: "document.querySelector('.missing').outerText", required_contents: { exact_match: 'main' } }]);
    const r = await evaluateEpisode(t, ctx('vab-lite', { page }));
    expect(r).toMatchObject({ success: false, score: 0 });
    expect(r.checks[0].actual).toBe('');
    expect(r.checks[0].note).toMatch(/locator threw \(.*null.*\); read as ""/);
  });
  it('a locator with a syntax error is explained the same way', async () => {
    const page = new FakePage({}, 'http://x/');
    const r = await evaluateEpisode(htmlTask([{ url: 'last', locator: 'document.querySelector(', required_contents: { exact_match: 'a' } }]), ctx('vab-lite', { page }));
    expect(r.checks[0].note).toContain('locator threw');
  });
});

describe('program_html with navigation', () => {
  const site = 'http://forum.test:9999/f/books/124260/adults-reading';
  const page = () => new FakePage({
    [site]: { elements: { 'div.submission__vote': { querySelector: () => ({ getAttribute: () => 'vote vote--user-upvoted' }) } } },
  }, 'http://forum.test:9999/');
  const t = htmlTask([{
    url: '__REDDIT__/f/books/124260/adults-reading',
    locator: "document.querySelector('div.submission__vote').querySelector('form').getAttribute('class')",
    required_contents: { must_include: ['vote vote--user-upvoted'] },
  }]);
  it('replaces placeholders, navigates, then evaluates the JS locator', async () => {
    const p = page();
    const r = await evaluateEpisode(t, ctx('webarena', { page: p }));
    expect(p.visited).toEqual([site]);
    expect(r.success).toBe(true);
    expect(r.checks[0].note).toContain(`navigated to ${site}`);
  });
  it('an unresolved placeholder fails that eval type with the resolver\'s message', async () => {
    const r = await evaluateEpisode(t, ctx('webarena', { page: page(), placeholders: (s) => {
      if (s.includes('__REDDIT__')) throw new Error('unresolved placeholders: __REDDIT__');
      return s;
    } }));
    expect(r.success).toBe(false);
    expect(r.checks[0].note).toContain('unresolved placeholders: __REDDIT__');
  });
  it('runs prep_actions before the locator', async () => {
    const field = { value: 'old' };
    const p = new FakePage({ 'http://x/': { elements: { '#f': field, '#btn': { click: () => { field.value = 'new'; } } } } }, 'http://x/');
    const r = await evaluateEpisode(htmlTask([{ url: 'last', locator: "document.querySelector('#f').value",
      prep_actions: ["document.querySelector('#btn').click()"], required_contents: { exact_match: 'new' } }]), ctx('vab-lite', { page: p }));
    expect(r.success).toBe(true);
  });
  it('without a page the check fails and says a browser page is needed', async () => {
    const r = await evaluateEpisode(t, ctx('vab-lite'));
    expect(r.success).toBe(false);
    expect(r.checks[0].note).toContain('needs a browser page');
  });
});

describe('func: helpers', () => {
  it('reddit_get_post_url turns a comment URL into its post URL, other URLs pass through', () => {
    expect(redditGetPostUrl('http://f.test:9999/f/books/124260/slug/-/comment/5')).toBe('http://f.test:9999/f/books/124260/');
    expect(redditGetPostUrl('http://f.test:9999/f/books')).toBe('http://f.test:9999/f/books');
    expect(redditGetPostUrl('http://f.test:9999/user/x/y')).toBe('http://f.test:9999/user/x/y');
    // As Python's urlparse splits it (values from the original function run in Python): ";" only ends the
    // last segment's path, and the scheme is lower-cased.
    expect(redditGetPostUrl('http://f.test:9999/f/nyc/12;3/x')).toBe('http://f.test:9999/f/nyc/12;3/');
    expect(redditGetPostUrl('HTTP://H/f/a/1/')).toBe('http://H/f/a/1/');
  });
  it('parses calls without executing them', () => {
    expect(parseFuncCall("gitlab_get_project_memeber_role(__page__, 'vinta')")).toEqual({
      name: 'gitlab_get_project_memeber_role', args: [{ kind: 'page' }, { kind: 'string', value: 'vinta' }] });
    expect(parseFuncCall('shopping_get_latest_order_url()')).toEqual({ name: 'shopping_get_latest_order_url', args: [] });
    expect(() => parseFuncCall('__import__("os").system("x")')).toThrow(/cannot parse/);
    // Arguments are Python string literals, read as Python's eval reads them: escapes decoded, adjacent
    // literals joined (the original eval()s the text).
    expect(parseFuncCall("shopping_get_sku_latest_review_author('MS' \"H\\x30\" '9')").args).toEqual([{ kind: 'string', value: 'MSH09' }]);
    expect(() => parseFuncCall('reddit_get_post_url(url=1)')).toThrow(/keyword arguments/);
  });
  it("func:reddit_get_post_url('__last_url__') navigates to the post the agent ended under", async () => {
    const post = 'http://forum.test:9999/f/books/99/';
    const p = new FakePage({ [post]: { elements: { '.submission__inner': { outerText: 'Is car necessary in NYC?' } } } },
      'http://forum.test:9999/f/books/99/my-title');
    const r = await evaluateEpisode(htmlTask([{ url: "func:reddit_get_post_url('__last_url__')",
      locator: "document.querySelector('.submission__inner').outerText", required_contents: { must_include: ['is car necessary in NYC'] } }]),
    ctx('vab-lite', { page: p }));
    expect(p.visited).toEqual([post]);
    expect(r.success).toBe(true);
  });
  it('gitlab_get_project_memeber_role reads the role of the named member', async () => {
    const members = 'http://git.test:8023/byteblaze/dotfiles/-/project_members';
    const p = new FakePage({ [members]: { elements: {
      "td[data-label='Account'] span.gl-avatar-labeled-sublabel": [{ outerText: '@someone' }, { outerText: '@vinta' }],
      'td.col-max-role span': [{ outerText: 'Owner' }, { outerText: 'Guest' }],
    } } }, 'http://git.test:8023/');
    const t = (name: string) => htmlTask([{ url: '__GITLAB__/byteblaze/dotfiles/-/project_members',
      locator: `func:gitlab_get_project_memeber_role(__page__, '${name}')`, required_contents: { must_include: ['Guest'] } }]);
    expect((await evaluateEpisode(t('vinta'), ctx('vab-lite', { page: p }))).success).toBe(true);
    const absent = await evaluateEpisode(t('nobody'), ctx('vab-lite', { page: p }));
    expect(absent.success).toBe(false);
    expect(absent.checks[0].actual).toBe('');
  });
  it('shopping_get_latest_order_url reads the newest order from My Orders when no API credentials are given', async () => {
    const order = 'http://shop.test:7770/sales/order/view/order_id/190/';
    const p = new FakePage({
      'http://shop.test:7770/sales/order/history/': { elements: { '#my-orders-table a.action.view': [{ href: order }, { href: 'older' }] } },
      [order]: { elements: { '.order-details-items.ordered': { outerText: 'SKU B0738JQG6Q qty 1' } } },
    }, 'http://shop.test:7770/checkout/onepage/success/');
    const r = await evaluateEpisode(htmlTask([{ url: 'func:shopping_get_latest_order_url()',
      locator: 'document.querySelector(".order-details-items.ordered").outerText', required_contents: { must_include: ['B0738JQG6Q'] } }]),
    ctx('vab-lite', { page: p }));
    expect(p.visited).toEqual(['http://shop.test:7770/sales/order/history/', order]);
    expect(r.success).toBe(true);
    expect(r.checks[0].note).toContain('My Orders');
  });
});

describe('program_html profile differences', () => {
  const page = (html: string) => new FakePage({ 'http://x/': { html } }, 'http://x/');
  it('webarena HTML-unescapes the text; vab-lite does not', async () => {
    const t = htmlTask([{ url: 'last', locator: '', required_contents: { must_include: ['De Fer Coffee & Tea'] } }]);
    expect((await evaluateEpisode(t, ctx('webarena', { page: page('<li>De Fer Coffee &amp; Tea</li>') }))).success).toBe(true);
    expect((await evaluateEpisode(t, ctx('vab-lite', { page: page('<li>De Fer Coffee &amp; Tea</li>') }))).success).toBe(false);
  });
  it('vab-lite matches a single-token item as a whole token in the page; webarena as a substring', async () => {
    const t = htmlTask([{ url: 'last', locator: '', required_contents: { must_include: ['public'] } }]);
    expect((await evaluateEpisode(t, ctx('webarena', { page: page('<span>Publication date</span>') }))).success).toBe(true);
    expect((await evaluateEpisode(t, ctx('vab-lite', { page: page('<span>Publication date</span>') }))).success).toBe(false);
    expect((await evaluateEpisode(t, ctx('vab-lite', { page: page('<span>Public</span>') }))).success).toBe(true);
  });
  it('" |OR| " alternatives in page items work in both profiles', async () => {
    const t = htmlTask([{ url: 'last', locator: '', required_contents: { must_include: ['SPAAS White Taper Candles |OR| 10 Inch Tall Candles'] } }]);
    for (const p of ['webarena', 'vab-lite'] as const) {
      expect((await evaluateEpisode(t, ctx(p, { page: page('<td>10 Inch Tall Candles, Scent-Free</td>') }))).success).toBe(true);
    }
  });
  it('must_exclude and required_values on page text (vab-lite only)', async () => {
    const p = new FakePage({ 'http://x/': { elements: { '#qty': { value: '1,200' }, '#t': { outerText: 'Draft saved' } } } }, 'http://x/');
    const values = htmlTask([{ url: 'last', locator: "document.querySelector('#qty').value", required_contents: { required_values: ['>= 1000'] } }]);
    expect((await evaluateEpisode(values, ctx('vab-lite', { page: p }))).success).toBe(true);
    // The original HTMLContentEvaluator raises on a key it does not know: an error, not a score.
    await expect(evaluateEpisode(values, ctx('webarena', { page: p }))).rejects.toThrow(/required_values is understood by the vab-lite profile/);
    const excl = htmlTask([{ url: 'last', locator: "document.querySelector('#t').outerText", required_contents: { must_exclude: ['error'] } }]);
    expect((await evaluateEpisode(excl, ctx('vab-lite', { page: p }))).success).toBe(true);
  });
  it('fuzzy_match on page text: one joined call (vab-lite); webarena has no such rule and cannot score it', async () => {
    const p = new FakePage({ 'http://x/': { elements: { '#m': { value: 'Refund order 180: broke after 3 days, $12.99' } } } }, 'http://x/');
    const t = htmlTask([{ url: 'last', locator: "document.querySelector('#m').value", required_contents: { fuzzy_match: ['refund', '12.99'] } }]);
    const j1 = recordingJudge(() => 'correct');
    expect((await evaluateEpisode(t, ctx('vab-lite', { page: p, llm: j1 }))).success).toBe(true);
    expect(j1.prompts.map((x) => x.reference)).toEqual(['refund, 12.99']);
    expect(j1.prompts[0].answer).toBe('Refund order 180: broke after 3 days, $12.99');
    const j2 = recordingJudge(() => 'correct');
    await expect(evaluateEpisode(t, ctx('webarena', { page: p, llm: j2 }))).rejects.toThrow(/fuzzy_match.*the original raises/);
    expect(j2.prompts).toEqual([]);
  });
});
