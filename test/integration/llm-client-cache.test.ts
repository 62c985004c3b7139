// The client's response cache (real files in a temp folder) and its accounting, over the real Gemini client
// and the loopback fixture: a hit must not reach the server at all.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Accounting } from '../../main/llm/accounting';
import { cacheKey } from '../../main/llm/cache';
import { LlmClient, type LlmClientOptions } from '../../main/llm/client';
import { GeminiProvider } from '../../main/llm/gemini';
import type { LlmRequest } from '../../main/llm/types';
import { reply, startGeminiServer, type GeminiServer } from '../fixtures/gemini-server';

const KEY = 'cache-test-key-91b2';
let server: GeminiServer;
let dir: string;

beforeAll(async () => {
  server = await startGeminiServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  server.reset();
  dir = await mkdtemp(join(tmpdir(), 'mira-llm-cache-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function client(options: Partial<LlmClientOptions> = {}): LlmClient {
  return new LlmClient({
    provider: new GeminiProvider({ apiKey: KEY, baseUrl: server.url }),
    cacheDir: dir,
    retry: { sleep: async () => undefined, random: () => 0 },
    ...options,
  });
}

const judge = (extra: Partial<LlmRequest> = {}): LlmRequest => ({
  model: 'gemini-2.5-pro',
  system: 'You judge whether a subgoal is complete.',
  messages: [{ role: 'user', parts: [{ text: 'Subgoal: open the cart. Page: /cart' }, { imageJpegBase64: 'AAECAw==' }] }],
  temperature: 0,
  thinkingBudget: 256,
  json: { schema: { type: 'object', properties: { done: { type: 'boolean' } }, required: ['done'] } },
  purpose: 'autorater',
  ...extra,
});

async function cacheFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const sub of await readdir(dir).catch(() => [] as string[])) for (const f of await readdir(join(dir, sub))) out.push(join(sub, f));
  return out;
}

describe('response cache', () => {
  it('the second identical call is a hit: no request reaches the server, same answer, cached: true', async () => {
    server.enqueue(reply.json({ done: true }, { usage: { promptTokenCount: 300, candidatesTokenCount: 6, thoughtsTokenCount: 120 } }));
    const c = client();
    const first = await c.generate(judge());
    expect(first).toMatchObject({ cached: false, attempts: 1, json: { done: true } });
    const second = await c.generate(judge({ timeoutMs: 999, signal: new AbortController().signal, purpose: 'analyzer' }));
    expect(server.requests).toHaveLength(1);
    expect(second).toMatchObject({ cached: true, attempts: 0, text: first.text, json: { done: true }, usage: first.usage, model: first.model, provider: 'gemini' });
    expect(second.attemptLog).toEqual([]);
    // A fresh client on the same folder (a replay in another process) hits as well.
    const replay = await client().generate(judge());
    expect(replay.cached).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('a different temperature, model, prompt, image, thinking budget or schema misses', async () => {
    const variants: Partial<LlmRequest>[] = [
      {},
      { temperature: 0.7, draw: 'episode-a/0' },
      { model: 'gemini-2.5-flash' },
      { system: 'Be strict.' },
      { messages: [{ role: 'user', parts: [{ text: 'Subgoal: open the cart. Page: /cart' }, { imageJpegBase64: 'BBECAw==' }] }] },
      { thinkingBudget: 8192 },
      { json: { schema: { type: 'object', properties: { done: { type: 'string' } } } } },
    ];
    const c = client();
    for (const v of variants) {
      server.enqueue(reply.json({ done: false }));
      expect((await c.generate(judge(v))).cached).toBe(false);
    }
    expect(server.requests).toHaveLength(variants.length);
    expect(await cacheFiles()).toHaveLength(variants.length);
  });

  it("'dynamic' and -1, 'off' and 0 share entries; key order inside a schema does not matter", () => {
    expect(cacheKey('gemini', judge({ thinkingBudget: 'dynamic' }))).toBe(cacheKey('gemini', judge({ thinkingBudget: -1 })));
    expect(cacheKey('gemini', judge({ thinkingBudget: 'off' }))).toBe(cacheKey('gemini', judge({ thinkingBudget: 0 })));
    const a = judge({ json: { schema: { type: 'object', required: ['x'] } } });
    const b = judge({ json: { schema: { required: ['x'], type: 'object' } } });
    expect(cacheKey('gemini', a)).toBe(cacheKey('gemini', b));
    expect(cacheKey('gemini', a)).not.toBe(cacheKey('other-endpoint', a));
    expect(cacheKey('gemini', a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('entries are whole JSON files named by the key, with no temp files left and no API key inside', async () => {
    server.enqueue(reply.json({ done: true }));
    const c = client();
    await c.generate(judge());
    const files = await cacheFiles();
    // A base URL other than Gemini's own is part of the key (cacheScope): see 'the base URL is part of the key'.
    const key = cacheKey(c.provider.cacheScope!, judge());
    expect(files).toEqual([join(key.slice(0, 2), `${key}.json`)]);
    const text = await readFile(join(dir, files[0]), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ text: '{"done":true}', json: { done: true }, provider: 'gemini', model: 'gemini-2.5-pro' });
    expect(text).not.toContain(KEY);
  });

  it("cacheMode 'refresh' calls again and overwrites; 'off' neither reads nor writes", async () => {
    server.enqueue(reply.json({ done: false }), reply.json({ done: true }), reply.json({ done: true }));
    const c = client();
    await c.generate(judge());
    const refreshed = await c.generate(judge(), { cacheMode: 'refresh' });
    expect(refreshed).toMatchObject({ cached: false, json: { done: true } });
    expect((await c.generate(judge())).json).toEqual({ done: true }); // the refreshed entry
    expect(server.requests).toHaveLength(2);

    const off = client({ cacheMode: 'off' });
    expect((await off.generate(judge())).cached).toBe(false);
    expect(server.requests).toHaveLength(3);
  });

  it('without a cache folder nothing is cached', async () => {
    server.enqueue(reply.text('a'), reply.text('b'));
    const c = client({ cacheDir: undefined });
    expect((await c.generate(judge({ json: undefined }))).text).toBe('a');
    expect((await c.generate(judge({ json: undefined }))).text).toBe('b');
  });

  it('an unparseable reply is not cached, and a damaged entry counts as a miss', async () => {
    server.enqueue(reply.text('I think yes'), reply.json({ done: true }));
    const c = client();
    await expect(c.generate(judge())).rejects.toMatchObject({ kind: 'unparseable', raw: 'I think yes' });
    expect(await cacheFiles()).toEqual([]);
    await c.generate(judge());
    const [file] = await cacheFiles();
    await writeFile(join(dir, file), '{"text": "trunc');
    server.enqueue(reply.json({ done: true }));
    expect((await c.generate(judge())).cached).toBe(false);
    expect(server.requests).toHaveLength(3);
  });

  it('a streamed call fills the cache, and a hit delivers the text in one piece', async () => {
    server.enqueue(reply.text('scroll [down]', { chunks: ['scroll ', '[down]'] }));
    const c = client();
    const req = judge({ json: undefined, purpose: 'policy' });
    const live: string[] = [];
    await c.stream(req, (d) => live.push(d));
    const again: string[] = [];
    const hit = await c.stream(req, (d) => again.push(d));
    expect(live).toEqual(['scroll ', '[down]']);
    expect(again).toEqual(['scroll [down]']);
    expect(hit.cached).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});

describe('accounting', () => {
  it('totals calls, hits, failures, attempts, tokens and latency per purpose and overall', async () => {
    server.enqueue(
      reply.text('click [1]', { usage: { promptTokenCount: 1000, candidatesTokenCount: 5, thoughtsTokenCount: 200 } }),
      reply.rateLimited(),
      reply.json({ done: true }, { usage: { promptTokenCount: 400, candidatesTokenCount: 7 } }),
      reply.error(400, 'bad schema'),
    );
    const c = client();
    const policy = judge({ json: undefined, purpose: 'policy' });
    await c.generate(policy);
    await c.generate(policy); // hit: no tokens spent
    await c.generate(judge());
    await expect(c.generate(judge({ purpose: 'subgoals', temperature: 1 }))).rejects.toMatchObject({ kind: 'bad_request' });

    const { total, byPurpose } = c.usage();
    expect(byPurpose.policy).toMatchObject({ calls: 2, cacheHits: 1, failures: 0, attempts: 1, inputTokens: 1000, outputTokens: 5, thinkingTokens: 200 });
    expect(byPurpose.autorater).toMatchObject({ calls: 1, cacheHits: 0, failures: 0, attempts: 2, inputTokens: 400, outputTokens: 7, thinkingTokens: 0 });
    expect(byPurpose.subgoals).toMatchObject({ calls: 1, failures: 1, attempts: 1, inputTokens: 0 });
    expect(total).toMatchObject({ calls: 4, cacheHits: 1, failures: 1, attempts: 4, inputTokens: 1400, outputTokens: 12, thinkingTokens: 200 });
    expect(total.latencyMs).toBe(Object.values(byPurpose).reduce((s, t) => s + t.latencyMs, 0));
  });

  it('latency covers the whole call, back-off waits included', async () => {
    server.enqueue(reply.rateLimited({ retryDelay: '250ms' }), reply.text('ok'));
    const c = new LlmClient({ provider: new GeminiProvider({ apiKey: KEY, baseUrl: server.url }) }); // real sleep
    const resp = await c.generate(judge({ json: undefined }));
    expect(resp.latencyMs).toBeGreaterThanOrEqual(240);
    expect(resp.attemptLog![0].delayMs).toBe(250);
    expect(c.usage().total.latencyMs).toBe(resp.latencyMs);
  });

  it('one Accounting can total several clients (a whole run)', async () => {
    server.enqueue(reply.text('a'), reply.text('b'));
    const shared = new Accounting();
    await client({ accounting: shared, cacheDir: undefined }).generate(judge({ json: undefined, purpose: 'policy' }));
    await client({ accounting: shared, cacheDir: undefined }).generate(judge({ json: undefined, purpose: 'analyzer' }));
    expect(shared.snapshot().total.calls).toBe(2);
    expect(Object.keys(shared.snapshot().byPurpose).sort()).toEqual(['analyzer', 'policy']);
  });
});
