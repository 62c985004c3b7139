// The AutoRater and in-episode subgoal generation end with the episode: a cancel or the time limit cuts a
// judge or planner call that never answers, and the episode ends as cancelled / time limit with every step it
// completed (a step is stored before it is judged). A judge that fails for another reason is recorded and
// explained, not swallowed; storage failing under it ends the episode as storage_error.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runEpisode, type EpisodeDeps } from '../../main/agent/episode-loop';
import type { Policy, PolicyDecision, PolicyInput } from '../../main/agent/policy';
import { scoreTask } from '../../main/eval/score-task';
import { createPolicy } from '../../main/runs/policies';
import { sandboxEnvironment } from '../../main/runs/environments';
import { StorageError } from '../../main/store/storage-error';
import type { SubgoalMonitor } from '../../main/subgoals/monitor';
import { reply, type GeminiServer, type RecordedRequest } from '../fixtures/gemini-server';
import { startLlmCore, type LlmCore } from '../fixtures/llm-core';
import type { TestCore } from '../helpers/use-core';

const KEY = 'autorater-abort-key';
const TASK = 'sandbox/shop/sorted-category/0';
const SUBGOALS = ['The Shoes category page is open', 'Sort By is set to Price: High to Low', 'The listing is sorted', 'The agent has stopped'];
let fixture: LlmCore;
let core: TestCore;
let server: GeminiServer;

beforeAll(async () => {
  // The LLM's own time-out (30 s, one attempt) is not what may end these calls: only the episode's abort.
  fixture = await startLlmCore({ key: KEY, model: 'gemini-2.5-flash', thinkingBudget: 0, llm: { cacheDir: false, timeoutMs: 30_000, retry: { maxAttempts: 1 } } });
  ({ core, server } = fixture);
}, 120_000);
afterAll(async () => {
  await fixture?.close();
});
beforeEach(() => server.reset());

const userText = (r: RecordedRequest): string => r.body.contents[0].parts[0].text;

/** A policy reply clicking the Shoes link of the page the request shows. */
const clickShoes = reply.dynamic((req) => {
  const id = /\[(\w+)\] link 'Shoes'/.exec(userText(req))![1];
  return reply.text(`Current: 1.\n\`\`\`click [${id}]\`\`\``);
});

/** A judge (or planner) call that never answers; the moment it arrives, `abort` fires (a Ctrl-C, the clock). */
const hangAfter = (abort: () => void) => reply.dynamic(() => {
  abort();
  return reply.hang();
});

describe('cancel and the time limit reach the AutoRater and the planner', () => {
  it('a cancel while the AutoRater waits ends the episode as cancelled, keeping step 0 and its action', { timeout: 120_000 }, async () => {
    let cancel = () => {};
    server.enqueue(reply.json({ subgoals: SUBGOALS }), clickShoes, hangAfter(() => cancel()));
    const started = await core.run({ taskIds: [TASK], policy: 'sgo', scheduler: { infraRetries: 0 } });
    cancel = started.cancel;
    const [episode] = await started.done;

    expect(episode).toMatchObject({ status: 'interrupted', stopReason: 'cancelled', success: null });
    expect((await core.store.runs.get(started.runId))?.status).toBe('interrupted');
    // Step 0 was stored before it was judged: the policy's call and its click are kept, progress unadvanced.
    const steps = await core.store.steps.list(episode.id);
    expect(steps.map((s) => [s.t, s.action?.type, s.progress])).toEqual([[0, 'click', [0, 0, 0, 0]]]);
    expect(await core.api.getBlobText(steps[0].promptRef!)).toContain(SUBGOALS[0]);
    const calls = await core.inference.calls.list(episode.id);
    expect(calls.map((c) => [c.purpose, c.t, c.ok, c.errorKind])).toEqual([['subgoals', 0, true, null], ['policy', 0, true, null], ['autorater', 0, false, 'cancelled']]);
    // A cut-off judgement is no verdict.
    expect(await core.inference.verdicts.list(episode.id)).toEqual([]);
  });

  it('a cancel while the subgoals are generated ends the episode as cancelled, with no set made', { timeout: 120_000 }, async () => {
    let cancel = () => {};
    const setsBefore = (await core.inference.subgoalSets.list(TASK)).length;
    server.enqueue(hangAfter(() => cancel()));
    const started = await core.run({ taskIds: [TASK], policy: 'sgo', scheduler: { infraRetries: 0 } });
    cancel = started.cancel;
    const [episode] = await started.done;

    expect(episode).toMatchObject({ status: 'interrupted', stopReason: 'cancelled' });
    expect(await core.store.steps.list(episode.id)).toEqual([]);
    expect((await core.inference.calls.list(episode.id)).map((c) => [c.purpose, c.errorKind])).toEqual([['subgoals', 'cancelled']]);
    expect(await core.inference.subgoalSets.list(TASK)).toHaveLength(setsBefore);
  });

  it('the time limit while the AutoRater waits ends the episode as time_limit, keeping step 0', { timeout: 120_000 }, async () => {
    // The scheduler's abort, fired when the judge's call arrives rather than by a clock.
    const controller = new AbortController();
    server.enqueue(reply.json({ subgoals: SUBGOALS }), clickShoes, hangAfter(() => controller.abort('time_limit')));
    const task = (await core.store.tasks.get(TASK))!;
    const episodeId = randomUUID();
    const llm = await core.inference.episodeContext({ task, episodeId, seed: 0, policy: 'sgo', signal: controller.signal });
    const environment = sandboxEnvironment(core.sandbox!);
    const policy = createPolicy('sgo', { llm, resolveUrl: environment.resolveUrl, seed: 0 });
    const deps = {
      store: core.store, pool: core.pool,
      evaluate: (t, ctx) => scoreTask(t, ctx, 'browsergym'),
      onVerdicts: (id, t, verdicts) => core.inference.recordVerdicts(id, t, verdicts),
    } satisfies EpisodeDeps;
    const episode = await runEpisode(deps, { task, policy, environment, episodeId, signal: controller.signal, monitor: llm.monitor });

    expect(episode).toMatchObject({ status: 'finished', stopReason: 'time_limit', success: null });
    expect(episode.outcome).toContain('The episode ran past its time limit.');
    expect((await core.store.steps.list(episodeId)).map((s) => [s.t, s.action?.type])).toEqual([[0, 'click']]);
    expect((await core.inference.calls.list(episodeId)).at(-1)).toMatchObject({ purpose: 'autorater', ok: false, errorKind: 'cancelled' });
  });
});

