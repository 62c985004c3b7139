// WebArena's fuzzy_match checks are judged by the run's LLM (runs/evaluation-judge.ts, docs/design/WEBARENA.md
// §2.2): before, no judge reached runs, so 40 of WebArena-Lite's 165 tasks could never pass. A stand-in task on
// the sandbox shop, scored by string_match fuzzy_match, run by the wrong policy against a loopback Gemini server
// that plays the judge: its verdict decides the episode, its call is recorded with the episode, an outage is an
// infrastructure failure (retried, never counted), and with no LLM the run is refused before it exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { parseWebArenaJson, siteProfileFromEnv } from '../../main/tasks';
import { reply, startGeminiServer, type GeminiServer } from '../fixtures/gemini-server';
import { useGeminiServer } from '../fixtures/gemini-settings';
import { openTestCore, useCore, type TestCore } from '../helpers/use-core';

const KEY = 'judge-key-2207';
const sandbox = useCore({ sandbox: { instancesPerFamily: 1 } });
let server: GeminiServer;
let core: TestCore;

const judgedTask = (taskId: number) => ({
  task_id: taskId, sites: ['shopping'], require_login: false, storage_state: null, start_url: '__SHOPPING__',
  intent: 'What colour is the sky on a clear day?',
  eval: { eval_types: ['string_match'], reference_answers: { fuzzy_match: ['blue'] }, reference_url: '', program_html: [] },
});

async function importInto(target: TestCore, configs: unknown[]): Promise<string[]> {
  const { tasks, errors } = parseWebArenaJson(JSON.stringify(configs), 'inline.json');
  expect(errors).toEqual([]);
  for (const task of tasks) await target.store.tasks.upsert(task);
  return tasks.map((t) => t.id);
}

beforeAll(async () => {
  server = await startGeminiServer({ apiKey: KEY });
  const shop = sandbox.sandbox!.placeholders().__SHOPPING__;
  core = await openTestCore({
    sandbox: false, siteProfile: siteProfileFromEnv({ WA_SHOPPING: `${shop}/` }), secrets: new MemorySecretStore({}),
    llm: { cacheDir: false, timeoutMs: 30_000, retry: { maxAttempts: 2, sleep: async () => undefined } },
  });
  await useGeminiServer(core.api, server, KEY, 'gemini-2.5-flash', 128);
}, 120_000);
afterAll(async () => {
  await core?.close();
  await server?.close();
});

describe('the fuzzy_match judge of a run', () => {
  it('asks the run\'s LLM the original question; its verdict decides the episode and the call is kept with it', { timeout: 120_000 }, async () => {
    const [id] = await importInto(core, [judgedTask(7001)]);
    server.reset();
    server.enqueue(reply.text('correct'));
    const [episode] = await (await core.run({ taskIds: [id], policy: 'wrong', seed: 3 })).done;
    expect(episode).toMatchObject({ status: 'finished', success: true, score: 1 });
    expect(episode.evaluation!.checks[0]).toMatchObject({ rule: 'fuzzy_match (LLM, per reference)', passed: true, note: 'judge said "correct"' });
    const calls = await core.store.llmCalls.list(episode.id);
    expect(calls.map((c) => [c.purpose, c.ok, c.t])).toEqual([['fuzzy_match', true, null]]);
    const prompt = JSON.stringify(server.requests[0].body);
    expect(prompt).toContain('Help a teacher to grade the answer of a student given a question.');
    expect(prompt).toContain('reference answer: blue');
  });

  it('records a judge outage as an infrastructure failure, left out of every rate', { timeout: 120_000 }, async () => {
    const [id] = await importInto(core, [judgedTask(7002)]);
    server.reset();
    // Two attempts per call and no retry of the episode: two 503s outlast them.
    server.enqueue(reply.serverError(503, 'The model is overloaded.'), reply.serverError(503, 'The model is overloaded.'));
    const [episode] = await (await core.run({ taskIds: [id], policy: 'wrong', seed: 3, scheduler: { infraRetries: 0 } })).done;
    expect(episode).toMatchObject({ status: 'error', stopReason: 'llm_unavailable', success: null });
    expect(episode.outcome).toMatch(/The evaluation's LLM judge failed: The LLM provider failed: .*overloaded/);
  });

  it('refuses, before creating a run, judged tasks when no LLM is configured, naming them', { timeout: 120_000 }, async () => {
    const shop = sandbox.sandbox!.placeholders().__SHOPPING__;
    const bare = await openTestCore({ sandbox: false, siteProfile: siteProfileFromEnv({ WA_SHOPPING: `${shop}/` }), secrets: new MemorySecretStore({}) });
    try {
      const ids = await importInto(bare, [judgedTask(7003)]);
      await expect(bare.run({ taskIds: ids, policy: 'wrong' })).rejects.toThrow(
        /^1 task\(s\) \(webarena\/7003\) are scored by an LLM judge \(fuzzy_match\), which is the run's LLM: .* Configure an LLM in Settings, or leave those tasks out\.$/,
      );
      expect(await bare.store.runs.list()).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
