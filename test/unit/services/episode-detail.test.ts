import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../../main/api/types';
import { validateRequest } from '../../../main/api/schemas';
import { episodeStepWindow, openReplay, REPLAY_WINDOW, replayStep, stepForDetail, stepOutline, type EpisodeSources } from '../../../main/services/episode-detail';
import { stepMarks } from '../../../renderer/src/features/replay/step-outline';

const OBSERVATION = "RootWebArea 'Shop'\n\t[7] button 'Add to cart'\n\t[8] link 'Home'";

const step: StepRecord = {
  episodeId: 'e1', t: 3, url: 'http://127.0.0.1/shop', observationRef: 'o', screenshotRef: 's', thumbnailRef: 'th',
  promptRef: 'p', responseRef: 'r', action: { type: 'click', elementId: '7' }, actionText: 'click [7]', actionError: null,
  targetBox: { x: 1, y: 2, width: 3, height: 4 }, progress: [1, 0], value: 0.5, potential: 0.25, latencyMs: 12,
  timings: { observeMs: 1, policyMs: 2, actMs: 3, storeMs: 4 },
  views: { policy: { format: 'axtree', textRef: 'o', idsRef: null }, webrl: { format: 'webrl-html', textRef: 'h', idsRef: 'i' } },
};

// getEpisode leaves out what no screen shows (the policy's view refs, read by exports from the store) and keeps
// every field the replay, compare and fork views read (issue 22: bytes per replay open).
describe('stepForDetail', () => {
  it('drops the view refs and keeps every other field as stored', () => {
    const { views: _views, ...rest } = step;
    expect(stepForDetail(step)).toEqual(rest);
    expect('views' in stepForDetail(step)).toBe(false);
    expect(step.views).toBeDefined(); // the stored record is not changed
  });
});

/** An episode of `n` steps; step i clicks element 7 and fails on every third step. */
function stepsOf(n: number): StepRecord[] {
  return Array.from({ length: n }, (_, t) => ({
    ...step, t, actionText: `click [7] #${t}`, actionError: t % 3 === 2 ? 'element 7 is not visible' : null,
    progress: [t >= 50 ? 1 : 0], value: t / n, potential: null, screenshotRef: `shot-${t}`, thumbnailRef: `thumb-${t}`,
  }));
}

function sources(steps: StepRecord[], texts: Record<string, string> = { o: OBSERVATION }): EpisodeSources {
  const task = { id: 'shop-1', source: 'sandbox' as const, sites: ['shop'], intent: 'Buy it', startUrl: 'http://x', config: { big: 'x'.repeat(5000) }, split: null, family: 'shop' };
  return {
    store: {
      episodes: { get: async (id: string) => (id === 'e1' ? { id: 'e1', taskId: 'shop-1' } : undefined), annotation: async () => ({ note: null, tags: [] }) },
      tasks: { get: async () => task },
      steps: { list: async () => steps, window: async (_id: string, from: number, to: number) => steps.slice(from, to) },
      blobs: { getText: async (hash: string) => (hash in texts ? texts[hash] : Promise.reject(new Error(`no blob ${hash}`))) },
    } as unknown as EpisodeSources['store'],
    subgoals: async () => null,
    verdicts: async () => [],
  };
}

