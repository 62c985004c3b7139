import { describe, expect, it } from 'vitest';
import { ActionError } from '../../main/actions/errors';
import { executeAction } from '../../main/actions/executor';
import type { Observation } from '../../main/browser/observation-types';
import { observe } from '../../main/browser/observe';
import { useBrowserSession } from '../helpers/shared-browser';

// A click is pressed with the mouse at the point the executor checked (actions/landing.ts), not through
// Playwright's actionability waits (issue 22): the element is found by its id,
// brought into view when it is not wholly there (also inside a scrolled list, also on a page that scrolls
// smoothly), and a click on a disabled control is made and recorded as ignored instead of waiting for it.
const browser = useBrowserSession();

const byName = (obs: Observation, role: string, name: string) => {
  const found = obs.nodes.find((n) => n.role === role && n.name === name);
  if (!found) throw new Error(`no ${role} "${name}" in\n${obs.text}`);
  return found;
};
/** Clicks the node and returns the action error's message, or null when the click went as asked. */
const click = (id: string) =>
  executeAction({ type: 'click', elementId: id }, browser.session).then(() => null, (e: unknown) => {
    if (!(e instanceof ActionError)) throw e;
    return e.message;
  });
const pageValue = <T>(expression: string) => browser.session.page.evaluate(expression) as Promise<T>;

describe('a click pressed at the checked point', () => {
  it('reaches the element with a real press at the centre of its box: mousedown, mouseup, click, all trusted', async () => {
    await browser.session.page.setContent(`<button id="b" style="position:absolute;left:100px;top:50px;width:80px;height:40px">Go</button>
      <script>window.events = [];
        for (const type of ['mousemove', 'mousedown', 'mouseup', 'click']) document.getElementById('b').addEventListener(type, (e) =>
          window.events.push(type === 'mousemove' ? 'move' : \`\${type} \${e.clientX},\${e.clientY} \${e.isTrusted}\`));
      </script>`);
    const go = byName(await observe(browser.session), 'button', 'Go');
    expect(await click(go.id)).toBeNull();
    const events = (await pageValue<string[]>('window.events')).filter((e) => e !== 'move');
    expect(events).toEqual(['mousedown 140,70 true', 'mouseup 140,70 true', 'click 140,70 true']);
  });

  it('scrolls an element below the fold to the middle of the viewport first, also on a page that scrolls smoothly', async () => {
    await browser.session.page.setContent(`<style>html { scroll-behavior: smooth }</style>
      <div style="height:3000px">Top</div><button onclick="window.clicked = true">Far down</button><div style="height:3000px"></div>`);
    const far = byName(await observe(browser.session), 'button', 'Far down');
    expect(await click(far.id)).toBeNull();
    expect(await pageValue<boolean>('window.clicked === true')).toBe(true);
    const top = await pageValue<number>('document.querySelector("button").getBoundingClientRect().top');
    const height = await pageValue<number>('innerHeight');
    expect(Math.abs(top - height / 2)).toBeLessThan(height / 4); // centred, not just nudged to the edge
  });

  it('scrolls a clipped item of a scrolled list into view instead of clicking whatever is over its place', async () => {
    await browser.session.page.setContent(`<div id="list" style="height:100px;overflow:auto;border:1px solid">
        ${Array.from({ length: 30 }, (_, i) => `<div role="option" aria-selected="false" style="height:30px" onclick="window.picked = ${i}">Item ${i}</div>`).join('')}
      </div><div style="height:800px">Below the list</div>`);
    const item = byName(await observe(browser.session), 'option', 'Item 20');
    expect(await click(item.id)).toBeNull();
    expect(await pageValue<number>('window.picked')).toBe(20);
  });
});

describe('a click the page does not take', () => {
  it('on a disabled button is made, does nothing, and the step says the browser ignored it', async () => {
    await browser.session.page.setContent(`<button disabled onclick="window.clicked = true">Submit order</button><script>window.clicked = false</script>`);
    const submit = byName(await observe(browser.session), 'button', 'Submit order');
    const message = await click(submit.id);
    expect(message).toMatch(new RegExp(`^\\[${submit.id}\\] is disabled: the click at \\(\\d+, \\d+\\) landed on it, and the browser ignores clicks on a disabled control\\.$`));
    expect(await pageValue<boolean>('window.clicked === true')).toBe(false);
  });

  it('on a control inside a disabled fieldset is recorded the same way', async () => {
    await browser.session.page.setContent(`<fieldset disabled><input type="checkbox" aria-label="Subscribe"></fieldset>`);
    const box = byName(await observe(browser.session), 'checkbox', 'Subscribe');
    expect(await click(box.id)).toMatch(/is disabled: the click at/);
    expect(await pageValue<boolean>('document.querySelector("input").checked')).toBe(false);
  });

  it('on an element that the pointer resting on it removed is a stale id, and nothing is pressed', async () => {
    await browser.session.page.mouse.move(600, 600); // away from where the button appears (the last test's click point)
    await browser.session.page.setContent(`<script>window.clicked = false</script><button id="b" onclick="window.clicked = true">Vanishing</button>
      <script>document.getElementById('b').addEventListener('mouseenter', (e) => e.target.remove());</script>`);
    const gone = byName(await observe(browser.session), 'button', 'Vanishing');
    const message = await click(gone.id);
    expect(message).toBe(`Element [${gone.id}] is no longer on the page.`);
    expect(await pageValue<boolean>('window.clicked === true')).toBe(false);
  });

  it('on an element that left the page since the observation is a stale id', async () => {
    await browser.session.page.setContent(`<button>Old</button>`);
    const old = byName(await observe(browser.session), 'button', 'Old');
    await browser.session.page.evaluate('document.querySelector("button").remove()');
    expect(await click(old.id)).toBe(`Element [${old.id}] is no longer on the page.`);
  });
});
