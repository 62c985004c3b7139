import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEpisode } from '../../main/agent/episode-loop';
import type { Policy, PolicyDecision, PolicyInput } from '../../main/agent/policy';
import { evaluateMiniWob } from '../../main/eval/miniwob-reward';
import { miniwobEnvironment } from '../../main/runs/miniwob-environment';
import { openTestCore, useCore } from '../helpers/use-core';

// Issue 3 "Must show": the MiniWoB++ adapter runs a seeded episode on our fixture page (same page protocol
// as miniwob-plusplus: core.startEpisodeReal, getUtterance, WOB_DONE_GLOBAL, WOB_RAW_REWARD_GLOBAL …) and
// reads reward +1 for a correct action and −1 for a wrong one.
const FIXTURE = join(import.meta.dirname, '../fixtures/miniwob');
const TASK_ID = 'miniwob/click-fixture';

const core = useCore({ sandbox: false, miniwob: { dir: FIXTURE, successRule: 'browsergym' } });

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
    expect(core.miniwob.tasks).toEqual(['click-fixture', 'inbox-fixture']);
    const task = await core.store.tasks.get(TASK_ID);
    expect(task).toMatchObject({ source: 'miniwob', startUrl: '__MINIWOB__/miniwob/click-fixture.html' });
    expect(core.miniwob.server!.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('reads +1 for the named button and stops as soon as the page is done', { timeout: 120_000 }, async () => {
    // The policy waits longer than the fixture's default 300 ms timer: the adapter must have turned it off.
    const policy = new ButtonPolicy(false, 500);
    const result = await episode(policy, 7);
    expect(result).toMatchObject({ status: 'finished', success: true, score: 1, stopReason: 'task_done', stepCount: 1 });
    expect(policy.intents[0]).toMatch(/^Click on the "\w+" button\.$/);
    expect(result.evaluation).toMatchObject({ profile: 'miniwob/browsergym', success: true, score: 1 });
    expect(result.evaluation!.checks[0]).toMatchObject({ kind: 'miniwob_reward', rule: 'raw reward > 0 (BrowserGym)', actual: '1', passed: true });
    expect(result.evaluation!.checks[0].note).toContain(policy.intents[0]);
  });

  it('reads −1 for another button', { timeout: 120_000 }, async () => {
    const result = await episode(new ButtonPolicy(true), 7);
    expect(result).toMatchObject({ status: 'finished', success: false, score: -1, stopReason: 'task_done', stepCount: 1 });
    expect(result.evaluation!.checks[0]).toMatchObject({ kind: 'miniwob_reward', actual: '-1', passed: false });
    expect(result.evaluation!.checks[0].note).toContain('clicked another button');
  });

  it('is seeded: the same seed gives the same problem, other seeds other problems', { timeout: 120_000 }, async () => {
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

  it('hides the reward display from what the policy sees', { timeout: 120_000 }, async () => {
    const result = await episode(new ButtonPolicy(false), 3);
    const steps = await core.store.steps.list(result.id);
    const text = await core.store.blobs.getText(steps[0].observationRef!);
    expect(text).toContain("button '");
    expect(text).not.toMatch(/Last reward|Episodes done|START/);
  });

  it('runs through core.run with the success rule recorded, and scores an unfinished episode 0', { timeout: 120_000 }, async () => {
    // The built-in 'wrong' policy finds no link here and stops at once: the page never ends the episode.
    const { runId, done } = await core.run({ taskIds: [TASK_ID], policy: 'wrong' });
    const [result] = await done;
    expect(result).toMatchObject({ success: false, score: 0, stopReason: 'agent_stop' });
    expect(result.evaluation!.checks[0].note).toContain('not finished');
    expect((await core.store.runs.get(runId))!.config).toMatchObject({ miniwobSuccess: 'browsergym' });
  });

  it('--seeds N: every task runs with N seeds of its own, whatever the task list', { timeout: 120_000 }, async () => {
    const { runId, done } = await core.run({ taskIds: [TASK_ID, 'miniwob/inbox-fixture'], policy: 'do-nothing', seed: 5, seedsPerTask: 2 });
    const episodes = await done;
    expect(episodes.map((e) => `${e.taskId}#${e.seed}`).sort()).toEqual([`${TASK_ID}#5`, `${TASK_ID}#6`, 'miniwob/inbox-fixture#5', 'miniwob/inbox-fixture#6']);
    expect((await core.store.runs.get(runId))!.config).toMatchObject({ seed: 5, seedsPerTask: 2 });
  });

  it('a resumed run scores with the success rule it was started with, not the current setting', { timeout: 60_000 }, async () => {
    // Started under the miniwob package's rule (stored in the run), interrupted, resumed by a core set to browsergym.
    expect(core.miniwob.successRule).toBe('browsergym');
    const runId = 'resume-rule-run';
    await core.store.runs.create({
      id: runId, kind: 'eval', status: 'interrupted', createdAt: new Date().toISOString(),
      config: { policy: 'do-nothing', seed: 0, taskIds: [TASK_ID], miniwobSuccess: 'miniwob' },
    });
    const [episode] = await (await core.resume(runId)).done;
    // Unfinished: −1 under the miniwob rule (0 under browsergym's).
    expect(episode).toMatchObject({ success: false, score: -1 });
    expect(episode.evaluation!.profile).toBe('miniwob/miniwob');
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
    const bare = await openTestCore({ sandbox: false, miniwob: { dir: join(FIXTURE, 'nowhere') } });
    try {
      expect(bare.miniwob.problem).toMatch(/does not exist \(set MINIWOB_DIR/);
      await bare.store.tasks.upsert((await core.store.tasks.get(TASK_ID))!);
      await expect(bare.run({ taskIds: [TASK_ID], policy: 'wrong' })).rejects.toThrow(/MINIWOB_DIR/);
      expect(await bare.store.runs.list()).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
