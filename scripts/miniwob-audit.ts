// `npm run miniwob:audit`: for every MiniWoB++ task page of the checkout in MINIWOB_DIR, does the initial
// observation give an id to every element a person could click or type into? (docs/design/WEBARENA.md §3.1)
//
// What counts as clickable here, independently of how the observation finds them: elements with a click-type
// listener (CDP, observe-listeners.ts), the targets of jQuery-delegated click handlers, native controls
// (a[href], button, input, select, textarea, summary), contenteditable and [onclick] elements; visible ones
// only, html and body excluded. An element is covered when the observation lists it with its own id, or lists
// an ancestor or descendant whose centre click lands inside it (the click reaches its handler).
//
// Usage: see USAGE below.
import { observe } from '../main/browser/observe';
import { BrowserPool } from '../main/browser/pool';
import { markClickListeners } from '../main/browser/observe-listeners';
import { miniwobDirFromEnv, openMiniWobCheckout } from '../main/tasks/miniwob/checkout';
import { startMiniWobEpisode } from '../main/tasks/miniwob/page-protocol';
import { browsergymPageSeed } from '../main/tasks/miniwob/page-seed';
import { miniwobPagePath } from '../main/tasks/miniwob/tasks';
import { serveMiniWob } from '../main/tasks/miniwob/server';

// The audit keeps one viewport for every run so that before/after numbers compare.
const VIEWPORT = { width: 1280, height: 720 };

interface PageAudit {
  clickable: number;
  missing: string[];
  interactiveListed: number;
}

/** Runs in the page after the observation: `listed` are the mira ids the observation gave element nodes. */
const AUDIT_IN_PAGE = `(listed) => {
  const listedSet = new Set(listed.map(String));
  const visible = (el) => {
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const clickable = new Set();
  const listening = window.__miraListening;
  const all = Array.from(document.querySelectorAll('body *'));
  for (const el of all) {
    if (listening && listening.has(el)) clickable.add(el);
    if (el.matches('a[href], button, input:not([type=hidden]), select, textarea, summary, [onclick], [contenteditable]:not([contenteditable=false])')) clickable.add(el);
  }
  const $ = window.jQuery;
  if ($ && $._data) {
    for (const el of [document, ...all]) {
      const events = $._data(el, 'events') || {};
      for (const type of ['click', 'mousedown', 'mouseup', 'dblclick']) {
        // jQuery's own find: delegated selectors may be relative ("> li").
        for (const h of events[type] || []) if (h.selector) $(el).find(h.selector).each((_, t) => { clickable.add(t); });
      }
    }
  }
  const listedEls = Array.from(document.querySelectorAll('[data-mira-id]')).filter((el) => listedSet.has(el.getAttribute('data-mira-id')));
  const reaches = (from, el) => {
    const r = from.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return hit !== null && el.contains(hit);
  };
  const describe = (el) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    const text = (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 24);
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls + (text ? ' "' + text + '"' : '');
  };
  const missing = [];
  let count = 0;
  for (const el of clickable) {
    if (el === document.body || el === document.documentElement || !visible(el)) continue;
    count++;
    const id = el.getAttribute('data-mira-id');
    if (id && listedSet.has(id)) continue;
    if (listedEls.some((x) => (x.contains(el) || el.contains(x)) && reaches(x, el))) continue;
    missing.push(describe(el));
  }
  return { clickable: count, missing };
}`;

const USAGE = 'Usage: MINIWOB_DIR=<checkout> npm run miniwob:audit [-- --seed 1] [-- task-name …]';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // A full audit takes minutes: asking for help, or a flag it does not know, must not start one.
  if (args.includes('--help') || args.includes('-h')) return void console.log(USAGE);
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--seed');
  if (unknown.length) throw new Error(`Unknown option ${unknown.join(', ')}. ${USAGE}`);
  const dir = miniwobDirFromEnv();
  if (!dir) throw new Error('Set MINIWOB_DIR to a miniwob-plusplus checkout.');
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
  const only = args.filter((a, i) => !a.startsWith('--') && (seedAt < 0 || i !== seedAt + 1));
  const checkout = await openMiniWobCheckout(dir);
  const server = await serveMiniWob(checkout.htmlDir);
  const pool = new BrowserPool({ maxContexts: 1 });
  // The 130 task pages by default (the flight.* pages put the site in an iframe, which observations do not enter).
  const tasks = only.length ? checkout.tasks.filter((t) => only.includes(t)) : checkout.tasks.filter((t) => !t.startsWith('flight.'));
  const results = new Map<string, PageAudit | { error: string }>();
  try {
    for (const task of tasks) {
      const session = await pool.newSession({ viewport: VIEWPORT });
      try {
        await session.page.goto(`${server.baseUrl}/${miniwobPagePath(task)}`, { timeout: 30_000 });
        // The page seed an episode with this seed gets (BrowserGym's rule), so the audit sees the same instance.
        await startMiniWobEpisode(session.page, browsergymPageSeed(seed));
        const observation = await observe(session, { screenshot: false });
        const listed = observation.nodes.filter((n) => n.role !== 'StaticText' && n.targetId === n.id).map((n) => n.id);
        // The audit's own listener reading, in case the observation does not read listeners itself.
        await markClickListeners(session.page);
        const audit = (await session.page.evaluate(`(${AUDIT_IN_PAGE})(${JSON.stringify(listed)})`)) as Omit<PageAudit, 'interactiveListed'>;
        results.set(task, { ...audit, interactiveListed: observation.nodes.filter((n) => n.interactive).length });
      } catch (err) {
        results.set(task, { error: err instanceof Error ? err.message.split('\n')[0] : String(err) });
      } finally {
        await session.close();
      }
    }
  } finally {
    await pool.close();
    await server.close();
  }
  report(results, seed);
}

function report(results: Map<string, PageAudit | { error: string }>, seed: number): void {
  let complete = 0;
  let noInteractive = 0;
  let clickable = 0;
  let missing = 0;
  let errors = 0;
  for (const [task, r] of results) {
    if ('error' in r) {
      errors++;
      console.log(`${task}: ERROR ${r.error}`);
      continue;
    }
    clickable += r.clickable;
    missing += r.missing.length;
    if (r.missing.length === 0) complete++;
    if (r.interactiveListed === 0) noInteractive++;
    const head = `${task}: ${r.clickable - r.missing.length}/${r.clickable} clickable listed, ${r.interactiveListed} interactive nodes`;
    console.log(r.missing.length ? `${head}; missing: ${r.missing.slice(0, 8).join(', ')}${r.missing.length > 8 ? ` … (+${r.missing.length - 8})` : ''}` : head);
  }
  console.log('');
  console.log(`seed ${seed} (page seed ${browsergymPageSeed(seed)}), viewport ${VIEWPORT.width}×${VIEWPORT.height}`);
  console.log(`tasks whose initial observation lists every clickable element: ${complete} of ${results.size}`);
  console.log(`tasks with no interactive node at the start: ${noInteractive} of ${results.size}`);
  console.log(`clickable elements: ${clickable}, without an id: ${missing}; pages that failed: ${errors}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
