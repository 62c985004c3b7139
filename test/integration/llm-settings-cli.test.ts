import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core';
import { parseArgs } from '../../main/cli/args';
import { llmCacheModeOf, llmSettingsOverrides } from '../../main/cli/llm-settings';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { chatReply, startOpenAiServer, type ChatServer } from '../fixtures/openai-server';

// Issue 21: LLM settings from the command line and the environment, laid over settings.json for one process.
// A loopback OpenAI-compatible server stands for the endpoint; what it receives on the wire is asserted.
const ENV_KEY = 'sk-from-the-environment';
let server: ChatServer;
let dir: string | null = null;
let core: Core | null = null;

beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(() => server.close());
afterEach(async () => {
  await core?.close();
  core = null;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
  server.requests.length = 0;
});

async function openCore(argv: string[], env: NodeJS.ProcessEnv, allowEnvKeyForCustomEndpoint = false): Promise<Core> {
  dir = await mkdtemp(join(tmpdir(), 'mira-llm-cli-'));
  return (core = await createCore({
    dataDir: dir, sandbox: false, secrets: new MemorySecretStore(env),
    settingsOverrides: llmSettingsOverrides(parseArgs(['serve', ...argv]), env),
    llm: { cacheDir: false, retry: { maxAttempts: 1 }, allowEnvKeyForCustomEndpoint },
  }));
}

async function callOnce(c: Core): Promise<string> {
  const { client, model } = await c.inference.llm();
  await client.generate({ model, messages: [{ role: 'user', parts: [{ text: 'next action?' }] }], purpose: 'policy' });
  return model;
}

