import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core';
import { MemorySecretStore } from '../../main/settings/secret-store';
import type { LlmRequest } from '../../main/llm/types';
import { reply, startGeminiServer, type GeminiServer } from '../fixtures/gemini-server';
import { chatReply, startOpenAiServer, type ChatServer } from '../fixtures/openai-server';

// Issue 14 "What the API may change": a key reaches only the endpoint it was entered for. Real loopback
// servers stand for the user's endpoint and for the one a hostile page points the settings at; what each
// receives on the wire is what is asserted.
const STORED = 'sk-entered-for-the-first-server';
const ENV_OPENAI = 'sk-from-the-environment';
const ENV_GEMINI = 'AIza-from-the-environment';
let own: ChatServer;
let other: ChatServer;
let gemini: GeminiServer;
let dir: string;
let core: Core | null = null;

beforeAll(async () => {
  [own, other, gemini] = await Promise.all([startOpenAiServer(), startOpenAiServer(), startGeminiServer()]);
});
afterAll(() => Promise.all([own.close(), other.close(), gemini.close()]));
async function closeCore(): Promise<void> {
  await core?.close();
  core = null;
  await rm(dir, { recursive: true, force: true });
}
afterEach(async () => {
  await closeCore();
  own.requests.length = 0;
  other.requests.length = 0;
  gemini.reset();
});

async function openCore(env: NodeJS.ProcessEnv, allowEnvKeyForCustomEndpoint = false): Promise<Core> {
  dir = await mkdtemp(join(tmpdir(), 'mira-keys-'));
  return (core = await createCore({
    dataDir: dir, sandbox: false, secrets: new MemorySecretStore(env),
    llm: { cacheDir: false, retry: { maxAttempts: 1 }, allowEnvKeyForCustomEndpoint },
  }));
}

const ask: Omit<LlmRequest, 'model'> = { messages: [{ role: 'user', parts: [{ text: 'next action?' }] }], purpose: 'policy' };

async function callOnce(c: Core): Promise<void> {
  const { client, model } = await c.inference.llm();
  await client.generate({ ...ask, model });
}

describe('API keys on the wire', () => {
  it('a base URL moved to another host drops the key: the new host receives none', async () => {
    const c = await openCore({});
    await c.api.updateSettings({ provider: 'openai-compatible', openaiCompatible: { baseUrl: own.url, model: 'm' } });
    await c.api.setSecret('openai_api_key', STORED);
    own.enqueue(chatReply.text('click [1]'));
    await callOnce(c);
    expect(own.requests[0].headers.authorization).toBe(`Bearer ${STORED}`);

    const view = await c.api.updateSettings({ openaiCompatible: { baseUrl: other.url } });
    expect(view.secrets.openai_api_key).toMatchObject({ set: false, note: 'cleared because the endpoint changed; enter the key again', endpoint: new URL(other.url).origin });
    other.enqueue(chatReply.text('click [1]'));
    await callOnce(c);
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0].headers.authorization).toBeUndefined();
    expect(JSON.stringify(other.requests[0])).not.toContain(STORED);
  });

  it('the same host with another path keeps the key', async () => {
    const c = await openCore({});
    await c.api.updateSettings({ provider: 'openai-compatible', openaiCompatible: { baseUrl: `${own.url}/`, model: 'm' } });
    await c.api.setSecret('openai_api_key', STORED);
    const view = await c.api.updateSettings({ openaiCompatible: { baseUrl: own.url } });
    expect(view.secrets.openai_api_key).toMatchObject({ set: true, note: null });
    own.enqueue(chatReply.text('click [1]'));
    await callOnce(c);
    expect(own.requests[0].headers.authorization).toBe(`Bearer ${STORED}`);
  });

  it('an environment key is not sent to a custom OpenAI-compatible endpoint unless opted in', async () => {
    const c = await openCore({ OPENAI_API_KEY: ENV_OPENAI });
    await c.api.updateSettings({ provider: 'openai-compatible', openaiCompatible: { baseUrl: own.url, model: 'm' } });
    own.enqueue(chatReply.text('click [1]'));
    await callOnce(c);
    expect(own.requests[0].headers.authorization).toBeUndefined();
    await closeCore();

    const optedIn = await openCore({ OPENAI_API_KEY: ENV_OPENAI }, true);
    await optedIn.api.updateSettings({ provider: 'openai-compatible', openaiCompatible: { baseUrl: own.url, model: 'm' } });
    own.enqueue(chatReply.text('click [1]'));
    await callOnce(optedIn);
    expect(own.requests[1].headers.authorization).toBe(`Bearer ${ENV_OPENAI}`);
  });

  it('GEMINI_API_KEY goes only to Google\'s endpoint: a custom base URL gets nothing, not even a request', async () => {
    const c = await openCore({ GEMINI_API_KEY: ENV_GEMINI });
    await c.api.updateSettings({ provider: 'gemini', gemini: { baseUrl: gemini.url, model: 'gemini-2.5-flash' } });
    await expect(callOnce(c)).rejects.toThrow(`Gemini needs an API key for ${new URL(gemini.url).origin}: GEMINI_API_KEY is sent only to https://generativelanguage.googleapis.com;`);
    expect(gemini.requests).toHaveLength(0);
    await closeCore();

    const optedIn = await openCore({ GEMINI_API_KEY: ENV_GEMINI }, true);
    await optedIn.api.updateSettings({ provider: 'gemini', gemini: { baseUrl: gemini.url, model: 'gemini-2.5-flash' } });
    gemini.enqueue(reply.text('click [1]'));
    await callOnce(optedIn);
    expect(gemini.requests[0].headers['x-goog-api-key']).toBe(ENV_GEMINI);
  });

  it('a page pointing Gemini at itself: the stored key is cleared before any call can carry it there', async () => {
    const c = await openCore({});
    await c.api.updateSettings({ provider: 'gemini', gemini: { model: 'gemini-2.5-flash' } });
    await c.api.setSecret('gemini_api_key', STORED);
    // A page points Gemini at itself: the key is cleared before any call can carry it there.
    const view = await c.api.updateSettings({ gemini: { baseUrl: gemini.url } });
    expect(view.secrets.gemini_api_key).toMatchObject({ set: false, note: 'cleared because the endpoint changed; enter the key again' });
    await expect(callOnce(c)).rejects.toThrow(/Gemini needs an API key .*cleared because the endpoint changed/);
    expect(gemini.requests).toHaveLength(0);
  });
});
