// The standard WebArena evaluation (docs/design/WEBARENA.md §2.2): a local agent on an OpenAI-compatible server
// (vLLM) judged by a hosted model behind another OpenAI-compatible server (gpt-4-1106-preview at api.openai.com).
// Before, the judge took its provider's base URL and key, so both went to the agent's server. Two loopback
// stand-ins play the two servers; what each receives on the wire is asserted, and the judge key is looked for
// everywhere a front end, a run record, a log or a file could show it.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from '../../main/cli/args';
import { llmSettingsOverrides } from '../../main/cli/llm-settings';
import { runCommand } from '../../main/cli/run-command';
import { runHeaderLines } from '../../main/cli/run-header';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { parseWebArenaJson, siteProfileFromEnv } from '../../main/tasks';
import { chatReply, startOpenAiServer, type ChatServer } from '../fixtures/openai-server';
import { openTestCore, useCore, type TestCore } from '../helpers/use-core';

const AGENT_KEY = 'sk-agent-vllm-4411';
const JUDGE_KEY = 'sk-judge-hosted-7723';
const sandbox = useCore({ sandbox: { instancesPerFamily: 1 } });
let agent: ChatServer;
let judge: ChatServer;
let core: TestCore | null = null;

const judgedTask = (taskId: number) => ({
  task_id: taskId, sites: ['shopping'], require_login: false, storage_state: null, start_url: '__SHOPPING__',
  intent: 'What colour is the sky on a clear day?',
  eval: { eval_types: ['string_match'], reference_answers: { fuzzy_match: ['blue'] }, reference_url: '', program_html: [] },
});

async function importInto(target: TestCore, taskId: number): Promise<string> {
  const { tasks, errors } = parseWebArenaJson(JSON.stringify([judgedTask(taskId)]), 'inline.json');
  expect(errors).toEqual([]);
  await target.store.tasks.upsert(tasks[0]);
  return tasks[0].id;
}

async function open(options: { env?: NodeJS.ProcessEnv; allowEnvKeyForCustomEndpoint?: boolean; argv?: string[] } = {}): Promise<TestCore> {
  const shop = sandbox.sandbox!.placeholders().__SHOPPING__;
  core = await openTestCore({
    sandbox: false, siteProfile: siteProfileFromEnv({ WA_SHOPPING: `${shop}/` }), secrets: new MemorySecretStore(options.env ?? {}),
    llm: { cacheDir: false, retry: { maxAttempts: 1 }, allowEnvKeyForCustomEndpoint: options.allowEnvKeyForCustomEndpoint },
    ...(options.argv ? { settingsOverrides: llmSettingsOverrides(parseArgs(options.argv), {}) } : {}),
  });
  return core;
}

/** Every file under the data directory (settings.json, the database, logs, run folders), as bytes. */
async function dataDirHolds(dir: string, secret: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(secret)) found.push(path);
  }
  return found;
}

const agentStops = () => chatReply.text('The sky is blue.\n```stop [blue]```');

beforeAll(async () => {
  [agent, judge] = await Promise.all([startOpenAiServer(), startOpenAiServer()]);
});
afterAll(() => Promise.all([agent.close(), judge.close()]));
afterEach(async () => {
  await core?.close();
  core = null;
  agent.requests.length = 0;
  judge.requests.length = 0;
});

