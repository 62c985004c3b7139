import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { EpisodeRecord } from '../../main/api/types';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';
import { openTestCore, useTempDir } from '../helpers/use-core';

// Issue 21: a fork of an episode another process recorded (the CLI, or `serve` before a restart). That process's
// sandbox listened on another random port, so its recorded URLs name another origin; the fork compares pages
// relative to their site (main/runs/fork-sites.ts) and replays on this process's fresh sandbox.
const FORK_STEP = 3;
const dataDir = useTempDir('mira-fork-across-');

describe('fork across processes', () => {
  it('an episode recorded by one core forks at step 3 on a second core with another sandbox port', { timeout: 300_000 }, async () => {
    const taskId = SANDBOX_FAMILIES.find((f) => f.id === 'shop/add-to-cart')!.instantiate(1, 0).id;
    const first = await openTestCore({ dataDir: dataDir.path, sandbox: { instancesPerFamily: 1 } });
    let source: EpisodeRecord;
    let firstOrigin: string;
    try {
      firstOrigin = first.sandbox!.baseUrl;
      [source] = await (await first.run({ taskIds: [taskId], policy: 'oracle' })).done;
    } finally {
      await first.close();
    }
    // Hold the first sandbox's port, so the second core's sandbox surely gets another one.
    const holder = createServer();
    await new Promise<void>((resolve) => holder.once('error', () => resolve()).listen(Number(new URL(firstOrigin).port), '127.0.0.1', () => resolve()));
    expect(source).toMatchObject({ success: true });
    expect(source.stepCount).toBeGreaterThan(FORK_STEP);

    const second = await openTestCore({ dataDir: dataDir.path, sandbox: { instancesPerFamily: 1 } });
    try {
      expect(second.sandbox!.baseUrl).not.toBe(firstOrigin);
      const recorded = await second.store.steps.list(source.id);
      expect(recorded[0].url.startsWith(firstOrigin)).toBe(true);

      const { runId, episodeId } = await second.api.forkEpisode({ episodeId: source.id, fromStep: FORK_STEP, policy: 'oracle' });
      expect(episodeId).toBeDefined();
      for (const deadline = Date.now() + 120_000; (await second.store.runs.get(runId))?.status === 'running';) {
        if (Date.now() > deadline) throw new Error(`fork run ${runId} did not end`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const forked = (await second.store.episodes.get(episodeId!))!;
      expect(forked).toMatchObject({ success: true, stopReason: 'agent_stop', forkedFrom: { episodeId: source.id, step: FORK_STEP } });
      const replayed = await second.store.steps.list(forked.id);
      // The same actions on the same pages of this process's sandbox (its own origin).
      expect(replayed.map((s) => s.action)).toEqual(recorded.map((s) => s.action));
      expect(replayed.map((s) => s.url.slice(second.sandbox!.baseUrl.length))).toEqual(recorded.map((s) => s.url.slice(firstOrigin.length)));
      expect(replayed.every((s) => s.url.startsWith(second.sandbox!.baseUrl))).toBe(true);
    } finally {
      await second.close();
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