/** Clicks nothing (a scroll), then stops: two steps, each judged by the monitor under test. */
class ScrollThenStop implements Policy {
  readonly name = 'scroll-then-stop';
  async decide(input: PolicyInput): Promise<PolicyDecision> {
    return { reply: input.t === 0 ? '```scroll [down]```' : '```stop [done]```' };
  }
}

/** A monitor over one milestone whose judge throws `err` at step 0 and says "done" at step 1. */
function failingMonitor(err: Error): SubgoalMonitor {
  return {
    subgoals: [{ text: 'The page was scrolled' }],
    async afterAction(input) {
      if (input.t === 0) throw err;
      return { progress: [1], verdicts: [{ index: 0, done: true, evidence: 'scrolled', judge: 'llm', latencyMs: 1 }] };
    },
  };
}

async function judgedEpisode(monitor: SubgoalMonitor) {
  const task = (await core.store.tasks.get(TASK))!;
  const deps = {
    store: core.store, pool: core.pool,
    evaluate: (t, ctx) => scoreTask(t, ctx, 'browsergym'),
    onVerdicts: (id, t, verdicts) => core.inference.recordVerdicts(id, t, verdicts),
  } satisfies EpisodeDeps;
  const episode = await runEpisode(deps, { task, policy: new ScrollThenStop(), environment: sandboxEnvironment(core.sandbox!), monitor });
  return { episode, steps: await core.store.steps.list(episode.id), verdicts: await core.inference.verdicts.list(episode.id) };
}

describe('a judge that fails for another reason', () => {
  it('is recorded as the pending milestone\'s verdict, saying why; progress is kept and the episode goes on', { timeout: 120_000 }, async () => {
    const { episode, steps, verdicts } = await judgedEpisode(failingMonitor(new Error('the predicate engine broke')));
    expect(episode).toMatchObject({ status: 'finished', stopReason: 'agent_stop' });
    expect(steps.map((s) => s.progress)).toEqual([[0], [1]]);
    expect(verdicts.map((v) => [v.t, v.subgoalIndex, v.done])).toEqual([[0, 0, false], [1, 0, true]]);
    expect(verdicts[0].evidence).toBe('The milestones from 1 on could not be judged: the predicate engine broke; progress kept.');
  });

  it('storage failing under it ends the episode as storage_error, with the step kept', { timeout: 120_000 }, async () => {
    const full = new StorageError('Could not write the verdicts: SQLITE_FULL: database or disk is full');
    const { episode, steps, verdicts } = await judgedEpisode(failingMonitor(full));
    expect(episode).toMatchObject({ status: 'error', stopReason: 'storage_error', success: null });
    expect(episode.outcome).toContain('The milestones could not be judged after step 1: Could not write the verdicts: SQLITE_FULL');
    expect(steps.map((s) => s.t)).toEqual([0]);
    expect(verdicts).toEqual([]);
  });
});