describe('a judge with a server of its own', () => {
  it('gets the judge\'s calls with the judge key; the agent\'s server gets the agent\'s calls with its own key', { timeout: 120_000 }, async () => {
    const c = await open();
    await c.api.updateSettings({
      provider: 'openai-compatible', openaiCompatible: { baseUrl: agent.url, model: 'qwen-local' },
      judge: { provider: 'openai-compatible', model: 'gpt-4-1106-preview', baseUrl: judge.url },
    });
    await c.api.setSecret('openai_api_key', AGENT_KEY);
    const view = await c.api.setSecret('judge_api_key', JUDGE_KEY);
    // The front end reads the key's status only.
    expect(view.secrets.judge_api_key).toMatchObject({ set: true, hint: '…7723', storage: 'memory', endpoint: new URL(judge.url).origin, note: null });
    expect(view.secrets.openai_api_key).toMatchObject({ set: true, hint: '…4411', endpoint: new URL(agent.url).origin });
    expect(JSON.stringify(await c.api.getSettings())).not.toContain(JUDGE_KEY);

    const lines: string[] = [];
    const record = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    const spies = (['log', 'info', 'warn', 'error'] as const).map((level) => vi.spyOn(console, level).mockImplementation(record));
    try {
      agent.enqueue(agentStops());
      judge.enqueue(chatReply.text('correct'));
      const id = await importInto(c, 7101);
      const { runId, done } = await c.run({ taskIds: [id], policy: 'react', seed: 1 });
      const [episode] = await done;
      expect(episode).toMatchObject({ status: 'finished', success: true, score: 1 });

      expect(agent.requests.map((r) => [r.body.model, r.headers.authorization])).toEqual([['qwen-local', `Bearer ${AGENT_KEY}`]]);
      expect(judge.requests.map((r) => [r.body.model, r.headers.authorization, r.body.temperature])).toEqual([['gpt-4-1106-preview', `Bearer ${JUDGE_KEY}`, 0]]);
      expect(JSON.stringify(judge.requests[0].body)).toContain('Help a teacher to grade the answer of a student given a question.');

      // The run records provider, model and server; never the key.
      const run = await c.store.runs.get(runId);
      expect(run?.config.judge).toEqual({ provider: 'openai-compatible', model: 'gpt-4-1106-preview', baseUrl: judge.url });
      expect(JSON.stringify(run)).not.toContain(JUDGE_KEY);
      // analyze names the judge's server with it.
      const header = runHeaderLines(run!, { familyOf: () => null, lastFinishedAt: null, model: null });
      expect(header.find((line) => line.trim().startsWith('judge:'))?.replace(/\s+/g, ' ').trim())
        .toBe(`judge: openai-compatible gpt-4-1106-preview at ${judge.url} (scores fuzzy_match checks)`);
      expect(JSON.stringify(await c.store.llmCalls.list(episode.id))).not.toContain(JUDGE_KEY);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(lines.join('\n')).not.toContain(JUDGE_KEY);
    expect(await dataDirHolds(c.dataDir, JUDGE_KEY)).toEqual([]);
    expect(await dataDirHolds(c.dataDir, AGENT_KEY)).toEqual([]);
  });

  it('refuses the run, naming the key, when the judge\'s server moved after its key was saved', { timeout: 120_000 }, async () => {
    const c = await open();
    await c.api.updateSettings({ provider: 'openai-compatible', openaiCompatible: { baseUrl: agent.url, model: 'qwen-local' }, judge: { provider: 'openai-compatible', model: 'gpt-4-1106-preview', baseUrl: judge.url } });
    await c.api.setSecret('judge_api_key', JUDGE_KEY);
    // Same server under another host name: another origin, so the key saved for the first is cleared.
    const moved = judge.url.replace('127.0.0.1', 'localhost');
    const view = await c.api.updateSettings({ judge: { provider: 'openai-compatible', model: 'gpt-4-1106-preview', baseUrl: moved } });
    expect(view.secrets.judge_api_key).toMatchObject({ set: false, endpoint: new URL(moved).origin, note: 'cleared because the endpoint changed; enter the key again' });
    // The run's own key is untouched by the judge's move.
    expect(view.secrets.openai_api_key.endpoint).toBe(new URL(agent.url).origin);
    const id = await importInto(c, 7102);
    await expect(c.run({ taskIds: [id], policy: 'react' })).rejects.toThrow(
      `1 task(s) (webarena/7102) are scored by an LLM judge (fuzzy_match), which is the judge LLM set in Settings: The judge's API key for ${new URL(moved).origin}: cleared because the endpoint changed; enter the key again (Settings → Judge).`,
    );
    expect(await c.store.runs.list()).toEqual([]);
    expect(agent.requests.length + judge.requests.length).toBe(0);
  });

  it('names a missing judge model and server before any call', { timeout: 120_000 }, async () => {
    const c = await open();
    // The run's LLM is Gemini-free and OpenAI-compatible without a model; the judge names neither.
    await c.api.updateSettings({ provider: 'none', judge: { provider: 'openai-compatible' } });
    const id = await importInto(c, 7103);
    await expect(c.run({ taskIds: [id], policy: 'wrong' })).rejects.toThrow(
      "which is the judge LLM set in Settings: the OpenAI-compatible judge lacks a server (the judge's base URL in Settings → Judge or run --judge-base-url, or the OpenAI-compatible base URL) and a model (Settings → Judge or run --judge-model).",
    );
  });

  it('run --judge-base-url with MIRA_JUDGE_API_KEY: the environment key goes to the judge\'s server only when allowed, as the run\'s key does', { timeout: 120_000 }, async () => {
    const argv = ['run', '--provider', 'openai-compatible', '--base-url', agent.url, '--judge-provider', 'openai-compatible', '--judge-model', 'gpt-4-1106-preview', '--judge-base-url', judge.url];
    const env = { OPENAI_API_KEY: AGENT_KEY, MIRA_JUDGE_API_KEY: JUDGE_KEY };
    const refused = await open({ env, argv });
    const id = await importInto(refused, 7104);
    await expect(runCommand(parseArgs([...argv, '--tasks', id, '--policy', 'wrong']), refused)).rejects.toThrow(
      `The judge's API key for ${new URL(judge.url).origin}: MIRA_JUDGE_API_KEY is not sent to a custom endpoint; start the workbench with --allow-env-key-for-custom-endpoint`,
    );
    await refused.close();
    core = null;

    const c = await open({ env, argv, allowEnvKeyForCustomEndpoint: true });
    await importInto(c, 7104);
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      judge.enqueue(chatReply.text('incorrect'));
      expect(await runCommand(parseArgs([...argv, '--tasks', id, '--policy', 'wrong', '--concurrency', '1']), c)).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(lines).toContain(`fuzzy_match checks are judged by openai-compatible gpt-4-1106-preview at ${judge.url} (temperature 0)`);
    expect(lines.join('\n')).not.toContain(JUDGE_KEY);
    expect(judge.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${JUDGE_KEY}`]);
    expect(agent.requests).toEqual([]); // the wrong policy has no LLM: nothing went to the agent's server
    const [run] = await c.store.runs.list();
    expect(run.config.judge).toEqual({ provider: 'openai-compatible', model: 'gpt-4-1106-preview', baseUrl: judge.url });
    // The flags hold for this process: settings.json (if any) never names the judge's server.
    expect(await readFile(join(c.dataDir, 'settings.json'), 'utf8').catch(() => '')).not.toContain(judge.url);
    expect(await dataDirHolds(c.dataDir, JUDGE_KEY)).toEqual([]);
  });
});