describe('llmSettingsOverrides', () => {
  it('reads --provider and --base-url, and the MIRA_* environment, flags winning', () => {
    const env = { MIRA_LLM_PROVIDER: 'gemini', MIRA_OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', MIRA_OPENAI_MODEL: 'qwen', MIRA_GEMINI_MODEL: 'gemini-2.5-pro' };
    expect(llmSettingsOverrides(parseArgs(['run']), env)).toEqual({
      provider: 'gemini', gemini: { model: 'gemini-2.5-pro' }, openaiCompatible: { baseUrl: 'http://127.0.0.1:9/v1', model: 'qwen' },
    });
    expect(llmSettingsOverrides(parseArgs(['serve', '--provider', 'openai-compatible', '--base-url', 'http://10.0.0.2:8000/v1']), env)).toEqual({
      provider: 'openai-compatible', gemini: { model: 'gemini-2.5-pro' }, openaiCompatible: { baseUrl: 'http://10.0.0.2:8000/v1', model: 'qwen' },
    });
    expect(llmSettingsOverrides(parseArgs(['serve', '--base-url', 'https://proxy.example/gemini']), { MIRA_LLM_PROVIDER: 'gemini' })).toEqual({
      provider: 'gemini', gemini: { baseUrl: 'https://proxy.example/gemini' },
    });
    expect(llmSettingsOverrides(parseArgs(['serve']), {})).toEqual({});
  });

  it('refuses a wrong value naming the flag or variable it came from', () => {
    expect(() => llmSettingsOverrides(parseArgs(['serve', '--base-url', 'http://x/v1']), {})).toThrow('--base-url sets one provider\'s endpoint: name it with --provider');
    expect(() => llmSettingsOverrides(parseArgs(['serve', '--provider', 'openai-compatible', '--base-url', 'ftp://x']), {})).toThrow('--base-url: must be an http:// or https:// URL (got "ftp://x").');
    expect(() => llmSettingsOverrides(parseArgs(['serve']), { MIRA_OPENAI_BASE_URL: 'localhost:8000' })).toThrow('MIRA_OPENAI_BASE_URL: must be an http:// or https:// URL');
    expect(() => llmSettingsOverrides(parseArgs(['serve']), { MIRA_LLM_PROVIDER: 'claude' })).toThrow('MIRA_LLM_PROVIDER must be gemini, openai-compatible, none, not "claude".');
    expect(() => llmSettingsOverrides(parseArgs(['serve', '--provider']), {})).toThrow('--provider needs a value.');
  });
});

describe('a core started with LLM flags', () => {
  it('sends requests to the --base-url endpoint with the MIRA_OPENAI_MODEL model, and settings.json is not written', async () => {
    const c = await openCore(['--provider', 'openai-compatible', '--base-url', server.url], { MIRA_OPENAI_MODEL: 'local-model' });
    server.enqueue(chatReply.text('click [1]'));
    expect(await callOnce(c)).toBe('local-model');
    expect(server.requests).toHaveLength(1);
    expect((await c.api.getSettings()).settings.openaiCompatible).toEqual({ baseUrl: server.url, model: 'local-model' });
    await expect(readFile(join(dir!, 'settings.json'), 'utf8')).rejects.toThrow(/ENOENT/);
    // A save from the Settings page stores only what it changes; the session's endpoint stays out of the file.
    await c.api.updateSettings({ trainerBackend: 'cpu' });
    const file = JSON.parse(await readFile(join(dir!, 'settings.json'), 'utf8'));
    expect(file.openaiCompatible.baseUrl).toBeNull();
    expect(file.provider).not.toBe('openai-compatible');
  });

  it('keeps the endpoint rule: OPENAI_API_KEY reaches a --base-url endpoint only with the opt-in', async () => {
    const c = await openCore(['--provider', 'openai-compatible', '--base-url', server.url], { OPENAI_API_KEY: ENV_KEY, MIRA_OPENAI_MODEL: 'm' });
    server.enqueue(chatReply.text('click [1]'));
    await callOnce(c);
    expect(server.requests[0].headers.authorization).toBeUndefined();
    expect(JSON.stringify(server.requests[0])).not.toContain(ENV_KEY);
    await core!.close();
    core = null;
    await rm(dir!, { recursive: true, force: true });

    const optedIn = await openCore(['--provider', 'openai-compatible', '--base-url', server.url], { OPENAI_API_KEY: ENV_KEY, MIRA_OPENAI_MODEL: 'm' }, true);
    server.enqueue(chatReply.text('click [1]'));
    await callOnce(optedIn);
    expect(server.requests[1].headers.authorization).toBe(`Bearer ${ENV_KEY}`);
  });

  it('a key entered for the session endpoint survives an unrelated save', async () => {
    const c = await openCore(['--provider', 'openai-compatible', '--base-url', server.url], { MIRA_OPENAI_MODEL: 'm' });
    await c.api.setSecret('openai_api_key', 'sk-entered-now');
    const view = await c.api.updateSettings({ trainerBackend: 'cpu' });
    expect(view.secrets.openai_api_key).toMatchObject({ set: true, endpoint: new URL(server.url).origin });
    server.enqueue(chatReply.text('click [1]'));
    await callOnce(c);
    expect(server.requests[0].headers.authorization).toBe('Bearer sk-entered-now');
  });
});

describe('--llm-cache', () => {
  /** A core whose LLM cache is on, in the mode the command line names; two identical deterministic calls. */
  async function twoJudgeCalls(argv: string[]): Promise<number> {
    dir = await mkdtemp(join(tmpdir(), 'mira-llm-cache-cli-'));
    const args = parseArgs(['run', '--provider', 'openai-compatible', '--base-url', server.url, ...argv]);
    core = await createCore({
      dataDir: dir, sandbox: false, secrets: new MemorySecretStore({ MIRA_OPENAI_MODEL: 'm' }),
      settingsOverrides: llmSettingsOverrides(args, { MIRA_OPENAI_MODEL: 'm' }),
      llm: { retry: { maxAttempts: 1 }, ...(llmCacheModeOf(args) ? { cacheMode: llmCacheModeOf(args) } : {}) },
    });
    const { client, model } = await core.inference.llm();
    for (let i = 0; i < 2; i++) {
      server.enqueue(chatReply.text('{"done": false}'));
      await client.generate({ model, temperature: 0, messages: [{ role: 'user', parts: [{ text: 'is the milestone done?' }] }], purpose: 'autorater' });
    }
    return server.requests.length;
  }

  it('reads readwrite, refresh and off, and refuses anything else as a usage error', () => {
    expect(llmCacheModeOf(parseArgs(['run']))).toBeUndefined();
    for (const mode of ['readwrite', 'refresh', 'off']) expect(llmCacheModeOf(parseArgs(['run', '--llm-cache', mode]))).toBe(mode);
    expect(() => llmCacheModeOf(parseArgs(['run', '--llm-cache', 'clear']))).toThrow('--llm-cache must be readwrite, refresh, off, not "clear".');
  });

  it('refresh asks the endpoint again where the default serves the cached reply', async () => {
    expect(await twoJudgeCalls([])).toBe(1);
    await core!.close();
    core = null;
    await rm(dir!, { recursive: true, force: true });
    server.requests.length = 0;
    expect(await twoJudgeCalls(['--llm-cache', 'refresh'])).toBe(2);
  });
});

