import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateEpisode } from '../../main/eval/evaluate';
import { useLoopback } from '../helpers/fixture-pages';
import { connectBrowser } from '../helpers/shared-browser';

// program_html against a real Chromium page: Playwright's Page is passed where a PageLike is wanted, and
// the evaluator's wrapped expressions, navigation and helpers run in a real browser.

const PAGES: Record<string, string> = {
  '/f/books/124260/': `<div class="submission__inner"><h1>Is car necessary in NYC?</h1>
    <a href="/img/bd8bc5f4.jpg">pic</a></div>`,
  '/f/books/124260/slug/-/comment/5': '<p>a comment</p>',
  '/members': `<table>
    <tr><td data-label="Account"><span class="gl-avatar-labeled-sublabel">@someone</span></td><td class="col-max-role"><span>Owner</span></td></tr>
    <tr><td data-label="Account"><span class="gl-avatar-labeled-sublabel">@vinta</span></td><td class="col-max-role"><span>Guest</span></td></tr>
  </table>`,
  '/cart': '<ul><li>De Fer Coffee &amp; Tea</li></ul><input id="qty" value="1,200"><button id="b" onclick="document.getElementById(\'qty\').value=\'3\'">b</button>',
  // Rendered by script after load, like GitLab's Vue pages.
  '/late': '<div id="box"></div><script>setTimeout(() => { document.getElementById("box").textContent = "rendered late"; }, 1000);</script>',
};

const site = useLoopback((req, res) => {
  const body = PAGES[new URL(req.url ?? '/', 'http://x').pathname];
  res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body ? `<!doctype html><html><body>${body}</body></html>` : 'not found');
});
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await connectBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

const ctx = (over: Record<string, unknown> = {}) => ({
  answer: null, finalUrl: page.url(), profile: 'vab-lite' as const, page, settleMs: 0,
  placeholders: (s: string) => s.replaceAll('__REDDIT__', site.url).replaceAll('__GITLAB__', site.url).replaceAll('__SHOPPING__', site.url),
  ...over,
});
const htmlTask = (program_html: unknown[]) => ({ task_id: 1, intent: 'x', eval: { eval_types: ['program_html'], program_html } });

describe('program_html in real Chromium', () => {
  it('follows func:reddit_get_post_url from the page the agent ended on and reads JS locators', async () => {
    await page.goto(`${site.url}/f/books/124260/slug/-/comment/5`);
    const r = await evaluateEpisode(htmlTask([
      { url: "func:reddit_get_post_url('__last_url__')", locator: "document.querySelector('.submission__inner').outerText",
        required_contents: { must_include: ['is car necessary in NYC'] } },
      { url: 'last', locator: "[...document.querySelector('.submission__inner').querySelectorAll('[href],[src]')].map(elem => elem.getAttribute('href') || elem.getAttribute('src')).join(' ')",
        required_contents: { must_include: ['bd8bc5f4.jpg'] } },
    ]), ctx({ profile: 'webarena' }));
    expect(page.url()).toBe(`${site.url}/f/books/124260/`);
    expect(r.checks.map((c) => c.passed)).toEqual([true, true]);
    expect(r.success).toBe(true);
  });

  it('vab-lite matches a one-token item as a whole token or a "/"-separated part of one (VAB splits tokens on "/")', async () => {
    const href = (item: string) => htmlTask([{ url: 'last', locator: "document.querySelector('.submission__inner a').getAttribute('href')",
      required_contents: { must_include: [item] } }]);
    // The token "/img/bd8bc5f4.jpg" adds its parts "", "img" and "bd8bc5f4.jpg".
    expect((await evaluateEpisode(href('bd8bc5f4.jpg'), ctx())).checks[0]).toMatchObject({ passed: true, actual: '/img/bd8bc5f4.jpg', rule: 'program_html[0] must_include (whole-token)' });
    expect((await evaluateEpisode(href('bd8bc5f4'), ctx())).checks[0]).toMatchObject({ passed: false });
  });

  it('turns a throwing locator into an explained failed check', async () => {
    const r = await evaluateEpisode(htmlTask([
      { url: '__REDDIT__/cart', locator: "document.querySelector('.nope').outerText", required_contents: { exact_match: 'x' } },
    ]), ctx());
    expect(r.success).toBe(false);
    expect(r.checks[0].actual).toBe('');
    expect(r.checks[0].note).toMatch(/locator threw \(.+\)/);
  });

  it('reads the whole page HTML, unescaping it only under the webarena profile', async () => {
    const t = htmlTask([{ url: '__SHOPPING__/cart', locator: '', required_contents: { must_include: ['De Fer Coffee & Tea'] } }]);
    expect((await evaluateEpisode(t, ctx({ profile: 'webarena' }))).success).toBe(true);
    expect((await evaluateEpisode(t, ctx({ profile: 'vab-lite' }))).success).toBe(false);
  });

  it('runs prep_actions, then compares numbers (required_values)', async () => {
    const t = (prep: string[]) => htmlTask([{ url: '__SHOPPING__/cart', locator: "document.querySelector('#qty').value", prep_actions: prep,
      required_contents: { required_values: ['>= 1000'] } }]);
    expect((await evaluateEpisode(t([]), ctx())).success).toBe(true);
    expect((await evaluateEpisode(t(["document.querySelector('#b').click()"]), ctx())).success).toBe(false);
  });

  it('reads a GitLab member role with the helper', async () => {
    const r = await evaluateEpisode(htmlTask([{ url: '__GITLAB__/members', locator: "func:gitlab_get_project_memeber_role(__page__, 'vinta')",
      required_contents: { must_include: ['Guest'] } }]), ctx());
    expect(r.success).toBe(true);
    expect(r.checks[0].actual).toBe('guest');
  });

  it('waits settleMs after navigating so late-rendered content is read', async () => {
    const t = htmlTask([{ url: '__GITLAB__/late', locator: "document.querySelector('#box').textContent", required_contents: { exact_match: 'rendered late' } }]);
    expect((await evaluateEpisode(t, ctx({ settleMs: 0 }))).success).toBe(false);
    expect((await evaluateEpisode(t, ctx({ settleMs: 1500 }))).success).toBe(true);
  });
});
