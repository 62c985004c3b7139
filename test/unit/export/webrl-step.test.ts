import { describe, expect, it } from 'vitest';
import type { Action, StepRecord } from '../../../main/api/types';
import type { Store } from '../../../main/store';
import { webrlStep } from '../../../main/training/export/webrl-trajectories';

// One stored step in WebRL's terms (issue 23): the raw reply when the policy read WebRL's HTML and wrote its
// grammar, else the action re-rendered with the HTML's ids; or why WebRL cannot express the step.
// A stored WebRL view: VisualAgentBench's one-line simplified HTML (render-webrl-html.ts).
const HTML = '<html data-bbox="0,0,1280,720"> <body data-bbox="0,0,1280,720"> <input id="0" title="Search" data-bbox="10,10,200,20"> </input> <button id="1" data-text="Go" data-bbox="220,10,40,20"> Go </button> </body> </html>';
const blobs: Record<string, string> = { html: HTML, ids: JSON.stringify({ 0: 'n10', 1: 'n11' }), reply: 'I search first.\ndo(action="Search", argument="boots", element="0")', ax: '[n10] searchbox' };
const store = { blobs: { getText: async (ref: string) => { if (!(ref in blobs)) throw new Error('gone'); return blobs[ref]; } } } as unknown as Store;

function step(action: Action | null, policyFormat: 'axtree' | 'webrl-html' = 'axtree', extra: Partial<StepRecord> = {}): StepRecord {
  return {
    episodeId: 'e', t: 1, url: 'http://x/', observationRef: 'ax', screenshotRef: null, promptRef: null, responseRef: 'reply',
    action, actionText: '', actionError: null, targetBox: null, progress: null, value: null, potential: null, latencyMs: 0,
    timings: { observeMs: 0, policyMs: 0, actMs: 0, storeMs: 0 },
    views: {
      policy: policyFormat === 'webrl-html' ? { format: 'webrl-html', textRef: 'html', idsRef: 'ids' } : { format: 'axtree', textRef: 'ax', idsRef: null },
      webrl: { format: 'webrl-html', textRef: 'html', idsRef: 'ids' },
    },
    ...extra,
  };
}

describe('webrlStep', () => {
  it('keeps the raw reply of a policy that read the WebRL HTML, with the placeholder as the past-round prompt', async () => {
    expect(await webrlStep(store, step({ type: 'type', elementId: 'n10', text: 'boots', pressEnter: true }, 'webrl-html'), 'Buy boots')).toEqual({
      prompt: '** Simplified html **', response: blobs.reply, call: 'do(action="Search", argument="boots", element="0")', html: HTML,
    });
  });

  it("re-renders an AX-tree policy's action with the HTML's sequential id; typing without a flag presses Enter (Search)", async () => {
    expect(await webrlStep(store, step({ type: 'click', elementId: 'n11' }), 'x')).toMatchObject({ response: 'do(action="Click", element="1")' });
    expect(await webrlStep(store, step({ type: 'type', elementId: 'n10', text: 'a' }), 'x')).toMatchObject({ response: 'do(action="Search", argument="a", element="0")' });
    expect(await webrlStep(store, step({ type: 'type', elementId: 'n10', text: 'a', pressEnter: false }), 'x')).toMatchObject({ response: 'do(action="Type", argument="a", element="0")' });
    expect(await webrlStep(store, step({ type: 'stop', text: '42' }, 'axtree', { t: 0 }), 'x')).toMatchObject({ prompt: 'x', response: 'exit(message="42")' });
  });

  it('says why WebRL cannot express a step', async () => {
    expect(await webrlStep(store, step(null, 'axtree', { actionError: 'no call' }), 'x')).toBe('no parsed action (no call)');
    expect(await webrlStep(store, step({ type: 'noop' }), 'x')).toMatch(/^a Wait/);
    expect(await webrlStep(store, step({ type: 'click', elementId: 'n99' }), 'x')).toBe("element n99 has no id in WebRL's HTML (it numbers only what it finds clickable in the viewport)");
    expect(await webrlStep(store, step({ type: 'press', key: 'Tab' }), 'x')).toBe('WebRL can only press Enter, not Tab.');
    expect(await webrlStep(store, step({ type: 'click', elementId: 'n11' }, 'axtree', { views: null }), 'x')).toBe('no stored WebRL view (recorded before views were stored)');
    const gone = step({ type: 'click', elementId: 'n11' });
    gone.views!.webrl = { format: 'webrl-html', textRef: 'missing', idsRef: 'ids' };
    expect(await webrlStep(store, gone, 'x')).toBe('its WebRL HTML blob is missing');
  });

  it('names a damaged id map instead of ending the whole export on a bare JSON error', async () => {
    // Before the fix JSON.parse threw "Expected double-quoted property name in JSON at position 12" out of
    // the export, after its output file had been truncated.
    const damaged = { truncated: '{"0": "n10", trunc', list: '["n10"]', numbers: '{"0": 10}' };
    Object.assign(blobs, damaged);
    for (const ref of Object.keys(damaged)) {
      const s = step({ type: 'click', elementId: 'n10' });
      s.views!.webrl = { format: 'webrl-html', textRef: 'html', idsRef: ref };
      expect(await webrlStep(store, s, 'x')).toBe(`its WebRL id map blob ${ref} is damaged (not a JSON object of WebRL id → node id)`);
    }
    const lost = step({ type: 'click', elementId: 'n10' });
    lost.views!.webrl = { format: 'webrl-html', textRef: 'html', idsRef: 'missing' };
    expect(await webrlStep(store, lost, 'x')).toBe('its WebRL id map blob is missing');
  });
});
