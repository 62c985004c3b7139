import { describe, expect, it } from 'vitest';
import { executeAction } from '../../main/actions/executor';
import { observe } from '../../main/browser/observe';
import { useLoopback, useSession } from '../helpers/fixture-pages';

// Event-based settling (issue 22; main/browser/settle.ts): after an action the step waits for what the action
// set off — a navigation that starts a moment after the click and whose page answers slowly, a fetch whose
// answer redraws the page — so the next observation shows the effect. Real Chromium, a loopback server whose
// slow answers are slower than any fixed sleep the executor ever used.

const SLOW_MS = 400;
const PAGES: Record<string, string> = {
  '/start': `<title>Start</title>
    <button onclick="setTimeout(() => { location.href = '/next'; }, 5)">Go later</button>
    <button onclick="fetch('/slow-data').then((r) => r.text()).then((t) => { document.querySelector('#out').textContent = t; })">Load data</button>
    <button onclick="let n = 0; setInterval(() => { document.querySelector('#out').textContent = 'tick ' + (++n); }, 5)">Tick forever</button>
    <p id="out">nothing yet</p>`,
  '/next': '<title>Next page</title><h1>Arrived</h1>',
};

const site = useLoopback((req, res) => {
  const path = req.url ?? '/';
  const answer = () => {
    if (path === '/slow-data') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('fresh data');
    const page = PAGES[path];
    if (!page) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  };
  if (path === '/next' || path === '/slow-data') setTimeout(answer, SLOW_MS);
  else answer();
});
const tab = useSession();

async function clickButton(name: string): Promise<void> {
  const obs = await observe(tab.session, { screenshot: false });
  const button = obs.nodes.find((n) => n.role === 'button' && n.name === name);
  if (!button) throw new Error(`no button "${name}" in\n${obs.text}`);
  await executeAction({ type: 'click', elementId: button.id }, tab.session);
}

describe('settling after an action', () => {
  it('waits for a navigation that a click starts a moment later, until the slow page has loaded', async () => {
    await tab.session.page.goto(`${site.url}/start`);
    await clickButton('Go later');
    expect(tab.session.page.url()).toBe(`${site.url}/next`);
    const obs = await observe(tab.session, { screenshot: false });
    expect(obs.title).toBe('Next page');
    expect(obs.text).toContain("heading 'Arrived'");
  });

  it("waits for a request the click sent and for the page's redraw with its answer", async () => {
    await tab.session.page.goto(`${site.url}/start`);
    await clickButton('Load data');
    expect(await tab.session.page.textContent('#out')).toBe('fresh data');
  });

  it('ends the step on a page whose DOM never rests (the quiet wait is capped)', async () => {
    await tab.session.page.goto(`${site.url}/start`);
    await clickButton('Tick forever');
    expect(await tab.session.page.textContent('#out')).toMatch(/^tick \d+$/);
  });
});
