// What the response cache may keep and serve (audit of the LLM paths): a sample is never served to another
// seed or episode, a blocked, truncated, empty or refused reply is never kept, an early end says its finish
// reason, the endpoint is part of the key, and no API key reaches disk. Real files, the real Gemini client
// and the loopback fixture.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ResponseCache, cacheKey } from '../../main/llm/cache';
import { LlmClient, type LlmClientOptions } from '../../main/llm/client';
import { LlmError } from '../../main/llm/errors';
import { GeminiProvider } from '../../main/llm/gemini';
import type { LlmRequest } from '../../main/llm/types';
import { reply, startGeminiServer, type GeminiServer } from '../fixtures/gemini-server';

const KEY = 'hygiene-test-key-77c1';
let server: GeminiServer;
let dir: string;

beforeAll(async () => {
  server = await startGeminiServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  server.reset();
  dir = await mkdtemp(join(tmpdir(), 'mira-llm-hygiene-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function client(options: Partial<LlmClientOptions> = {}, baseUrl = server.url): LlmClient {
  return new LlmClient({
    provider: new GeminiProvider({ apiKey: KEY, baseUrl }),
    cacheDir: dir,
    retry: { maxAttempts: 1 },
    ...options,
  });
}

/** The policy's call: no temperature, so Gemini samples at its default. */
const policyStep = (draw?: string): LlmRequest => ({
  model: 'gemini-2.5-flash',
  system: 'You are a web agent.',
  messages: [{ role: 'user', parts: [{ text: 'Task: open the cart. Step 1.' }] }],
  purpose: 'policy',
  draw,
});

const SUBGOALS = { type: 'object', properties: { subgoals: { type: 'array', items: { type: 'string' } } }, required: ['subgoals'] };
const isFourSubgoals = (r: { json?: unknown }) => {
  const list = (r.json as { subgoals?: unknown } | undefined)?.subgoals;
  return Array.isArray(list) && list.length === 4;
};
const subgoalAsk = (extra: Partial<LlmRequest> = {}): LlmRequest => ({
  model: 'gemini-2.5-pro',
  messages: [{ role: 'user', parts: [{ text: 'Write 4 milestones for: buy socks' }] }],
  temperature: 0,
  json: { schema: SUBGOALS, name: 'subgoals' },
  purpose: 'subgoals',
  ...extra,
});

async function cacheFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const sub of await readdir(dir).catch(() => [] as string[])) for (const f of await readdir(join(dir, sub))) out.push(join(sub, f));
  return out;
}

async function rejection(p: Promise<unknown>): Promise<LlmError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(LlmError);
    return err as LlmError;
  }
  throw new Error('expected the call to fail');
}

describe('sampled calls are not shared across seeds or episodes', () => {
  it("seed 1 and seed 2 ask afresh instead of getting seed 0's sample; the same draw gets its own reply back", async () => {
    server.enqueue(reply.text('seed 0: click [1]'), reply.text('seed 1: click [2]'), reply.text('seed 2: scroll [down]'));
    const c = client();
    const seeds = [];
    for (const episode of ['ep-seed0', 'ep-seed1', 'ep-seed2']) seeds.push(await c.generate(policyStep(`${episode}/0`)));
    expect(seeds.map((r) => [r.text, r.cached, r.attempts])).toEqual([
      ['seed 0: click [1]', false, 1],
      ['seed 1: click [2]', false, 1],
      ['seed 2: scroll [down]', false, 1],
    ]);
    // A replay or resume of seed 1's episode at that step gets seed 1's reply, without a request.
    const again = await c.generate(policyStep('ep-seed1/0'));
    expect(again).toMatchObject({ text: 'seed 1: click [2]', cached: true, attempts: 0 });
    expect(server.requests).toHaveLength(3);
  });

  it('a sampled call without a draw is never cached; temperature 0 is shared whatever the draw', async () => {
    server.enqueue(reply.text('a'), reply.text('b'));
    const c = client();
    expect((await c.generate(policyStep())).text).toBe('a');
    expect((await c.generate(policyStep())).text).toBe('b');
    expect(await cacheFiles()).toEqual([]);

    server.enqueue(reply.text('deterministic'));
    expect((await c.generate({ ...policyStep('ep-a/0'), temperature: 0 })).cached).toBe(false);
    expect(await c.generate({ ...policyStep('ep-b/3'), temperature: 0 })).toMatchObject({ cached: true, text: 'deterministic' });
    expect(server.requests).toHaveLength(3);
  });
});

