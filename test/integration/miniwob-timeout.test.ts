// Issue 20 "Every episode is scored": an episode cut off by --episode-timeout ends with the reward the task
// page holds — 0 under BrowserGym's rule, −1 under the miniwob package's — read before the browser closes,
// never "unscored"; and `analyze` counts the run's MiniWoB++ episodes exactly as `run` does.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEpisode } from '../../main/agent/episode-loop';
import type { Policy, PolicyDecision } from '../../main/agent/policy';
import { countsTowardSuccessRate } from '../../main/analysis/trajectory';
import { evaluateMiniWob, type MiniWobSuccessRule } from '../../main/eval/miniwob-reward';
import { analyzeRun } from '../../main/runs/analyze-run';
import { miniwobEnvironment } from '../../main/runs/miniwob-environment';
import { reply, type GeminiServer } from '../fixtures/gemini-server';
import type { TestCore } from '../helpers/use-core';
import { startLlmCore, type LlmCore } from '../fixtures/llm-core';

const FIXTURE = join(import.meta.dirname, '../fixtures/miniwob');
const TASK = 'miniwob/click-fixture';
const KEY = 'miniwob-timeout-key';
/** Long enough for an ordinary fixture episode on a loaded machine; the hanging one waits it out. */
const EPISODE_TIMEOUT_MS = 20_000;

let llm: LlmCore;
let core: TestCore;
let server: GeminiServer;

beforeAll(async () => {
  llm = await startLlmCore({
    key: KEY,
    model: 'gemini-2.5-pro',
    thinkingBudget: 'dynamic',
    tasks: { sandbox: false, miniwob: { dir: FIXTURE, successRule: 'browsergym' } },
    // The LLM's own time-out is longer than the episode's, so the hanging call ends by the episode time limit.
    llm: { cacheDir: false, timeoutMs: 120_000, retry: { sleep: async () => undefined } },
  });
  ({ core, server } = llm);
}, 120_000);

afterAll(async () => {
  await llm?.close();
});

/** A policy that is still thinking when the time limit comes: it gives up only when the episode is aborted,
 * which it does itself on its first call (the scheduler's abort, without waiting for a clock). */
class TimedOutPolicy implements Policy {
  readonly name = 'timed-out';
  constructor(private readonly controller: AbortController) {}
  decide(): Promise<PolicyDecision> {
    return new Promise((_, reject) => {
      this.controller.signal.addEventListener('abort', () => reject(new Error('the call was cut off')), { once: true });
      this.controller.abort('time_limit');
    });
  }
}

async function timedOutEpisode(rule: MiniWobSuccessRule) {
  const task = (await core.store.tasks.get(TASK))!;
  const controller = new AbortController();
  return runEpisode(
    { store: core.store, pool: core.pool, evaluate: (_task, ctx) => evaluateMiniWob(ctx.page, rule) },
    { task, policy: new TimedOutPolicy(controller), environment: miniwobEnvironment(core.miniwob.server!, 4), seed: 4, signal: controller.signal },
  );
}

/** Gemini replies clicking the named button (right) or another one (wrong). */
const click = (right: boolean) =>
  reply.dynamic((req) => {
    const text: string = req.body.contents[0].parts[0].text;
    const target = /Task: Click on the "(\w+)" button\./.exec(text)![1];
    const buttons = [...text.matchAll(/\[(\w+)\] button '(\w+)'/g)];
    const pick = buttons.find((b) => (b[2] === target) === right)!;
    return reply.text(`\`\`\`click [${pick[1]}]\`\`\``);
  });

describe('a MiniWoB++ episode cut off by its time limit', () => {
  it('is scored from the task page before the browser closes: 0 under browsergym, −1 under miniwob', { timeout: 120_000 }, async () => {
    const browsergym = await timedOutEpisode('browsergym');
    expect(browsergym).toMatchObject({ status: 'finished', stopReason: 'time_limit', success: false, score: 0 });
    expect(browsergym.evaluation).toMatchObject({ profile: 'miniwob/browsergym', score: 0 });
    expect(browsergym.evaluation!.checks[0].note).toContain('not finished on the page');
    expect(browsergym.evaluation!.checks[0].note).toContain(`instruction: "${browsergym.instruction}"`);
    expect(browsergym.outcome).toMatch(/^Failed\. The episode ran past its time limit\./);

    const miniwob = await timedOutEpisode('miniwob');
    expect(miniwob).toMatchObject({ status: 'finished', stopReason: 'time_limit', success: false, score: -1 });
    expect(miniwob.evaluation!.checks[0].note).toContain('scored −1');
  });

  it('--episode-timeout in a run: every episode scored, and analyze agrees with run (both success rules)', { timeout: 300_000 }, async () => {
    // Seeds 1, 2, 3: right click, wrong click, a policy call that never answers (the run's time limit ends it).
    server.reset();
    server.enqueue(click(true), click(false), reply.hang());
    const scheduler = { episodeTimeoutMs: EPISODE_TIMEOUT_MS, infraRetries: 0 };
    const { runId, done } = await core.run({ taskIds: [TASK], policy: 'react', seed: 1, seedsPerTask: 3, scheduler });
    const episodes = (await done).sort((a, b) => a.seed - b.seed);
    expect(episodes.map((e) => [e.seed, e.stopReason, e.success, e.score])).toEqual([
      [1, 'task_done', true, 1], [2, 'task_done', false, -1], [3, 'time_limit', false, 0],
    ]);
    await expectAnalyzeAgrees(runId, episodes);

    // The same run under the miniwob package's rule (a run keeps the rule it was started with).
    server.reset();
    server.enqueue(click(true), click(false), reply.hang());
    const miniwobRun = 'miniwob-rule-timeout-run';
    await core.store.runs.create({
      id: miniwobRun, kind: 'eval', status: 'interrupted', createdAt: new Date().toISOString(),
      config: { policy: 'react', seed: 1, seedsPerTask: 3, taskIds: [TASK], miniwobSuccess: 'miniwob', scheduler },
    });
    const again = (await (await core.resume(miniwobRun)).done).sort((a, b) => a.seed - b.seed);
    expect(again.map((e) => [e.seed, e.stopReason, e.success, e.score])).toEqual([
      [1, 'task_done', true, 1], [2, 'task_done', false, -1], [3, 'time_limit', false, -1],
    ]);
    expect(again.every((e) => e.evaluation?.profile === 'miniwob/miniwob')).toBe(true);
    await expectAnalyzeAgrees(miniwobRun, again);
  });
});

/** `run` prints successes / scored episodes (countsTowardSuccessRate); analyze's report must count the same. */
async function expectAnalyzeAgrees(runId: string, episodes: Awaited<ReturnType<typeof timedOutEpisode>>[]) {
  const scored = episodes.filter(countsTowardSuccessRate);
  expect(scored).toHaveLength(episodes.length); // none unscored
  const report = await analyzeRun(core.store, runId);
  expect(report.success.overall).toMatchObject({ total: scored.length, successes: scored.filter((e) => e.success).length });
  expect(report.infrastructureFailures).toBe(0);
  // Every failure is analysed, the timed-out one included.
  expect(Object.keys(report.analyses).sort()).toEqual(scored.filter((e) => !e.success).map((e) => e.id).sort());
}
