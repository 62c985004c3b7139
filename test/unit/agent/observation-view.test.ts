import { encode } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { ActionError } from '../../../main/actions/errors';
import { isObservationFormat, presentObservation } from '../../../main/agent/observation-view';
import type { Observation, ObservedNode } from '../../../main/browser/observation-types';

// The observation format is a policy setting (docs/design/WEBARENA.md §3); every format comes from the same
// extraction, and only WebRL's HTML ids need mapping back before an action executes.
const node = (id: string, role: string, name: string, box: ObservedNode['box']): ObservedNode => ({
  id, role, name, depth: 0, props: {}, box, targetId: id, interactive: role !== 'StaticText',
});
const NODES = [
  node('31', 'link', 'Home', { x: 10, y: 10, width: 50, height: 20 }),
  node('32', 'StaticText', 'Hello', null),
  node('47', 'button', 'Buy', { x: 10, y: 50, width: 50, height: 20 }),
];
const SCREENSHOT = Buffer.from(encode({ width: 100, height: 80, data: new Uint8Array(100 * 80 * 4).fill(255) }, 60).data);
const OBSERVATION: Observation = {
  url: 'http://x/', title: 'X', tabs: [], nodes: NODES, text: "RootWebArea 'X'\n\t[31] link 'Home'", screenshot: SCREENSHOT,
  viewport: { width: 100, height: 80 }, boxes: [{ id: '31', ...NODES[0].box! }, { id: '47', ...NODES[2].box! }],
  timings: { extractMs: 1, screenshotMs: 1 },
  // The page as WebRL's HTML sees it (render-webrl-html.ts): its link is label 0, its button label 1.
  webrl: {
    root: {
      tag: 'body', text: '', attrs: [['data-bbox', '0,0,100,80']], ariaHidden: false, label: null, textBelow: 0, children: [
        { tag: 'a', text: 'Home', attrs: [['data-text', 'Home'], ['data-bbox', '10,10,50,20']], ariaHidden: false, label: 0, textBelow: 0, children: [] },
        { tag: 'button', text: 'Buy', attrs: [['data-text', 'Buy'], ['data-bbox', '10,50,50,20']], ariaHidden: false, label: 1, textBelow: 0, children: [] },
      ],
    },
    viewport: { width: 100, height: 80 },
    labelTargets: [[31], [47]],
  },
};

describe('presentObservation', () => {
  it('axtree (the default) is the observation as it is, ids unchanged', () => {
    const view = presentObservation(OBSERVATION);
    expect(view).toMatchObject({ format: 'axtree', text: OBSERVATION.text, screenshot: SCREENSHOT });
    expect(view.idFor('47')).toBe('47');
    expect(view.idFor('999')).toBeUndefined();
    expect(view.toExecutable({ type: 'click', elementId: '47' })).toEqual({ type: 'click', elementId: '47' });
  });

  it('webrl-html numbers elements from 0 and maps a written id back to ours', () => {
    const view = presentObservation(OBSERVATION, 'webrl-html');
    expect(view.text).toContain('<button id="1" data-text="Buy" data-bbox="10,50,50,20"> Buy </button>');
    expect(view.idFor('47')).toBe('1');
    expect(view.toExecutable({ type: 'type', elementId: '1', text: 'x', pressEnter: false })).toEqual({ type: 'type', elementId: '47', text: 'x', pressEnter: false });
    expect(view.toExecutable({ type: 'scroll', direction: 'down' })).toEqual({ type: 'scroll', direction: 'down' });
    const error = (() => { try { view.toExecutable({ type: 'click', elementId: '47' }); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(ActionError);
    expect(error).toMatchObject({ kind: 'stale_id', message: 'There is no element with id="47" in the page\'s HTML.' });
  });

  it('som marks the screenshot and lists the marked elements, keeping our ids', () => {
    const view = presentObservation(OBSERVATION, 'som');
    expect(view.text).toBe("[31] link 'Home'\n[47] button 'Buy'");
    expect(view.screenshot!.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(view.screenshot!.equals(SCREENSHOT)).toBe(false);
    expect(view.idFor('31')).toBe('31');
    expect(view.renderMs).toBeGreaterThan(0);
  });

  it('knows its formats', () => {
    expect(['axtree', 'webrl-html', 'som', 'html'].map(isObservationFormat)).toEqual([true, true, true, false]);
    expect(() => presentObservation(OBSERVATION, 'html' as never)).toThrow('Unknown observation format "html"');
  });
});
