import { describe, expect, it } from 'vitest';
import { executeAction } from '../../main/actions/executor';
import type { Action } from '../../main/api/types';
import type { BrowserSession } from '../../main/browser/session';

// After an action the executor waits for the page to settle (a navigation it started, the DOM loaded); stop
// and noop change nothing, so they end the step at once (issue 22). A recording stand-in for the page shows
// which waits each action asks for.
function recordingSession() {
  const waits: string[] = [];
  const page = {
    on: () => undefined,
    off: () => undefined,
    keyboard: { press: async (key: string) => void waits.push(`press ${key}`) },
    waitForTimeout: async (ms: number) => void waits.push(`timeout ${ms}`),
    waitForEvent: async (name: string) => void waits.push(`event ${name}`),
    waitForLoadState: async (state: string) => void waits.push(`load state ${state}`),
  };
  const session = { page, pages: [page], lastObservation: null } as unknown as BrowserSession;
  return { session, waits };
}

describe('executeAction settling', () => {
  it('waits for the page to settle after an action that can change it', async () => {
    const { session, waits } = recordingSession();
    await executeAction({ type: 'press', key: 'Tab' } as Action, session);
    expect(waits).toEqual(['press Tab', 'timeout 30', 'load state domcontentloaded']);
  });

  it('does not wait after stop or noop', async () => {
    for (const type of ['stop', 'noop'] as const) {
      const { session, waits } = recordingSession();
      expect(await executeAction({ type } as Action, session)).toEqual({ targetBox: null });
      expect(waits, type).toEqual([]);
    }
  });
});
