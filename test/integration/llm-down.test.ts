// Issue 14 "Must show" (LLM-down): an LLM policy against a loopback Gemini server that answers 503, closes the
// connection, refuses the key (401) or rate-limits past the retries. Each such episode is recorded as status
// 'error' with its own stop reason, left out of the success rate, and `resume` runs it again once the server
// is back. An unreachable provider fails the run before it exists.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { reply, type GeminiServer } from '../fixtures/gemini-server';
import { startLlmCore, type LlmCore } from '../fixtures/llm-core';

const KEY = 'llm-down-key-4321';
const STOP = () => reply.text('Nothing to do on this page.\n```stop [N/A]```');
let fixture: LlmCore;
let core: Core;
let server: GeminiServer;

beforeAll(async () => {
  // Two attempts per call, no waiting between them: a fault must outlast the client's retries to end an episode.
  fixture = await startLlmCore({ key: KEY, model: 'gemini-2.5-flash', thinkingBudget: 128, llm: { cacheDir: false, timeoutMs: 30_000, retry: { maxAttempts: 2, sleep: async () => undefined } } });
  ({ core, server } = fixture);
}, 120_000);
afterAll(async () => {
  await fixture?.close();
});
beforeEach(() => server.reset());

const shopTasks = (n: number) => core.catalog!.all().filter((i) => i.family.startsWith('shop/')).slice(0, n).map((i) => i.id);

describe('LLM down', () => {
  it('records each outage as an error with its reason, keeps it out of the success rate, and resume reruns it', { timeout: 300_000 }, async () => {
    const taskIds = shopTasks(5);
    // Concurrency 1 and one policy call per episode (ReAct stops at once): the replies go to the tasks in order.
    server.enqueue(
      reply.serverError(503, 'The model is overloaded.'), reply.serverError(503, 'The model is overloaded.'),
      reply.drop(), reply.drop(),
      reply.error(401, 'Request had invalid authentication credentials.'),
      reply.rateLimited(), reply.rateLimited(),
      STOP(),
    );
    const { runId, done } = await core.run({ taskIds, policy: 'react', scheduler: { infraRetries: 0 } });
    const first = await done;
    expect(first.map((e) => [e.taskId, e.status, e.stopReason, e.success])).toEqual([
      [taskIds[0], 'error', 'llm_unavailable', null],
      [taskIds[1], 'error', 'llm_unavailable', null],
      [taskIds[2], 'error', 'llm_auth', null],
      [taskIds[3], 'error', 'llm_rate_limited', null],
      [taskIds[4], 'finished', 'agent_stop', false],
    ]);
    expect(first[0].outcome).toContain('HTTP 503 server error: The model is overloaded. (gave up after 2 attempts)');
    expect(first[1].outcome).toMatch(/could not reach http:\/\/127\.0\.0\.1:\d+/);
    expect(first[2].outcome).toContain('HTTP 401 refused the credentials');
    expect(first[3].outcome).toContain('HTTP 429 rate limited');
    expect(first.every((e) => !e.outcome!.includes(KEY))).toBe(true);
    expect((await core.store.runs.get(runId))?.status).toBe('error');

    // Only the one episode the model served counts: four outages say nothing about the agent.
    const report = await core.api.getRunReport(runId);
    expect(report.success.overall).toEqual({ total: 1, successes: 0, rate: 0 });
    expect(report.infrastructureFailures).toBe(4);

    // The server is back: resume runs the four failed tasks again, and only those.
    server.enqueue(STOP(), STOP(), STOP(), STOP());
    const resumed = await (await core.resume(runId)).done;
    expect(resumed.map((e) => [e.taskId, e.status, e.stopReason])).toEqual(taskIds.slice(0, 4).map((id) => [id, 'finished', 'agent_stop']));
    expect((await core.store.runs.get(runId))?.status).toBe('finished');
    const after = await core.api.getRunReport(runId);
    expect([after.success.overall.total, after.infrastructureFailures]).toEqual([5, 0]);
    // The failed attempts stay recorded beside their reruns.
    const all = await core.store.episodes.list({ runId });
    expect(all.filter((e) => e.status === 'error')).toHaveLength(4);
    expect(all.filter((e) => e.status === 'finished')).toHaveLength(5);
  });

  it('the scheduler retries an outage; the errored attempt stays recorded and the retry is the result', { timeout: 180_000 }, async () => {
    server.enqueue(reply.serverError(503), reply.serverError(503), STOP());
    const { runId, done } = await core.run({ taskIds: shopTasks(1), policy: 'react', scheduler: { infraRetries: 1 } });
    const [final] = await done;
    expect(final).toMatchObject({ status: 'finished', stopReason: 'agent_stop' });
    const attempts = await core.store.episodes.list({ runId });
    expect(attempts.map((e) => e.stopReason).sort()).toEqual(['agent_stop', 'llm_unavailable']);
    expect((await core.store.runs.get(runId))?.status).toBe('finished');
  });

  it('a provider nobody listens for fails the run before it is created', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise((resolve) => probe.close(resolve));
    const runsBefore = (await core.store.runs.list()).length;
    try {
      await core.api.updateSettings({ gemini: { baseUrl: deadUrl } });
      await core.api.setSecret('gemini_api_key', KEY); // a key is tied to its endpoint: enter it for this one
      await expect(core.run({ taskIds: shopTasks(1), policy: 'react' })).rejects.toThrow(`The LLM provider at ${deadUrl} cannot be reached (ECONNREFUSED)`);
      expect(await core.store.runs.list()).toHaveLength(runsBefore);
      expect(server.requests).toHaveLength(0);
    } finally {
      await core.api.updateSettings({ gemini: { baseUrl: server.url } });
      await core.api.setSecret('gemini_api_key', KEY);
    }
  });
});