describe('the replay open: an outline of every step and one window of full records', () => {
  it('sends each field once per step, column-wise, and the expanded marks read back as the steps had them', () => {
    const steps = stepsOf(5);
    const outline = stepOutline(steps);
    expect(outline).toEqual({
      ts: [0, 1, 2, 3, 4],
      actionTexts: ['click [7] #0', 'click [7] #1', 'click [7] #2', 'click [7] #3', 'click [7] #4'],
      failedSteps: [2],
      progress: [[0], [0], [0], [0], [0]],
      values: [0, 0.2, 0.4, 0.6, 0.8],
      potentials: [null, null, null, null, null],
    });
    expect(stepMarks(outline)[2]).toEqual({ t: 2, actionText: 'click [7] #2', failed: true, progress: [0], value: 0.4, potential: null });
    expect(stepMarks(outline)[3].failed).toBe(false);
  });

  it('opens at the window holding the asked step, without the task config and the view refs', async () => {
    const open = await openReplay(sources(stepsOf(100)), 'e1', 37);
    expect(open.outline.ts).toHaveLength(100);
    expect(open.window.from).toBe(32);
    expect(open.window.steps.map((s) => s.t)).toEqual(Array.from({ length: REPLAY_WINDOW }, (_, i) => 32 + i));
    expect('config' in open.task).toBe(false);
    expect(open.task).toMatchObject({ id: 'shop-1', intent: 'Buy it' });
    expect(open.window.steps.every((s) => !('views' in s))).toBe(true);
    expect(open.window.steps[0]).toMatchObject({ screenshotRef: 'shot-32', thumbnailRef: 'thumb-32', actedElement: { role: 'button', name: 'Add to cart' } });
    // A 100-step episode's open message is a fraction of every full record's.
    const full = JSON.stringify(stepsOf(100).map(stepForDetail)).length;
    expect(JSON.stringify(open).length).toBeLessThan(full / 2);
  });

  it('clamps the step to the episode, and an episode without steps opens with an empty window', async () => {
    expect((await openReplay(sources(stepsOf(20)), 'e1', 500)).window).toMatchObject({ from: 16 });
    expect((await openReplay(sources(stepsOf(20)), 'e1', 500)).window.steps).toHaveLength(4);
    expect((await openReplay(sources([]), 'e1', 0)).window).toEqual({ from: 0, steps: [] });
    await expect(openReplay(sources([]), 'nope', 0)).rejects.toThrow('No episode with id nope.');
  });

  it('loads later windows on demand, and refuses a window that ends before it starts', async () => {
    const window = await episodeStepWindow(sources(stepsOf(40)), 'e1', 32, 48);
    expect(window.from).toBe(32);
    expect(window.steps.map((s) => s.t)).toEqual([32, 33, 34, 35, 36, 37, 38, 39]);
    await expect(episodeStepWindow(sources(stepsOf(40)), 'e1', 5, 4)).rejects.toThrow(/must end after it starts/);
    await expect(episodeStepWindow(sources(stepsOf(40)), 'nope', 0, 4)).rejects.toThrow('No episode with id nope.');
  });

  it('validates window requests at the API boundary (at most 64 steps)', () => {
    expect(validateRequest('getEpisodeSteps', ['e1', 16, 32])).toEqual(['e1', 16, 32]);
    expect(() => validateRequest('getEpisodeSteps', ['e1', 0, 65])).toThrow(/at most 64 steps/);
    expect(() => validateRequest('getEpisodeSteps', ['e1', -1, 4])).toThrow(/getEpisodeSteps: argument 1/);
    expect(() => validateRequest('openReplay', ['e1', 1.5])).toThrow(/openReplay: argument 1/);
  });
});

describe('replayStep: the acted element named by the step\'s own observation', () => {
  const read = (texts: Record<string, string>) => async (hash: string) => (hash in texts ? texts[hash] : Promise.reject(new Error('missing')));

  it('finds the element the action named', async () => {
    expect((await replayStep(step, read({ o: OBSERVATION }))).actedElement).toEqual({ role: 'button', name: 'Add to cart' });
  });

  it('is null when the action names no element, the element is not in the text, or the blob is missing', async () => {
    expect((await replayStep({ ...step, action: { type: 'scroll', direction: 'down' } }, read({ o: OBSERVATION }))).actedElement).toBeNull();
    expect((await replayStep({ ...step, action: { type: 'click', elementId: '99' } }, read({ o: OBSERVATION }))).actedElement).toBeNull();
    expect((await replayStep(step, read({}))).actedElement).toBeNull();
    expect((await replayStep({ ...step, observationRef: null }, read({ o: OBSERVATION }))).actedElement).toBeNull();
  });
});
