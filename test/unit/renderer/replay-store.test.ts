/// <reference path="../../../renderer/src/api/bridge.d.ts" />
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EpisodeReplay, ReplayStep, StepWindow } from '../../../main/api/replay-types';

// The replay opens an episode with its outline and one window of full step records, and asks for the other
// windows as a person steps or scrolls the filmstrip (issue 22: bytes per open).
const calls: { method: string; args: unknown[] }[] = [];
let failWindows = false;
const COUNT = 40;

const stepAt = (t: number) => ({ t, episodeId: 'e1', screenshotRef: `shot-${t}`, actedElement: null }) as unknown as ReplayStep;
const windowOf = (from: number, to: number): StepWindow => ({ from, steps: Array.from({ length: Math.min(to, COUNT) - from }, (_, i) => stepAt(from + i)) });

vi.mock('../../../renderer/src/api/client', () => ({
  getClient: () => ({
    openReplay: async (id: string, step: number) => {
      calls.push({ method: 'openReplay', args: [id, step] });
      const from = step - (step % 16);
      return { episode: { id }, outline: { ts: Array.from({ length: COUNT }, (_, t) => t) }, window: windowOf(from, from + 16) } as unknown as EpisodeReplay;
    },
    getEpisodeSteps: async (id: string, from: number, to: number) => {
      calls.push({ method: 'getEpisodeSteps', args: [id, from, to] });
      if (failWindows) throw new Error('the host went away');
      return windowOf(from, to);
    },
  }),
}));

const { useReplay } = await import('../../../renderer/src/features/replay/replay-store');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('replay store: windows of step records', () => {
  beforeEach(() => {
    calls.length = 0;
    failWindows = false;
  });

  it('opens with the window holding the step, then loads each other window once, when asked', async () => {
    await useReplay.getState().load('e1', 20);
    expect(calls).toEqual([{ method: 'openReplay', args: ['e1', 20] }]);
    const steps = () => useReplay.getState().steps;
    expect(steps()[16]?.t).toBe(16);
    expect(steps()[31]?.t).toBe(31);
    expect(steps()[15]).toBeUndefined();

    useReplay.getState().ensureSteps(14, 34); // spans windows 0, 16 (loaded) and 32
    useReplay.getState().ensureSteps(12, 18); // window 0 is on its way: not asked twice
    await settle();
    expect(calls.slice(1)).toEqual([
      { method: 'getEpisodeSteps', args: ['e1', 0, 16] },
      { method: 'getEpisodeSteps', args: ['e1', 32, 40] },
    ]);
    expect(steps().map((s) => s?.t)).toEqual(Array.from({ length: COUNT }, (_, t) => t));
    useReplay.getState().ensureSteps(0, 40);
    await settle();
    expect(calls).toHaveLength(3);
  });

  it('reports a window that fails and asks for it again the next time', async () => {
    await useReplay.getState().load('e2', 0);
    failWindows = true;
    useReplay.getState().ensureSteps(16, 20);
    await settle();
    expect(useReplay.getState().stepsError).toBe('the host went away');
    expect(useReplay.getState().steps[16]).toBeUndefined();
    failWindows = false;
    useReplay.getState().ensureSteps(16, 20);
    await settle();
    expect(useReplay.getState().steps[16]?.t).toBe(16);
    expect(useReplay.getState().stepsError).toBeNull();
    expect(calls.filter((c) => c.method === 'getEpisodeSteps')).toHaveLength(2);
  });
});
