// The OpenAI-compatible provider (vLLM, Ollama, llama.cpp) over real HTTP against its loopback fixture.
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LlmClient } from '../../main/llm/client';
import { LlmError } from '../../main/llm/errors';
import { OpenAiCompatibleProvider } from '../../main/llm/openai-compatible';
import type { LlmRequest } from '../../main/llm/types';
import { chatReply, startOpenAiServer, type ChatServer } from '../fixtures/openai-server';

const KEY = 'sk-local-fixture-5e6f';
let server: ChatServer;
let delays: number[];

beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  delays = [];
});

function client(apiKey: string | undefined = KEY, retry: Record<string, unknown> = {}): LlmClient {
  return new LlmClient({
    provider: new OpenAiCompatibleProvider({ baseUrl: `${server.url}/`, apiKey, name: 'vllm-local' }),
    retry: { baseDelayMs: 100, sleep: async (ms: number) => void delays.push(ms), random: () => 0.5, ...retry },
  });
}

const ask = (extra: Partial<LlmRequest> = {}): LlmRequest => ({
  model: 'Qwen2.5-7B-Instruct',
  messages: [{ role: 'user', parts: [{ text: 'next action?' }] }],
  purpose: 'policy',
  ...extra,
});

async function rejection(p: Promise<unknown>): Promise<LlmError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(LlmError);
    return err as LlmError;
  }
  throw new Error('expected the call to fail');
}

describe('OpenAI-compatible requests', () => {
  it('a plain call: path, bearer key and the exact body (system first, model → assistant)', async () => {
    server.enqueue(chatReply.text('click [7]', { prompt_tokens: 321, completion_tokens: 4 }));
    const resp = await client().generate(
      ask({
        system: 'You are a web agent.',
        messages: [
          { role: 'user', parts: [{ text: 'Task: buy socks' }] },
          { role: 'model', parts: [{ text: 'search [socks]' }] },
          { role: 'user', parts: [{ text: 'What now?' }] },
        ],
        temperature: 0.2,
        maxOutputTokens: 256,
        thinkingBudget: 'dynamic',
      }),
    );
    expect(resp).toMatchObject({ text: 'click [7]', usage: { inputTokens: 321, outputTokens: 4, thinkingTokens: 0 }, provider: 'vllm-local', model: 'Qwen2.5-7B-Instruct', finishReason: 'stop', attempts: 1 });
    const req = server.requests[0];
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req.body).toEqual({
      model: 'Qwen2.5-7B-Instruct',
      messages: [
        { role: 'system', content: 'You are a web agent.' },
        { role: 'user', content: 'Task: buy socks' },
        { role: 'assistant', content: 'search [socks]' },
        { role: 'user', content: 'What now?' },
      ],
      stream: false,
      temperature: 0.2,
      max_tokens: 256,
    });
  });

  it('no key, no Authorization header', async () => {
    server.enqueue(chatReply.text('ok'));
    await client('').generate(ask());
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  it('images go as image_url data URLs beside the text', async () => {
    server.enqueue(chatReply.text('ok'));
    await client().generate(ask({ messages: [{ role: 'user', parts: [{ text: 'Page:' }, { imageJpegBase64: '/9j/4AAQ' }] }] }));
    expect(server.requests[0].body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Page:' }, { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/4AAQ' } }] },
    ]);
  });

  it('JSON mode sends response_format json_schema and parses the reply (fenced JSON accepted)', async () => {
    const schema = { type: 'object', properties: { done: { type: 'boolean' } }, required: ['done'] };
    server.enqueue(chatReply.text('```json\n{"done": true}\n```', { reasoning_tokens: 33 }));
    const resp = await client().generate(ask({ purpose: 'autorater', json: { schema, name: 'verdict' } }));
    expect(resp.json).toEqual({ done: true });
    expect(resp.usage.thinkingTokens).toBe(33);
    expect(server.requests[0].body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'verdict', schema } });
  });

  it("JSON mode: prose is 'unparseable' with the raw text", async () => {
    server.enqueue(chatReply.text('The subgoal is done.'));
    const err = await rejection(client().generate(ask({ json: { schema: { type: 'object' } } })));
    expect(err).toMatchObject({ kind: 'unparseable', raw: 'The subgoal is done.' });
    expect(server.requests[0].body.response_format.json_schema.name).toBe('response');
  });
});

describe('OpenAI-compatible streaming through the client', () => {
  it('a provider without streaming delivers the whole text once', async () => {
    server.enqueue(chatReply.text('stop [done]'));
    const deltas: string[] = [];
    const resp = await client().stream(ask(), (d) => deltas.push(d));
    expect(deltas).toEqual(['stop [done]']);
    expect(resp.text).toBe('stop [done]');
    expect(server.requests[0].body.stream).toBe(false);
  });
});

