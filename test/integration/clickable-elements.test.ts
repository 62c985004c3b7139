import { describe, expect, it } from 'vitest';
import { ActionError } from '../../main/actions/errors';
import { executeAction } from '../../main/actions/executor';
import type { Observation } from '../../main/browser/observation-types';
import { observe } from '../../main/browser/observe';
import { useBrowserSession } from '../helpers/shared-browser';

// Issue 20: every element a person could click or type into gets an id (docs/design/WEBARENA.md §3.1), a click
// on text acts on the text's own element, a click that lands on something else says so, and `type` presses
// real keys where the page listens for them.
const browser = useBrowserSession();

const CLICKABLES = `<!DOCTYPE html><title>Clickables</title>
<style>.icon { display: inline-block; width: 16px; height: 16px; background: #c33; } .pointer { cursor: pointer; }</style>
<body>
  <p>Inbox <span id="listener">Archive</span></p>
  <span class="icon trash" id="icon"></span>
  <div onclick="window.hits.push('onclick')">Old-style handler</div>
  <div class="pointer" id="pointer">Pointer only <b>inside</b></div>
  <div tabindex="0" id="tabbable">Focusable panel</div>
  <a id="nohref">Link without href</a>
  <div contenteditable="true" id="editor">Draft</div>
  <svg width="40" height="40"><circle id="shape" cx="20" cy="20" r="15" class="pointer"></circle></svg>
  <p id="plain">Just text with <i id="em">emphasis</i> in it</p>
</body>
<script>
  window.hits = [];
  window.targets = [];
  for (const id of ['listener', 'icon', 'pointer', 'tabbable', 'nohref', 'shape']) {
    document.getElementById(id).addEventListener('click', () => window.hits.push(id));
  }
  // On the document, so that the paragraph and its <i> stay plain text (no listener of their own).
  document.addEventListener('click', (e) => window.targets.push(e.target.id || e.target.tagName));
</script>`;

const node = (obs: Observation, pred: (n: Observation['nodes'][number]) => boolean, what: string) => {
  const found = obs.nodes.find(pred);
  if (!found) throw new Error(`no ${what} in\n${obs.text}`);
  return found;
};
const hits = () => browser.session.page.evaluate(() => (window as unknown as { hits: string[] }).hits.splice(0));

describe('elements without a role that a person can click', () => {
  it('each gets its own interactive node, listed as clickable', async () => {
    await browser.session.page.setContent(CLICKABLES);
    const obs = await observe(browser.session);
    const byName = (name: string) => node(obs, (n) => n.name === name && n.role !== 'StaticText', `node "${name}"`);
    // Named by their own text: a span with a listener, an onclick div, a pointer div, <a> without href.
    for (const name of ['Archive', 'Old-style handler', 'Pointer only inside', 'Focusable panel', 'Link without href']) {
      expect(byName(name)).toMatchObject({ role: 'generic', interactive: true, props: { clickable: 'true' } });
    }
    // An icon with no role and no text: listed with its class names as the hint.
    expect(node(obs, (n) => n.props.class === 'icon trash', 'the icon')).toMatchObject({ role: 'generic', name: '', interactive: true });
    expect(node(obs, (n) => n.role === 'textbox' && n.props.value === 'Draft', 'the contenteditable')).toMatchObject({ interactive: true });
    expect(obs.text).toMatch(/\[\d+\] generic 'Archive' clickable: true/);
    // Every clickable has a box for set-of-marks; the plain text has no node of its own but a target.
    expect(obs.boxes.length).toBeGreaterThanOrEqual(8);
    expect(obs.nodes.some((n) => n.interactive && n.name === 'emphasis')).toBe(false);
  });

  it('clicking each id reaches its handler on its own element', async () => {
    await browser.session.page.setContent(CLICKABLES);
    const obs = await observe(browser.session);
    const icon = node(obs, (n) => n.props.class === 'icon trash', 'the icon');
    const shape = node(obs, (n) => n.props.class === 'pointer' && n.box !== null && n.box.width === 30, 'the circle');
    for (const n of [node(obs, (x) => x.name === 'Archive', 'Archive'), icon, shape, node(obs, (x) => x.name === 'Old-style handler', 'onclick')]) {
      await executeAction({ type: 'click', elementId: n.id }, browser.session);
    }
    expect(await hits()).toEqual(['listener', 'icon', 'shape', 'onclick']);
  });

  it('a click on text acts on the element that holds the text, not on the nearest ancestor with a role', async () => {
    await browser.session.page.setContent(CLICKABLES);
    const obs = await observe(browser.session);
    const emphasis = node(obs, (n) => n.role === 'StaticText' && n.name === 'emphasis', 'the text "emphasis"');
    const body = await browser.session.page.evaluate(() => document.body.getAttribute('data-mira-id'));
    expect(emphasis.targetId).not.toBe(body);
    const [paragraph, em] = await browser.session.page.evaluate(() => ['plain', 'em'].map((id) => document.getElementById(id)!.getAttribute('data-mira-id')));
    expect(emphasis.targetId).not.toBe(paragraph);
    expect(emphasis.targetId).toBe(em);
    await executeAction({ type: 'click', elementId: emphasis.id }, browser.session);
    expect(await browser.session.page.evaluate(() => (window as unknown as { targets: string[] }).targets)).toEqual(['em']);
  });
});