describe('only finished, accepted replies are cached', () => {
  it("a reply of the wrong shape is returned but not kept, so the fixed server's answer is the one cached", async () => {
    server.enqueue(reply.json({ subgoals: ['only one'] }), reply.json({ subgoals: ['a', 'b', 'c', 'd'] }));
    const c = client();
    const ask = subgoalAsk({ acceptReply: isFourSubgoals });
    expect((await c.generate(ask)).json).toEqual({ subgoals: ['only one'] });
    expect(await cacheFiles()).toEqual([]);
    expect(await c.generate(ask)).toMatchObject({ cached: false, json: { subgoals: ['a', 'b', 'c', 'd'] } });
    expect(await c.generate(ask)).toMatchObject({ cached: true, json: { subgoals: ['a', 'b', 'c', 'd'] } });
    expect(server.requests).toHaveLength(2);
  });

  it('a cached entry the caller refuses (stored by an older build) is asked again, and dropped if the new reply is refused too', async () => {
    const c = client();
    const ask = subgoalAsk({ acceptReply: isFourSubgoals });
    const key = cacheKey(c.provider.cacheScope!, ask);
    const poisoned = { text: '{"subgoals":[]}', json: { subgoals: [] }, usage: { inputTokens: 1, outputTokens: 1, thinkingTokens: 0 }, model: 'gemini-2.5-pro', provider: 'gemini', finishReason: 'STOP', storedAt: '2026-01-01T00:00:00Z' };
    await new ResponseCache(dir).put(key, poisoned);
    server.enqueue(reply.json({ subgoals: ['x'] }));
    expect(await c.generate(ask)).toMatchObject({ cached: false, json: { subgoals: ['x'] } });
    expect(await cacheFiles()).toEqual([]);
    server.enqueue(reply.json({ subgoals: ['a', 'b', 'c', 'd'] }));
    expect((await c.generate(ask)).cached).toBe(false);
    expect((await c.generate(ask)).cached).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('an empty reply that says STOP is returned but not cached', async () => {
    server.enqueue(reply.text(''), reply.text(''));
    const c = client();
    const ask = { ...policyStep(), temperature: 0 };
    expect((await c.generate(ask)).text).toBe('');
    expect((await c.generate(ask)).cached).toBe(false);
    expect(await cacheFiles()).toEqual([]);
  });
});

describe('blocked and truncated replies fail with their finish reason', () => {
  it('a safety-blocked empty reply in JSON mode names SAFETY (not "not JSON") and is not cached', async () => {
    server.enqueue(reply.text('', { finishReason: 'SAFETY' }), reply.text('', { finishReason: 'SAFETY' }));
    const c = client();
    const err = await rejection(c.generate(subgoalAsk()));
    expect(err).toMatchObject({ kind: 'incomplete', finishReason: 'SAFETY', raw: '', attempts: 1 });
    expect(err.message).toBe('gemini: the provider stopped the reply early (finish reason SAFETY); no text came back');
    expect(err.message).not.toMatch(/not JSON/);
    await rejection(c.generate(subgoalAsk()));
    expect(server.requests).toHaveLength(2);
    expect(await cacheFiles()).toEqual([]);
  });

  it('a MAX_TOKENS reply is incomplete, with its text and its tokens, even when the text parses', async () => {
    server.enqueue(reply.text('{"subgoals": ["a"]}', { finishReason: 'MAX_TOKENS', usage: { promptTokenCount: 50, candidatesTokenCount: 9, thoughtsTokenCount: 1000 } }));
    const c = client();
    const err = await rejection(c.generate(subgoalAsk({ maxOutputTokens: 1009 })));
    expect(err).toMatchObject({ kind: 'incomplete', finishReason: 'MAX_TOKENS', raw: '{"subgoals": ["a"]}', usage: { inputTokens: 50, outputTokens: 9, thinkingTokens: 1000 } });
    expect(err.message).toBe('gemini: the reply was cut off at the output limit of 1009 tokens (finish reason MAX_TOKENS)');
    expect(c.usage().total).toMatchObject({ failures: 1, inputTokens: 50, thinkingTokens: 1000 });
    expect(await cacheFiles()).toEqual([]);
  });

  it('a blocked prompt (no candidate, a block reason) is incomplete with PROMPT_BLOCKED', async () => {
    server.enqueue(reply.garbage(JSON.stringify({ promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: 12 } })));
    const err = await rejection(client().generate(subgoalAsk()));
    expect(err).toMatchObject({ kind: 'incomplete', finishReason: 'PROMPT_BLOCKED:SAFETY' });
    expect(err.message).toBe('gemini: the provider blocked the prompt (PROMPT_BLOCKED:SAFETY); no text came back');
    expect(await cacheFiles()).toEqual([]);
  });
});

describe('the endpoint is part of the key', () => {
  it('the same model and prompt at another base URL is asked there, not served from the first', async () => {
    const other = await startGeminiServer();
    try {
      server.enqueue(reply.json({ subgoals: ['from', 'the', 'first', 'server'] }));
      other.enqueue(reply.json({ subgoals: ['from', 'the', 'second', 'one'] }));
      expect((await client().generate(subgoalAsk())).json).toEqual({ subgoals: ['from', 'the', 'first', 'server'] });
      const switched = await client({}, other.url).generate(subgoalAsk());
      expect(switched).toMatchObject({ cached: false, json: { subgoals: ['from', 'the', 'second', 'one'] } });
      expect(other.requests).toHaveLength(1);
      // Gemini's own endpoint keeps the plain name, so entries cached for it stay valid.
      expect(new GeminiProvider({ apiKey: KEY }).cacheScope).toBeUndefined();
      expect(client().provider.cacheScope).toBe(`gemini@${server.url}`);
    } finally {
      await other.close();
    }
  });
});

describe('the API key never reaches disk through a reply', () => {
  it('a successful reply that echoes the key is redacted before it is returned or cached', async () => {
    server.enqueue(reply.dynamic((req) => reply.text(`Your key is ${String(req.headers['x-goog-api-key'])}.`)));
    const c = client();
    const ask = { ...policyStep(), temperature: 0 };
    const resp = await c.generate(ask);
    expect(resp.text).toBe('Your key is [redacted].');
    const [file] = await cacheFiles();
    expect(await readFile(join(dir, file), 'utf8')).not.toContain(KEY);
  });

  it('streamed text is redacted as well', async () => {
    server.enqueue(reply.dynamic((req) => reply.text(`key ${String(req.headers['x-goog-api-key'])} end`, { chunks: [`key ${String(req.headers['x-goog-api-key'])}`, ' end'] })));
    const live: string[] = [];
    const resp = await client().stream({ ...policyStep(), temperature: 0 }, (d) => live.push(d));
    expect(resp.text).toBe('key [redacted] end');
    expect(live.join('')).not.toContain(KEY);
  });
});
