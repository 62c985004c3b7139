// Issue 5 "Must show", at the policy level (the provider-level fault tests are llm-gemini-faults.test.ts):
// through a whole episode, 429 then success is retried and recorded in llm_calls; garbage replies become
// recorded parse failures counted by the stop rule; a hanging server is cut by the time-out; a subgoal reply
// of the wrong shape is a clear recorded error.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { reply, type GeminiServer } from '../fixtures/gemini-server';
import { startLlmCore, type LlmCore } from '../fixtures/llm-core';

const KEY = 'faults-key-5678';
const TASK = 'sandbox/shop/sorted-category/0';
let core: Core;
let server: GeminiServer;
let fixture: LlmCore;

beforeAll(async () => {
  fixture = await startLlmCore({ key: KEY, model: 'gemini-2.5-flash', thinkingBudget: 256, llm: { cacheDir: false, timeoutMs: 400, retry: { maxAttempts: 2, sleep: async () => undefined } } });
  ({ core, server } = fixture);
});
afterAll(async () => {
  await fixture?.close();
});
beforeEach(() => server.reset());

async function runOne(policy: 'react' | 'sgo', scheduler?: { infraRetries: number }) {
  const { done } = await core.run({ taskIds: [TASK], policy, scheduler });
  const [episode] = await done;
  return { episode, steps: await core.store.steps.list(episode.id), calls: await core.inference.calls.list(episode.id) };
}

describe('LLM policy faults over real HTTP', () => {
  it('429 then success: retried, and the call record keeps both attempts', async () => {
    server.enqueue(reply.rateLimited(), reply.text('The page is the store front.\n```stop [N/A]```'));
    const { episode, calls } = await runOne('react');
    expect(episode.stopReason).toBe('agent_stop');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ purpose: 'policy', t: 0, ok: true, attempts: 2, model: 'gemini-2.5-flash' });
    expect(calls[0].attemptLog).toMatchObject([{ attempt: 1, ok: false, status: 429, kind: 'rate_limited' }, { attempt: 2, ok: true }]);
    // ReAct on a sandbox task is still judged against the reference subgoals (predicates, no LLM).
    const detail = await core.api.getEpisode(episode.id);
    expect(detail.subgoals?.origin).toBe('reference');
    expect(detail.verdicts.every((v) => v.judge === 'predicate')).toBe(true);
  });

  it("a proxy's HTML page is a provider fault that is retried, never the model's reply; the model's prose is a parse failure", async () => {
    server.enqueue(reply.garbage(), reply.text('I think I should look around first.'), reply.text('Still looking.'), reply.text('Hmm.'));
    const { episode, steps, calls } = await runOne('react');
    expect(episode.stopReason).toBe('parse_failures');
    expect(steps).toHaveLength(3);
    expect(steps.every((s) => s.action === null && s.actionError !== null)).toBe(true);
    expect(await core.api.getBlobText(steps[0].responseRef!)).toBe('I think I should look around first.');
    expect(calls.map((c) => [c.ok, c.errorKind, c.finishReason])).toEqual([[true, null, 'STOP'], [true, null, 'STOP'], [true, null, 'STOP']]);
    expect(calls[0].attemptLog).toMatchObject([{ attempt: 1, ok: false, kind: 'server' }, { attempt: 2, ok: true }]);
  });

  it('HTML on every attempt ends the episode as the provider being unavailable, with the reason', async () => {
    server.enqueue(reply.garbage(), reply.garbage());
    const { episode, steps, calls } = await runOne('react', { infraRetries: 0 });
    expect(episode).toMatchObject({ status: 'error', stopReason: 'llm_unavailable', success: null });
    expect(episode.outcome).toContain("the server's reply is not Gemini JSON: <html><body>upstream hiccup</body></html>");
    // The step says the model could not be used; the page never reached the action grammar as a reply.
    expect(steps.map((s) => s.actionError?.startsWith('The policy model could not be used at step 1:'))).toEqual([true]);
    expect(calls).toMatchObject([{ ok: false, errorKind: 'server', attempts: 2 }]);
  });

  it('a safety-blocked reply names SAFETY, is recorded with its finish reason and is not counted as a parse failure', async () => {
    server.enqueue(reply.text('', { finishReason: 'SAFETY', usage: { promptTokenCount: 900, candidatesTokenCount: 0 } }));
    const { episode, calls } = await runOne('react');
    expect(episode.stopReason).toBe('policy_error');
    expect(episode.outcome).toContain('the provider stopped the reply early (finish reason SAFETY)');
    expect(calls).toMatchObject([{ ok: false, errorKind: 'incomplete', finishReason: 'SAFETY', inputTokens: 900 }]);
  });

  it('policy calls carry an output ceiling: the answer room plus the thinking budget', async () => {
    server.enqueue(reply.text('The page is the store front.\n```stop [N/A]```'));
    await runOne('react');
    expect(server.requests[0].body.generationConfig).toMatchObject({ maxOutputTokens: 4096 + 256, thinkingConfig: { thinkingBudget: 256 } });
  });

  it('a hanging server is cut by the per-attempt time-out and the episode ends with the reason', async () => {
    server.enqueue(reply.hang(), reply.hang());
    const { episode, calls } = await runOne('react', { infraRetries: 0 });
    // An unreachable model is an infrastructure failure (issue 14): status error, not the agent's result.
    expect(episode).toMatchObject({ status: 'error', stopReason: 'llm_unavailable', success: null });
    expect(episode.outcome).toMatch(/no reply within 400 ms \(gave up after 2 attempts\)/);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ ok: false, errorKind: 'timeout', attempts: 2 });
  });

  it('a subgoal reply of the wrong shape is a clear, recorded error', async () => {
    server.enqueue(reply.json({ subgoals: ['Open the Shoes category', 'Stop'] }));
    const { episode, steps, calls } = await runOne('sgo');
    expect(episode.stopReason).toBe('policy_error');
    expect(episode.outcome).toContain('The subgoal reply is not 4 milestones: got 2');
    expect(steps[0].actionError).toContain('SGO could not generate subgoals');
    expect(calls).toMatchObject([{ purpose: 'subgoals', ok: false, errorKind: 'unparseable' }]);
  });

  it('a run with an LLM policy and no usable provider fails before anything runs', async () => {
    await core.api.clearSecret('gemini_api_key');
    await expect(core.run({ taskIds: [TASK], policy: 'sgo' })).rejects.toThrow(/Gemini needs an API key/);
    await core.api.setSecret('gemini_api_key', KEY);
  });
});