describe('a click that lands on another element', () => {
  it('is recorded as such: the covering element gets the click and the action error names it', async () => {
    await browser.session.page.setContent(`<button id="under" onclick="window.hits.push('button')">Save</button>
      <div id="overlay" style="position:fixed;inset:0;background:rgba(0,0,0,.3)" onclick="window.hits.push('overlay')">Loading…</div>
      <script>window.hits = [];</script>`);
    const obs = await observe(browser.session);
    const save = node(obs, (n) => n.role === 'button' && n.name === 'Save', 'Save');
    const error = await executeAction({ type: 'click', elementId: save.id }, browser.session).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).message).toMatch(new RegExp(`^The click on \\[${save.id}\\] landed on div#overlay "Loading…" \\(in \\[\\d+\\]\\) at \\(\\d+, \\d+\\), which covers it`));
    expect(await hits()).toEqual(['overlay']);
  });

  it('is checked once the pointer resting on it took effect: a hover card drawn in the next frame gets the click', async () => {
    await browser.session.page.setContent(`<button id="under" onclick="window.hits.push('button')">Save</button>
      <script>window.hits = [];
        document.getElementById('under').addEventListener('mouseenter', () => requestAnimationFrame(() => {
          const card = document.createElement('div');
          card.id = 'card';
          card.style.cssText = 'position:fixed;inset:0;background:#fff';
          card.textContent = 'Hover card';
          card.onclick = () => window.hits.push('card');
          document.body.append(card);
        }));
      </script>`);
    const obs = await observe(browser.session);
    const save = node(obs, (n) => n.role === 'button' && n.name === 'Save', 'Save');
    const error = await executeAction({ type: 'click', elementId: save.id }, browser.session).then(() => null, (e: unknown) => e);
    expect((error as ActionError).message).toMatch(new RegExp(`^The click on \\[${save.id}\\] landed on div#card "Hover card"`));
    expect(await hits()).toEqual(['card']);
  });
});

describe('type on a page that listens for keys', () => {
  const page = `<input id="counted" aria-label="Counted"><input id="quiet" aria-label="Quiet">
    <script>window.keydowns = 0; document.getElementById('counted').addEventListener('keydown', () => window.keydowns++);</script>`;
  it('presses every key where a listener waits for them, and the value is the text', async () => {
    await browser.session.page.setContent(page);
    const obs = await observe(browser.session);
    const counted = node(obs, (n) => n.name === 'Counted', 'Counted');
    await browser.session.page.fill('#counted', 'stale');
    await executeAction({ type: 'type', elementId: counted.id, text: 'hello', pressEnter: false }, browser.session);
    expect(await browser.session.page.evaluate(() => [(window as unknown as { keydowns: number }).keydowns, (document.getElementById('counted') as HTMLInputElement).value])).toEqual([5, 'hello']);
    // With Enter after, one more keydown.
    await executeAction({ type: 'type', elementId: counted.id, text: 'ab' }, browser.session);
    expect(await browser.session.page.evaluate(() => (window as unknown as { keydowns: number }).keydowns)).toBe(5 + 3);
  });
  it('a listener on the document counts too; a page without one gets a plain fill', async () => {
    await browser.session.page.setContent(`<input aria-label="Cmd"><script>window.keys = []; document.addEventListener('keydown', (e) => window.keys.push(e.key));</script>`);
    const obs = await observe(browser.session);
    await executeAction({ type: 'type', elementId: node(obs, (n) => n.name === 'Cmd', 'Cmd').id, text: 'ls', pressEnter: true }, browser.session);
    expect(await browser.session.page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual(['l', 's', 'Enter']);

    await browser.session.page.setContent(page);
    const quiet = node(await observe(browser.session), (n) => n.name === 'Quiet', 'Quiet');
    await executeAction({ type: 'type', elementId: quiet.id, text: 'filled', pressEnter: false }, browser.session);
    expect(await browser.session.page.inputValue('#quiet')).toBe('filled');
  });
});
