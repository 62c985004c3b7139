import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';

// Walking-skeleton "Must show": the oracle solves every shop family end to end through the real parser,
// executor, Chromium and SQLite; each step is one row with its screenshot; a wrong policy scores 0.
let dir: string;
let core: Core;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-oracle-'));
  core = await createCore({ dataDir: dir, sandbox: { instancesPerFamily: 2 } });
});
afterAll(async () => {
  await core?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('oracle on the sandbox', () => {
  const shopFamilies = SANDBOX_FAMILIES.filter((f) => f.site === 'shop');

  it('covers at least one info, one navigation and one state-changing shop family', () => {
    expect(new Set(shopFamilies.map((f) => f.kind))).toEqual(new Set(['info', 'navigation', 'change']));
  });

  it('solves every shop family, recording one row and one screenshot per step', { timeout: 300_000 }, async () => {
    const taskIds = core.catalog!.all().filter((i) => i.site === 'shop').map((i) => i.id);
    const { done } = await core.run({ taskIds, policy: 'oracle' });
    const episodes = await done;
    const failures = episodes.filter((e) => !e.success).map((e) => `${e.taskId}: ${e.outcome} ${JSON.stringify(e.evaluation?.checks)}`);
    expect(failures).toEqual([]);
    for (const episode of episodes) {
      expect(episode).toMatchObject({ status: 'finished', score: 1, stopReason: 'agent_stop' });
      const steps = await core.store.steps.list(episode.id);
      const plan = core.catalog!.get(episode.taskId)!.oracle;
      expect(steps.map((s) => s.t)).toEqual(plan.map((_, i) => i));
      expect(episode.stepCount).toBe(plan.length);
      for (const step of steps) {
        expect(step.screenshotRef).toMatch(/^[0-9a-f]{64}$/);
        expect((await core.store.blobs.get(step.screenshotRef!)).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
        expect(step.actionError).toBeNull();
        expect(step.timings.observeMs).toBeGreaterThan(0);
      }
      expect(steps.at(-1)!.action?.type).toBe('stop');
    }
  });

  it('scores a deliberately wrong policy 0 and explains why', { timeout: 120_000 }, async () => {
    const taskIds = shopFamilies.map((f) => `${core.catalog!.all().find((i) => i.family === f.id)!.id}`);
    const { done } = await core.run({ taskIds, policy: 'wrong', seed: 7 });
    for (const episode of await done) {
      expect(episode.success).toBe(false);
      expect(episode.score).toBe(0);
      expect(episode.outcome).toMatch(/^Failed\./);
      expect(episode.evaluation?.checks.some((c) => !c.passed)).toBe(true);
    }
  });
});
