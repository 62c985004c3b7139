import { describe, expect, it } from 'vitest';
import { executeAction } from '../../main/actions/executor';
import type { Action } from '../../main/api/types';
import type { BrowserSession } from '../../main/browser/session';

// After an action the executor waits for the page to settle on events (browser/settle.ts: the DOM quiet in the
// page, a navigation it started, the page's own requests), never for a fixed time; stop and noop change
// nothing, so they end the step at once (issue 22). A recording stand-in for the page shows which waits each
// action asks for; test/integration/settle-events.test.ts shows them working in Chromium.
function recordingSession() {
  const waits: string[] = [];
  const listeners = new Map<string, Set<unknown>>();
  const page = {
    on: (event: string, fn: unknown) => void (listeners.get(event) ?? listeners.set(event, new Set()).get(event)!).add(fn),
    off: (event: string, fn: unknown) => void listeners.get(event)?.delete(fn),
    mainFrame: () => null,
    keyboard: { press: async (key: string) => void waits.push(`press ${key}`) },
    // A function is the click's landing check (actions/landing.ts); sources are the settle waits.
    evaluate: async (source: string | (() => unknown)) => {
      if (typeof source === 'function') {
        waits.push('landing check');
        return landing;
      }
      waits.push(source.includes('"afterFrame":true') ? 'frame, then dom quiet' : source.includes('MutationObserver') ? 'dom quiet' : 'evaluate');
    },
    mouse: {
      move: async () => void waits.push('pointer on element'),
      click: async (x: number, y: number) => void waits.push(`click at (${x}, ${y})`),
    },
    waitForTimeout: async (ms: number) => void waits.push(`timeout ${ms}`),
    waitForEvent: async (name: string) => void waits.push(`event ${name}`),
    waitForLoadState: async (state: string) => void waits.push(`load state ${state}`),
  };
  // Where a click on the element lands: it is in view and the click point is on it.
  const landing = { kind: 'landing', x: 10, y: 10, onTarget: true, hit: '', disabled: false };
  const lastObservation = { nodes: [{ id: '7', targetId: 't7' }] };
  const session = { page, pages: [page], lastObservation } as unknown as BrowserSession;
  const listening = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  return { session, waits, listening };
}

describe('executeAction settling', () => {
  it('waits for the DOM to rest and the document to load after an action that can change the page, with no fixed sleep', async () => {
    const { session, waits, listening } = recordingSession();
    await executeAction({ type: 'press', key: 'Tab' } as Action, session);
    expect(waits).toEqual(['press Tab', 'dom quiet', 'load state domcontentloaded']);
    expect(waits.some((w) => w.startsWith('timeout'))).toBe(false);
    expect(listening()).toBe(0); // every page listener removed again
  });

  it('lets the pointer rest on a clicked element until its hover effects applied (a frame, then DOM quiet), not for a fixed time', async () => {
    const { session, waits, listening } = recordingSession();
    await executeAction({ type: 'click', elementId: '7' } as Action, session);
    expect(waits).toEqual(['landing check', 'pointer on element', 'frame, then dom quiet', 'landing check', 'click at (10, 10)', 'dom quiet', 'load state domcontentloaded']);
    expect(listening()).toBe(0);
  });

  it('does not wait after stop or noop', async () => {
    for (const type of ['stop', 'noop'] as const) {
      const { session, waits, listening } = recordingSession();
      expect(await executeAction({ type } as Action, session)).toEqual({ targetBox: null });
      expect(waits, type).toEqual([]);
      expect(listening()).toBe(0);
    }
  });
});