describe('OpenAI-compatible faults', () => {
  it('429 with Retry-After, then success', async () => {
    server.enqueue(chatReply.error(429, 'too many requests', '1'), chatReply.text('ok'));
    const resp = await client().generate(ask());
    expect(resp.attempts).toBe(2);
    expect(delays).toEqual([1000]);
    expect(resp.attemptLog).toMatchObject([{ status: 429, kind: 'rate_limited', delayMs: 1000, error: 'vllm-local: HTTP 429 rate limited: too many requests' }, { ok: true }]);
  });

  it('500 x4 gives up; 401 is not retried', async () => {
    server.enqueue(...Array.from({ length: 4 }, () => chatReply.error(500, 'CUDA out of memory')));
    const err = await rejection(client().generate(ask()));
    expect(err).toMatchObject({ kind: 'server', status: 500, attempts: 4 });
    expect(err.message).toBe('vllm-local: HTTP 500 server error: CUDA out of memory (gave up after 4 attempts)');
    server.enqueue(chatReply.error(401, 'invalid token'));
    expect(await rejection(client().generate(ask()))).toMatchObject({ kind: 'auth', status: 401, attempts: 1 });
    expect(server.requests).toHaveLength(5);
  });

  it("a non-JSON 200 body (a proxy's page) is a retried provider error, never the model's reply", async () => {
    server.enqueue(chatReply.garbage('<html>Bad Gateway</html>'), chatReply.garbage('<html>Bad Gateway</html>'));
    const err = await rejection(client(KEY, { maxAttempts: 2 }).generate(ask()));
    expect(err).toMatchObject({ kind: 'server', raw: '<html>Bad Gateway</html>', attempts: 2 });
    expect(err.message).toContain("the server's reply is not JSON: <html>Bad Gateway</html>");
  });

  it('a 200 {"error":{"message":…}} says the server\'s message, not "no choices"', async () => {
    server.enqueue(chatReply.garbage(JSON.stringify({ error: { message: 'model "Qwen" is still loading', code: 503 } })));
    const err = await rejection(client(KEY, { maxAttempts: 1 }).generate(ask()));
    expect(err.kind).toBe('server');
    expect(err.message).toBe('vllm-local: the server answered with an error: model "Qwen" is still loading');
    server.enqueue(chatReply.garbage(JSON.stringify({ error: { message: 'unknown field "foo"', code: 400 } })));
    expect(await rejection(client().generate(ask()))).toMatchObject({ kind: 'bad_request', attempts: 1 });
    server.enqueue(chatReply.garbage(JSON.stringify({ id: 'x', choices: [] })));
    expect((await rejection(client(KEY, { maxAttempts: 1 }).generate(ask()))).message).toContain('has no choices');
  });

  it('a body over the size limit is refused as a provider error', async () => {
    const small = new LlmClient({ provider: new OpenAiCompatibleProvider({ baseUrl: server.url, maxReplyBytes: 4096 }), retry: { maxAttempts: 1 } });
    server.enqueue(chatReply.text('word '.repeat(2000)));
    const err = await rejection(small.generate(ask()));
    expect(err).toMatchObject({ kind: 'server', attempts: 1 });
    expect(err.message).toBe("openai-compatible: the server's reply is larger than 4096 bytes; refused as a provider fault");
    server.enqueue(chatReply.text('click [1]'));
    expect((await small.generate(ask())).text).toBe('click [1]');
  });

  it("a truncated ('length') or filtered reply is 'incomplete' with its finish reason, not a reply", async () => {
    server.enqueue({ type: 'text', content: '{"done": tr', finishReason: 'length' }, { type: 'text', content: '', finishReason: 'content_filter' });
    const cut = await rejection(client().generate(ask({ maxOutputTokens: 8, json: { schema: { type: 'object' } } })));
    expect(cut).toMatchObject({ kind: 'incomplete', finishReason: 'length', raw: '{"done": tr', attempts: 1 });
    expect(cut.message).toBe('vllm-local: the reply was cut off at the output limit of 8 tokens (finish reason length)');
    const filtered = await rejection(client().generate(ask()));
    expect(filtered).toMatchObject({ kind: 'incomplete', finishReason: 'content_filter' });
    expect(filtered.message).toBe('vllm-local: the provider stopped the reply early (finish reason content_filter); no text came back');
  });

  it('a hang is cut by the time-out and retried; a cancel is final', async () => {
    server.enqueue(chatReply.hang(), chatReply.text('ok'));
    const resp = await client().generate(ask({ timeoutMs: 300 }));
    expect(resp.attemptLog).toMatchObject([{ kind: 'timeout' }, { ok: true }]);

    server.enqueue(chatReply.hang());
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    expect(await rejection(client().generate(ask({ signal: ac.signal })))).toMatchObject({ kind: 'cancelled', attempts: 1 });
  });

  it('an unreachable server is a retryable server error naming the URL', async () => {
    const c = new LlmClient({
      provider: new OpenAiCompatibleProvider({ baseUrl: 'http://127.0.0.1:9/v1' }),
      retry: { maxAttempts: 2, sleep: async () => undefined },
    });
    const err = await rejection(c.generate(ask()));
    expect(err.kind).toBe('server');
    expect(err.attempts).toBe(2);
    expect(err.message).toMatch(/could not reach http:\/\/127\.0\.0\.1:9\/v1\/chat\/completions/);
  });

  it('a successful reply that echoes the bearer key has it redacted', async () => {
    server.enqueue(chatReply.dynamic((req) => chatReply.text(`you sent ${String(req.headers.authorization)}`)));
    const resp = await client().generate(ask());
    expect(resp.text).toBe('you sent Bearer [redacted]');
  });

  it('the bearer key never appears in errors, even when the server echoes it', async () => {
    server.enqueue(chatReply.dynamic((req) => chatReply.error(400, `bad token ${String(req.headers.authorization)}`)));
    const err = await rejection(client().generate(ask()));
    expect(err.message).toContain('[redacted]');
    expect(inspect(err, { depth: 10 })).not.toContain(KEY);
    expect(inspect(client(), { depth: 20 })).not.toContain(KEY);
  });
});
