import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';
import { SITE_SLOTS, type SandboxSiteId } from '../../main/sandbox/site';

// Sandbox "Must show" (issues 2 and 4): the oracle solves several instances of every family end to end
// through the real parser, executor, Chromium and SQLite; each step is one row with its screenshot; every
// reference subgoal's predicate becomes true in order along the trajectory (the last by the final step);
// baselines (wrong, random, do-nothing) score ~0. Filter one site with `-t <site>`.
const INSTANCES = 3;
let dir: string;
let core: Core;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-oracle-'));
  core = await createCore({ dataDir: dir, sandbox: { instancesPerFamily: INSTANCES } });
});
afterAll(async () => {
  await core?.close();
  await rm(dir, { recursive: true, force: true });
});

const sites = [...new Set(SANDBOX_FAMILIES.map((f) => f.site))] as SandboxSiteId[];

describe.each(sites)('oracle on the %s families', (site) => {
  const families = SANDBOX_FAMILIES.filter((f) => f.site === site);

  it(`solves ${INSTANCES} instances of every ${site} family, recording steps and completing every reference subgoal in order`, { timeout: 900_000 }, async () => {
    const instances = core.catalog!.all().filter((i) => i.site === site);
    expect(new Set(instances.map((i) => i.family))).toEqual(new Set(families.map((f) => f.id)));
    const { done } = await core.run({ taskIds: instances.map((i) => i.id), policy: 'oracle', scheduler: { concurrency: 3 } });
    const episodes = await done;
    const failures = episodes.filter((e) => !e.success).map((e) => `${e.taskId}: ${e.outcome} ${JSON.stringify(e.evaluation?.checks)}`);
    expect(failures).toEqual([]);
    const incomplete: string[] = [];
    for (const episode of episodes) {
      expect(episode).toMatchObject({ status: 'finished', score: 1, stopReason: 'agent_stop' });
      const steps = await core.store.steps.list(episode.id);
      const instance = core.catalog!.get(episode.taskId)!;
      expect(steps.map((s) => s.t)).toEqual(instance.oracle.map((_, i) => i));
      for (const step of steps) {
        expect(step.screenshotRef).toMatch(/^[0-9a-f]{64}$/);
        expect(step.actionError).toBeNull();
        expect(step.progress).toHaveLength(instance.subgoals.length);
      }
      expect((await core.store.blobs.get(steps[0].screenshotRef!)).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect(steps.at(-1)!.action?.type).toBe('stop');
      // The monitor only advances milestone k after k−1, so all-ones at the end means "true in order".
      const final = steps.at(-1)!.progress!;
      if (final.some((p) => p !== 1)) incomplete.push(`${episode.taskId}: ${JSON.stringify(steps.map((s) => s.progress))} ${JSON.stringify(instance.subgoals.map((g) => g.text))}`);
      // Progress never goes back.
      for (let t = 1; t < steps.length; t++) steps[t].progress!.forEach((p, k) => expect(p).toBeGreaterThanOrEqual(steps[t - 1].progress![k]));
    }
    expect(incomplete).toEqual([]);
    for (const instance of instances) {
      expect(instance.subgoals.length).toBeGreaterThanOrEqual(3);
      expect(instance.subgoals.length).toBeLessThanOrEqual(5);
      expect(String(instance.config.start_url)).toContain(SITE_SLOTS[site].placeholder);
    }
  });
});

describe('baselines score ~0', () => {
  it.each(['wrong', 'random', 'do-nothing'])('%s scores at most 5 percent over one instance of every family', { timeout: 900_000 }, async (policy) => {
    const taskIds = SANDBOX_FAMILIES.map((f) => core.catalog!.all().find((i) => i.family === f.id)!.id);
    const { done } = await core.run({ taskIds, policy, seed: 7, scheduler: { concurrency: 3 } });
    const episodes = await done;
    const successes = episodes.filter((e) => e.success);
    expect(successes.length / episodes.length).toBeLessThanOrEqual(0.05);
    for (const episode of episodes.filter((e) => !e.success)) {
      expect(episode.outcome).toMatch(/^Failed\./);
      expect(episode.evaluation?.checks.some((c) => !c.passed)).toBe(true);
    }
  });
});
