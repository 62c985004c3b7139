import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEpisode } from '../../main/agent/episode-loop';
import type { Policy, PolicyDecision, PolicyInput } from '../../main/agent/policy';
import { createCore, type Core } from '../../main/core';
import { evaluateMiniWob } from '../../main/eval/miniwob-reward';
import { miniwobEnvironment } from '../../main/runs/miniwob-environment';

// Issue 3 "Must show": the MiniWoB++ adapter runs a seeded episode on our fixture page (same page protocol
// as miniwob-plusplus: core.startEpisodeReal, getUtterance, WOB_DONE_GLOBAL, WOB_RAW_REWARD_GLOBAL …) and
// reads reward +1 for a correct action and −1 for a wrong one.
const FIXTURE = join(import.meta.dirname, '../fixtures/miniwob');
const TASK_ID = 'miniwob/click-fixture';

let dir: string;
let core: Core;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-miniwob-'));
  core = await createCore({ dataDir: dir, sandbox: false, miniwob: { dir: FIXTURE, successRule: 'browsergym' } });
});
afterAll(async () => {
  await core?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Clicks the button the instruction names (or, when `wrong`, the first other one), after `delayMs`. */
class ButtonPolicy implements Policy {
  readonly name: string;
  intents: string[] = [];
  buttons: string[][] = [];
  constructor(private readonly wrong: boolean, private readonly delayMs = 0) {
    this.name = wrong ? 'fixture-wrong' : 'fixture-right';
  }
  async decide(input: PolicyInput): Promise<PolicyDecision> {
    this.intents.push(input.intent);
    const buttons = input.observation.nodes.filter((n) => n.role === 'button');
    this.buttons.push(buttons.map((b) => b.name));
    const target = /"([^"]+)"/.exec(input.intent)?.[1];
    const pick = buttons.find((b) => (this.wrong ? b.name !== target : b.name === target));
    if (!pick) return { reply: '```stop [no button]```' };
    await new Promise((r) => setTimeout(r, this.delayMs));
    return { reply: `\`\`\`click [${pick.id}]\`\`\`` };
  }
}

async function episode(policy: Policy, seed: number) {
  const task = (await core.store.tasks.get(TASK_ID))!;
  return runEpisode(
    { store: core.store, pool: core.pool, evaluate: (_task, ctx) => evaluateMiniWob(ctx.page, core.miniwob.successRule) },
    { task, policy, environment: miniwobEnvironment(core.miniwob.server!, seed), seed },
  );
}

describe('MiniWoB++ adapter on the fixture page', () => {
  it('registers the checkout\'s task pages as tasks and serves them over HTTP', async () => {
    expect(core.miniwob.problem).toBeNull();
    expect(core.miniwob.tasks).toEqual(['click-fixture']);
    const task = await core.store.tasks.get(TASK_ID);
    expect(task).toMatchObject({ source: 'miniwob', startUrl: '__MINIWOB__/miniwob/click-fixture.html' });
    expect(core.miniwob.server!.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('reads +1 for the named button and stops as soon as the page is done', { timeout: 60_000 }, async () => {
    // The policy waits longer than the fixture's default 300 ms timer: the adapter must have turned it off.
    const policy = new ButtonPolicy(false, 500);
    const result = await episode(policy, 7);
    expect(result).toMatchObject({ status: 'finished', success: true, score: 1, stopReason: 'task_done', stepCount: 1 });
    expect(policy.intents[0]).toMatch(/^Click on the "\w+" button\.$/);
    expect(result.evaluation).toMatchObject({ profile: 'miniwob/browsergym', success: true, score: 1 });
    expect(result.evaluation!.checks[0]).toMatchObject({ kind: 'miniwob_reward', rule: 'raw reward > 0 (BrowserGym)', actual: '1', passed: true });
    expect(result.evaluation!.checks[0].note).toContain(policy.intents[0]);
  });

  it('reads −1 for another button', { timeout: 60_000 }, async () => {
    const result = await episode(new ButtonPolicy(true), 7);
    expect(result).toMatchObject({ status: 'finished', success: false, score: -1, stopReason: 'task_done', stepCount: 1 });
    expect(result.evaluation!.checks[0]).toMatchObject({ kind: 'miniwob_reward', actual: '-1', passed: false });
    expect(result.evaluation!.checks[0].note).toContain('clicked another button');
  });

  it('is seeded: the same seed gives the same problem, other seeds other problems', { timeout: 60_000 }, async () => {
    const first = new ButtonPolicy(false);
    const again = new ButtonPolicy(false);
    await episode(first, 11);
    await episode(again, 11);
    expect(again.intents).toEqual(first.intents);
    expect(again.buttons).toEqual(first.buttons);
    const others = await Promise.all([12, 13, 14].map(async (seed) => {
      const p = new ButtonPolicy(false);
      await episode(p, seed);
      return `${p.intents[0]} ${p.buttons[0].join(',')}`;
    }));
    expect(new Set([`${first.intents[0]} ${first.buttons[0].join(',')}`, ...others]).size).toBeGreaterThan(1);
  });

  it('hides the reward display from what the policy sees', { timeout: 60_000 }, async () => {
    const result = await episode(new ButtonPolicy(false), 3);
    const steps = await core.store.steps.list(result.id);
    const text = await core.store.blobs.getText(steps[0].observationRef!);
    expect(text).toContain("button '");
    expect(text).not.toMatch(/Last reward|Episodes done|START/);
  });

  it('runs through core.run with the success rule recorded, and scores an unfinished episode 0', { timeout: 60_000 }, async () => {
    // The built-in 'wrong' policy finds no link here and stops at once: the page never ends the episode.
    const { runId, done } = await core.run({ taskIds: [TASK_ID], policy: 'wrong' });
    const [result] = await done;
    expect(result).toMatchObject({ success: false, score: 0, stopReason: 'agent_stop' });
    expect(result.evaluation!.checks[0].note).toContain('not finished');
    expect((await core.store.runs.get(runId))!.config).toMatchObject({ miniwobSuccess: 'browsergym' });
  });

  it('serves nothing outside the html folder', async () => {
    const url = new URL(core.miniwob.server!.baseUrl);
    const status = await new Promise<number>((resolve, reject) => {
      // Encoded slashes survive URL parsing, so only the server's own check stands between this and package.json.
      request({ host: url.hostname, port: url.port, path: '/..%2f..%2f..%2f..%2fpackage.json' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject).end();
    });
    expect(status).toBe(403);
  });
});

describe('MiniWoB++ without a checkout', () => {
  it('says what to set when a run needs it', async () => {
    const other = await mkdtemp(join(tmpdir(), 'mira-miniwob-none-'));
    const bare = await createCore({ dataDir: other, sandbox: false, miniwob: { dir: join(other, 'nowhere') } });
    try {
      expect(bare.miniwob.problem).toMatch(/does not exist \(set MINIWOB_DIR/);
      await bare.store.tasks.upsert((await core.store.tasks.get(TASK_ID))!);
      await expect(bare.run({ taskIds: [TASK_ID], policy: 'wrong' })).rejects.toThrow(/MINIWOB_DIR/);
      expect(await bare.store.runs.list()).toEqual([]);
    } finally {
      await bare.close();
      await rm(other, { recursive: true, force: true });
    }
  });
});
