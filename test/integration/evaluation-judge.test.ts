// WebArena's fuzzy_match checks are judged by the run's LLM (runs/evaluation-judge.ts, docs/design/WEBARENA.md
// §2.2): before, no judge reached runs, so 40 of WebArena-Lite's 165 tasks could never pass. A stand-in task on
// the sandbox shop, scored by string_match fuzzy_match, run by the wrong policy against a loopback Gemini server
// that plays the judge: its verdict decides the episode, its call is recorded with the episode, an outage is an
// infrastructure failure (retried, never counted), and with no LLM the run is refused before it exists. The judge
// is a setting (the run's LLM by default, or a fixed provider and model, from Settings or `run --judge-*`), and
// a run records the judge it used and keeps it when resumed.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from '../../main/cli/args';
import { llmSettingsOverrides } from '../../main/cli/llm-settings';
import { runCommand } from '../../main/cli/run-command';
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

/** A loopback URL whose port was just free: nothing listens there. */
async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/v1`;
  await new Promise((resolve) => probe.close(resolve));
  return url;
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
    // Settings' judge is the run's LLM by default: the run records which model that was.
    expect((await core.store.runs.get(episode.runId!))?.config.judge).toEqual({ provider: 'gemini', model: 'gemini-2.5-flash', thinkingBudget: 128 });
  });

  it('keeps the judge a run recorded when it is resumed after the setting changed', { timeout: 120_000 }, async () => {
    const [id] = await importInto(core, [judgedTask(7006)]);
    await core.api.updateSettings({ judge: { provider: 'gemini', model: 'judge-a' } });
    try {
      server.reset();
      server.enqueue(reply.serverError(503, 'The model is overloaded.'), reply.serverError(503, 'The model is overloaded.'));
      const { runId, done } = await core.run({ taskIds: [id], policy: 'wrong', seed: 3, scheduler: { infraRetries: 0 } });
      expect((await done)[0].status).toBe('error');
      await core.api.updateSettings({ judge: { provider: 'gemini', model: 'judge-b' } });
      // Without its provider's key the recorded judge cannot be used: the resume says so and leaves the run.
      await core.api.clearSecret('gemini_api_key');
      await expect(core.resume(runId)).rejects.toThrow(/which is the run's recorded judge: Gemini needs an API key .* A run keeps the judge it started with: set that provider's key and base URL in Settings/);
      await core.api.setSecret('gemini_api_key', KEY);
      server.enqueue(reply.text('correct'));
      const [resumed] = await (await core.resume(runId)).done;
      expect(resumed).toMatchObject({ status: 'finished', success: true });
      expect(server.requests.map((r) => r.model)).toEqual(['judge-a', 'judge-a', 'judge-a']);
    } finally {
      await core.api.updateSettings({ judge: { provider: 'run', model: null } });
    }
  });

  it('keeps judging a run recorded before judges were with its own LLM when resumed, and records that judge', { timeout: 120_000 }, async () => {
    const [id] = await importInto(core, [judgedTask(7008)]);
    try {
      server.reset();
      server.enqueue(reply.serverError(503, 'The model is overloaded.'), reply.serverError(503, 'The model is overloaded.'));
      const { runId, done } = await core.run({ taskIds: [id], policy: 'wrong', seed: 3, llm: { provider: 'gemini', model: 'old-run-model' }, scheduler: { infraRetries: 0 } });
      expect((await done)[0].status).toBe('error');
      // As stored before judges were recorded: its episodes were judged by its own LLM.
      await core.store.db.run(`UPDATE runs SET config = json_remove(config, '$.judge') WHERE id = ?`, [runId]);
      await core.api.updateSettings({ judge: { provider: 'gemini', model: 'judge-b' } });
      server.enqueue(reply.text('correct'));
      const [resumed] = await (await core.resume(runId)).done;
      expect(resumed).toMatchObject({ status: 'finished', success: true });
      expect(server.requests.map((r) => r.model)).toEqual(['old-run-model', 'old-run-model', 'old-run-model']);
      expect((await core.store.runs.get(runId))?.config.judge).toEqual({ provider: 'gemini', model: 'old-run-model', thinkingBudget: 128 });
    } finally {
      await core.api.updateSettings({ judge: { provider: 'run', model: null } });
    }
  });

  it('judges a fork with its source run\'s judge, not the one Settings name now', { timeout: 120_000 }, async () => {
    const [id] = await importInto(core, [judgedTask(7009)]);
    await core.api.updateSettings({ judge: { provider: 'gemini', model: 'judge-a' } });
    try {
      server.reset();
      server.enqueue(reply.text('correct'));
      const [source] = await (await core.run({ taskIds: [id], policy: 'wrong', seed: 3 })).done;
      expect(source).toMatchObject({ status: 'finished', success: true });
      await core.api.updateSettings({ judge: { provider: 'gemini', model: 'judge-b' } });
      server.enqueue(reply.text('correct'));
      const { runId } = await core.api.forkEpisode({ episodeId: source.id, fromStep: 0, policy: 'wrong' });
      for (const deadline = Date.now() + 90_000; (await core.store.runs.get(runId))?.status === 'running';) {
        if (Date.now() > deadline) throw new Error(`fork run ${runId} did not end`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(server.requests.map((r) => r.model)).toEqual(['judge-a', 'judge-a']);
      expect((await core.store.runs.get(runId))?.config.judge).toMatchObject({ provider: 'gemini', model: 'judge-a' });
    } finally {
      await core.api.updateSettings({ judge: { provider: 'run', model: null } });
    }
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
        /^1 task\(s\) \(webarena\/7003\) are scored by an LLM judge \(fuzzy_match\), which is the run's LLM: .* Set the judge LLM in Settings \(Language model → Judge\), or give run --judge-provider, --judge-model and --judge-base-url, or leave those tasks out\.$/,
      );
      expect(await bare.store.runs.list()).toEqual([]);
    } finally {
      await bare.close();
    }
  });

  it('judges with the judge set in Settings, not the run\'s LLM, and records it with the run', { timeout: 120_000 }, async () => {
    // No run LLM at all (an oracle or baseline has none): the judge alone is configured, with its own model.
    const shop = sandbox.sandbox!.placeholders().__SHOPPING__;
    const judged = await openTestCore({ sandbox: false, siteProfile: siteProfileFromEnv({ WA_SHOPPING: `${shop}/` }), secrets: new MemorySecretStore({}), llm: { cacheDir: false } });
    try {
      await useGeminiServer(judged.api, server, KEY, 'gemini-2.5-flash', 0);
      await judged.api.updateSettings({ provider: 'none', judge: { provider: 'gemini', model: 'gemini-judge-fixed' } });
      expect((await judged.api.getSettings()).settings.judge).toEqual({ provider: 'gemini', model: 'gemini-judge-fixed', baseUrl: null });
      const [id] = await importInto(judged, [judgedTask(7004)]);
      server.reset();
      server.enqueue(reply.text('incorrect'));
      const { runId, done } = await judged.run({ taskIds: [id], policy: 'wrong', seed: 3 });
      const [episode] = await done;
      expect(episode).toMatchObject({ status: 'finished', success: false, score: 0 });
      expect(server.requests.map((r) => r.model)).toEqual(['gemini-judge-fixed']);
      expect(JSON.stringify(server.requests[0].body)).toContain('"temperature":0');
      const calls = await judged.store.llmCalls.list(episode.id);
      expect(calls.map((c) => [c.purpose, c.model])).toEqual([['fuzzy_match', 'gemini-judge-fixed']]);
      expect((await judged.store.runs.get(runId))?.config.judge).toEqual({ provider: 'gemini', model: 'gemini-judge-fixed', thinkingBudget: 0 });
    } finally {
      await judged.close();
    }
  });

  it('takes run --judge-provider/--judge-model over Settings for the process, leaving settings.json alone', { timeout: 120_000 }, async () => {
    const shop = sandbox.sandbox!.placeholders().__SHOPPING__;
    const flags = ['--judge-provider', 'gemini', '--judge-model', 'judge-from-cli'];
    const settingsOverrides = llmSettingsOverrides(parseArgs(['run', ...flags]), {});
    const cli = await openTestCore({ sandbox: false, siteProfile: siteProfileFromEnv({ WA_SHOPPING: `${shop}/` }), secrets: new MemorySecretStore({}), llm: { cacheDir: false }, settingsOverrides });
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      await useGeminiServer(cli.api, server, KEY, 'gemini-2.5-flash', 0);
      const [id] = await importInto(cli, [judgedTask(7007)]);
      server.reset();
      server.enqueue(reply.text('correct'));
      expect(await runCommand(parseArgs(['run', '--tasks', id, '--policy', 'wrong', '--concurrency', '1', ...flags]), cli)).toBe(0);
      expect(lines).toContain('fuzzy_match checks are judged by gemini judge-from-cli (temperature 0)');
      expect(server.requests.map((r) => r.model)).toEqual(['judge-from-cli']);
      const [run] = await cli.store.runs.list();
      expect(run.config.judge).toMatchObject({ provider: 'gemini', model: 'judge-from-cli' });
      expect(JSON.parse(await readFile(join(cli.dataDir, 'settings.json'), 'utf8')).judge).toEqual({ provider: 'run', model: null, baseUrl: null });
    } finally {
      spy.mockRestore();
      await cli.close();
    }
  });

  it('refuses a judge set in Settings that cannot be used, saying what to set, before creating a run', { timeout: 120_000 }, async () => {
    const shop = sandbox.sandbox!.placeholders().__SHOPPING__;
    const bare = await openTestCore({ sandbox: false, siteProfile: siteProfileFromEnv({ WA_SHOPPING: `${shop}/` }), secrets: new MemorySecretStore({}) });
    try {
      // The run's LLM is usable; the judge's provider has no base URL.
      await useGeminiServer(bare.api, server, KEY);
      await bare.api.updateSettings({ judge: { provider: 'openai-compatible', model: 'gpt-4-1106-preview' } });
      const ids = await importInto(bare, [judgedTask(7005)]);
      await expect(bare.run({ taskIds: ids, policy: 'wrong' })).rejects.toThrow(
        /^1 task\(s\) \(webarena\/7005\) are scored by an LLM judge \(fuzzy_match\), which is the judge LLM set in Settings: the OpenAI-compatible judge lacks a server \(the judge's base URL in Settings → Judge or run --judge-base-url, or the OpenAI-compatible base URL\)\. Set the judge LLM in Settings \(Language model → Judge\)/,
      );
      // A judge endpoint nothing listens on is refused like the run's LLM would be.
      const closed = await closedPortUrl();
      await bare.api.updateSettings({ openaiCompatible: { baseUrl: closed } });
      await expect(bare.run({ taskIds: ids, policy: 'wrong' })).rejects.toThrow(
        `The fuzzy_match judge: The LLM provider at ${new URL(closed).origin} cannot be reached (ECONNREFUSED): start the server or correct its base URL in Settings.`,
      );
      expect(await bare.store.runs.list()).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
