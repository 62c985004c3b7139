// The real @google/genai client against the loopback Gemini fixture: what goes over the wire for each kind of
// request, and what comes back (text, usage, streaming).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GeminiProvider } from '../../main/llm/gemini';
import type { LlmRequest } from '../../main/llm/types';
import { reply, startGeminiServer, type GeminiServer } from '../fixtures/gemini-server';

const KEY = 'test-key-7f3a9c';
let server: GeminiServer;
let gemini: GeminiProvider;

beforeAll(async () => {
  server = await startGeminiServer({ apiKey: KEY });
  gemini = new GeminiProvider({ apiKey: KEY, baseUrl: server.url });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
});

const ask = (text: string, extra: Partial<LlmRequest> = {}): LlmRequest => ({
  model: 'gemini-2.5-pro',
  messages: [{ role: 'user', parts: [{ text }] }],
  purpose: 'policy',
  ...extra,
});

describe('Gemini request bodies', () => {
  it('a plain call: path, API key header and the exact body', async () => {
    server.enqueue(reply.text('click [12]'));
    const resp = await gemini.generate(
      ask('What next?', {
        system: 'You are a web agent.',
        messages: [
          { role: 'user', parts: [{ text: 'What next?' }] },
          { role: 'model', parts: [{ text: 'scroll [down]' }] },
          { role: 'user', parts: [{ text: 'Now?' }] },
        ],
        temperature: 0.3,
        maxOutputTokens: 512,
      }),
    );
    expect(resp.text).toBe('click [12]');
    expect(resp.provider).toBe('gemini');
    expect(resp.model).toBe('gemini-2.5-pro');
    expect(resp.finishReason).toBe('STOP');
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0];
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v1beta/models/gemini-2.5-pro:generateContent');
    expect(req.headers['x-goog-api-key']).toBe(KEY);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'What next?' }] },
        { role: 'model', parts: [{ text: 'scroll [down]' }] },
        { role: 'user', parts: [{ text: 'Now?' }] },
      ],
      systemInstruction: { parts: [{ text: 'You are a web agent.' }] },
      generationConfig: { temperature: 0.3, maxOutputTokens: 512 },
    });
  });

  it('a call with neither system nor settings sends only contents', async () => {
    server.enqueue(reply.text('ok'));
    await gemini.generate(ask('hi'));
    expect(server.requests[0].body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }], generationConfig: {} });
  });

  it('a JSON-schema call sends responseMimeType and responseSchema (types upper-cased by the SDK)', async () => {
    server.enqueue(reply.json({ done: true, evidence: 'cart shows 2 items' }));
    const schema = {
      type: 'object',
      properties: { done: { type: 'boolean' }, evidence: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
      required: ['done', 'evidence'],
    };
    const resp = await gemini.generate(ask('Is subgoal 2 done?', { purpose: 'autorater', temperature: 0, json: { schema } }));
    expect(JSON.parse(resp.text)).toEqual({ done: true, evidence: 'cart shows 2 items' });
    expect(server.requests[0].body.generationConfig).toEqual({
      temperature: 0,
      responseMimeType: 'application/json',
      responseSchema: {
        type: 'OBJECT',
        properties: { done: { type: 'BOOLEAN' }, evidence: { type: 'STRING' }, tags: { type: 'ARRAY', items: { type: 'STRING' } } },
        required: ['done', 'evidence'],
      },
    });
    // Our schema object is not mutated by the SDK's rewriting.
    expect(schema.type).toBe('object');
  });

  it.each([
    [8192, 8192],
    [256, 256],
    ['dynamic', -1],
    ['off', 0],
  ] as const)('thinking budget %s is sent as thinkingConfig.thinkingBudget = %s', async (budget, wire) => {
    server.enqueue(reply.text('ok'));
    await gemini.generate(ask('plan', { thinkingBudget: budget }));
    expect(server.requests[0].body.generationConfig).toEqual({ thinkingConfig: { thinkingBudget: wire } });
  });

  it('no thinking budget sends no thinkingConfig (the model default applies)', async () => {
    server.enqueue(reply.text('ok'));
    await gemini.generate(ask('plan', { temperature: 1 }));
    expect(server.requests[0].body.generationConfig).toEqual({ temperature: 1 });
  });

  it('rejects a malformed thinking budget before sending anything', async () => {
    await expect(gemini.generate(ask('plan', { thinkingBudget: 12.5 }))).rejects.toMatchObject({ kind: 'bad_request' });
    await expect(gemini.generate(ask('plan', { thinkingBudget: -7 }))).rejects.toMatchObject({ kind: 'bad_request' });
    expect(server.requests).toHaveLength(0);
  });

  it('screenshots go as inlineData image/jpeg parts, in order with the text', async () => {
    server.enqueue(reply.text('ok'));
    await gemini.generate(ask('', { messages: [{ role: 'user', parts: [{ text: 'Page:' }, { imageJpegBase64: '/9j/4AAQSkZJRg==' }, { text: 'Act.' }] }] }));
    expect(server.requests[0].body.contents).toEqual([
      { role: 'user', parts: [{ text: 'Page:' }, { inlineData: { mimeType: 'image/jpeg', data: '/9j/4AAQSkZJRg==' } }, { text: 'Act.' }] },
    ]);
  });
});

describe('Gemini replies', () => {
  it('usage comes from usageMetadata, thought parts are left out of the text', async () => {
    server.enqueue(
      reply.text('type [5] [laptop]', {
        thought: 'The search box is 5.',
        usage: { promptTokenCount: 1200, candidatesTokenCount: 9, thoughtsTokenCount: 310 },
        modelVersion: 'gemini-2.5-pro-preview-06-05',
      }),
    );
    const resp = await gemini.generate(ask('act'));
    expect(resp.text).toBe('type [5] [laptop]');
    expect(resp.usage).toEqual({ inputTokens: 1200, outputTokens: 9, thinkingTokens: 310 });
    expect(resp.model).toBe('gemini-2.5-pro-preview-06-05');
    expect(resp.attempts).toBe(1);
    expect(resp.cached).toBe(false);
    expect(resp.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('a truncated reply reports MAX_TOKENS', async () => {
    server.enqueue(reply.text('The answer is', { finishReason: 'MAX_TOKENS' }));
    expect((await gemini.generate(ask('long'))).finishReason).toBe('MAX_TOKENS');
  });

  it('streams over SSE: deltas in order, final text and usage from the last chunk', async () => {
    server.enqueue(
      reply.text('click [42] then stop', {
        chunks: ['click ', '[42] ', 'then stop'],
        chunkDelayMs: 20,
        usage: { promptTokenCount: 77, candidatesTokenCount: 5, thoughtsTokenCount: 40 },
      }),
    );
    const deltas: string[] = [];
    const resp = await gemini.stream(ask('go', { thinkingBudget: 1024, temperature: 0.5 }), (d) => deltas.push(d));
    expect(deltas).toEqual(['click ', '[42] ', 'then stop']);
    expect(resp.text).toBe('click [42] then stop');
    expect(resp.usage).toEqual({ inputTokens: 77, outputTokens: 5, thinkingTokens: 40 });
    expect(resp.finishReason).toBe('STOP');
    const req = server.requests[0];
    expect(req.path).toBe('/v1beta/models/gemini-2.5-pro:streamGenerateContent');
    expect(req.query).toEqual({ alt: 'sse' });
    expect(req.headers['x-goog-api-key']).toBe(KEY);
    expect(req.body.generationConfig).toEqual({ temperature: 0.5, thinkingConfig: { thinkingBudget: 1024 } });
  });
});
