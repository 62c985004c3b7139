// The capture setting (main/agent/screenshot-capture.ts): which steps keep a screenshot. The same oracle
// episode (shop/sorted-category, 4 steps) under each setting, through core.run, Chromium and SQLite:
// 'all' keeps every frame, 'first-last' the opening and closing ones, 'none' nothing; every setting keeps
// each step's observation, so the replay API still serves the episode and a fork can replay it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScreenshotCapture } from '../../main/agent/screenshot-capture';
import type { EpisodeRecord, StepRecord } from '../../main/api/types';
import { useCore } from '../helpers/use-core';

const core = useCore({ sandbox: { instancesPerFamily: 1 } });
const episodes = new Map<ScreenshotCapture, { episode: EpisodeRecord; steps: StepRecord[]; runConfig: Record<string, unknown> }>();

beforeAll(async () => {
  const task = core.catalog!.all().find((i) => i.family === 'shop/sorted-category')!;
  for (const capture of ['all', 'first-last', 'none'] as const) {
    const { runId, done } = await core.run({ taskIds: [task.id], policy: 'oracle', capture });
    const [episode] = await done;
    episodes.set(capture, { episode, steps: await core.store.steps.list(episode.id), runConfig: (await core.store.runs.get(runId))!.config });
  }
}, 300_000);

const isJpeg = async (ref: string | null) => ref !== null && (await core.store.blobs.get(ref)).subarray(0, 2).equals(Buffer.from([0xff, 0xd8]));

describe('screenshot capture', () => {
  it('runs the same successful episode under every setting', () => {
    for (const { episode, steps } of episodes.values()) {
      expect(episode).toMatchObject({ status: 'finished', success: true, stopReason: 'agent_stop' });
      expect(steps.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("'all' (the default for replay and the UI) stores a screenshot at every step", async () => {
    const { steps, runConfig } = episodes.get('all')!;
    for (const step of steps) expect(await isJpeg(step.screenshotRef)).toBe(true);
    expect(runConfig.capture).toBeUndefined(); // the default is not written into the run config
  });

  it("'first-last' stores exactly two: the first step's and the last step's", async () => {
    const { steps, runConfig } = episodes.get('first-last')!;
    const withShot = steps.filter((s) => s.screenshotRef !== null).map((s) => s.t);
    expect(withShot).toEqual([0, steps.length - 1]);
    expect(await isJpeg(steps[0].screenshotRef)).toBe(true);
    expect(await isJpeg(steps.at(-1)!.screenshotRef)).toBe(true);
    expect(runConfig.capture).toBe('first-last'); // so a resumed run keeps the setting
  });

  it("'none' stores no screenshot", () => {
    const { steps, runConfig } = episodes.get('none')!;
    expect(steps.filter((s) => s.screenshotRef !== null)).toEqual([]);
    expect(runConfig.capture).toBe('none');
  });

  it('keeps every observation, action and progress vector, so replay serves every setting alike', async () => {
    const reference = episodes.get('all')!.steps;
    for (const capture of ['first-last', 'none'] as const) {
      const { episode, steps } = episodes.get(capture)!;
      const detail = await core.api.getEpisode(episode.id);
      expect(detail.steps.map((s) => [s.t, s.url, s.action, s.progress])).toEqual(reference.map((s) => [s.t, s.url, s.action, s.progress]));
      for (const step of steps) expect(await core.api.getBlobText(step.observationRef!)).toMatch(/^RootWebArea /);
    }
  });

  it('a fork replays an episode recorded without screenshots', { timeout: 300_000 }, async () => {
    const source = episodes.get('none')!.episode;
    const { done } = await core.run({ taskIds: [source.taskId], policy: 'oracle', fork: { episodeId: source.id, step: 2 } });
    const [forked] = await done;
    expect(forked).toMatchObject({ success: true, forkedFrom: { episodeId: source.id, step: 2 } });
    const steps = await core.store.steps.list(forked.id);
    expect(steps.map((s) => s.action)).toEqual(episodes.get('none')!.steps.map((s) => s.action));
    expect(steps.every((s) => s.screenshotRef !== null)).toBe(true); // a fork is a normal run: 'all'
  });
});
