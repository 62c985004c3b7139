// Faults over real HTTP: rate limits, server errors, garbage, hangs, cancels and key hygiene, through the
// LlmClient (retries) and the real @google/genai client. Only the sleep between retries is injected, so
// back-off delays can be asserted without waiting them out.
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LlmClient } from '../../main/llm/client';
import { LlmError } from '../../main/llm/errors';
import { GeminiProvider } from '../../main/llm/gemini';
import type { AttemptRecord, LlmRequest } from '../../main/llm/types';
import { reply, startGeminiServer, type GeminiServer } from '../fixtures/gemini-server';

const KEY = 'AIzaSy-fixture-secret-0042';
let server: GeminiServer;
let delays: number[];

beforeAll(async () => {
  server = await startGeminiServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  delays = [];
});

/** Retries with a recorded, instant sleep and a fixed "random" of 0.5: delays are exact. */
function client(retry: Record<string, unknown> = {}, timeoutMs?: number): LlmClient {
  return new LlmClient({
    provider: new GeminiProvider({ apiKey: KEY, baseUrl: server.url }),
    retry: { baseDelayMs: 100, sleep: async (ms: number) => void delays.push(ms), random: () => 0.5, ...retry },
    defaultTimeoutMs: timeoutMs,
  });
}

const ask = (extra: Partial<LlmRequest> = {}): LlmRequest => ({
  model: 'gemini-2.5-flash',
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

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
}

describe('retries', () => {
  it('429 then success: retried once, and the attempt log says so', async () => {
    server.enqueue(reply.rateLimited(), reply.text('click [3]'));
    const seen: AttemptRecord[] = [];
    const resp = await client().generate(ask(), { onAttempt: (r) => seen.push(r) });
    expect(resp.text).toBe('click [3]');
    expect(resp.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
    // Equal jitter on a 100 ms first step with random 0.5: 50 + 25.
    expect(delays).toEqual([75]);
    expect(resp.attemptLog).toMatchObject([
      { attempt: 1, ok: false, status: 429, kind: 'rate_limited', delayMs: 75 },
      { attempt: 2, ok: true },
    ]);
    expect(resp.attemptLog![0].error).toMatch(/HTTP 429 rate limited: Resource has been exhausted/);
    expect(seen).toEqual(resp.attemptLog);
  });

  it('honours the Retry-After header, and Gemini RetryInfo when there is no header', async () => {
    server.enqueue(reply.rateLimited({ retryAfter: '2' }), reply.rateLimited({ retryDelay: '1.5s' }), reply.rateLimited({ retryAfter: '3', retryDelay: '9s' }), reply.text('ok'));
    const resp = await client().generate(ask());
    expect(resp.attempts).toBe(4);
    expect(delays).toEqual([2000, 1500, 3000]);
  });

  it('caps a server-requested wait at maxRetryAfterMs', async () => {
    server.enqueue(reply.rateLimited({ retryAfter: '3600' }), reply.text('ok'));
    await client({ maxRetryAfterMs: 5000 }).generate(ask());
    expect(delays).toEqual([5000]);
  });

  it('500 four times: gives up after the default 4 attempts with a clear error', async () => {
    server.enqueue(reply.serverError(), reply.serverError(), reply.serverError(), reply.serverError(), reply.text('never reached'));
    const err = await rejection(client().generate(ask()));
    expect(err.kind).toBe('server');
    expect(err.status).toBe(500);
    expect(err.message).toBe('gemini: HTTP 500 server error: Internal error encountered. (gave up after 4 attempts)');
    expect(err.attempts).toBe(4);
    expect(server.requests).toHaveLength(4);
    expect(server.pending()).toBe(1);
    // Exponential: 100, 200, 400 ms steps, each half fixed and half jitter.
    expect(delays).toEqual([75, 150, 300]);
    expect(err.attemptLog.map((a) => [a.status, a.delayMs])).toEqual([
      [500, 75],
      [500, 150],
      [500, 300],
      [500, undefined],
    ]);
  });

  it('maxAttempts is a setting', async () => {
    server.enqueue(reply.serverError(503, 'The model is overloaded.'), reply.serverError(503), reply.text('late'));
    const err = await rejection(client({ maxAttempts: 2 }).generate(ask()));
    expect(err.kind).toBe('server');
    expect(err.status).toBe(503);
    expect(err.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    [400, 'bad_request'],
    [401, 'auth'],
    [403, 'auth'],
    [404, 'bad_request'],
  ] as const)('HTTP %s is not retried (%s)', async (status, kind) => {
    server.enqueue(reply.error(status, `status ${status} from the fixture`), reply.text('not used'));
    const err = await rejection(client().generate(ask()));
    expect(err).toMatchObject({ kind, status, attempts: 1 });
    expect(err.message).toContain(`HTTP ${status}`);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("a wrong key (Gemini's 400 API_KEY_INVALID) is an auth error", async () => {
    const guarded = await startGeminiServer({ apiKey: 'the-right-key' });
    try {
      const c = new LlmClient({ provider: new GeminiProvider({ apiKey: KEY, baseUrl: guarded.url }) });
      const err = await rejection(c.generate(ask()));
      expect(err).toMatchObject({ kind: 'auth', status: 400, attempts: 1 });
      expect(err.message).toContain('API key not valid');
    } finally {
      await guarded.close();
    }
  });
});

describe('garbage', () => {
  it("a 200 whose body is not JSON (a proxy's page) is a provider error with the raw body attached, and retried", async () => {
    server.enqueue(reply.garbage('<html>proxy says hi</html>'), reply.garbage('<html>proxy says hi</html>'));
    const err = await rejection(client({ maxAttempts: 2 }).generate(ask()));
    // Not 'unparseable': that kind is the model's reply, and a policy would read the page as one.
    expect(err.kind).toBe('server');
    expect(err.message).toContain("the server's reply is not Gemini JSON: <html>proxy says hi</html>");
    expect(err.raw).toBe('<html>proxy says hi</html>');
    expect(err.attempts).toBe(2);
    server.enqueue(reply.garbage('<html>once</html>'), reply.text('click [3]'));
    expect((await client().generate(ask())).text).toBe('click [3]');
  });

  it('a 200 JSON body that is no Gemini answer ({"error":…} from a gateway) is a provider error naming its message', async () => {
    server.enqueue(reply.garbage(JSON.stringify({ error: { code: 503, message: 'gateway: upstream overloaded' } })));
    const err = await rejection(client({ maxAttempts: 1 }).generate(ask()));
    expect(err.kind).toBe('server');
    expect(err.message).toContain('not a Gemini answer: gateway: upstream overloaded');
  });

  it('a body over the size limit is refused as a provider error, unary and streamed', async () => {
    const small = new LlmClient({
      provider: new GeminiProvider({ apiKey: KEY, baseUrl: server.url, maxReplyBytes: 4096 }),
      retry: { maxAttempts: 1 },
    });
    server.enqueue(reply.text('word '.repeat(2000)), reply.text('word '.repeat(2000), { chunks: ['word '.repeat(1000), 'word '.repeat(1000)] }));
    const unary = await rejection(small.generate(ask()));
    expect(unary).toMatchObject({ kind: 'server', attempts: 1 });
    expect(unary.message).toBe("gemini: the server's reply is larger than 4096 bytes; refused as a provider fault");
    const streamed = await rejection(small.stream(ask(), () => undefined));
    expect(streamed.kind).toBe('server');
    expect(streamed.message).toContain('larger than 4096 bytes');
    // Under the limit the same provider answers as usual.
    server.enqueue(reply.text('click [1]'));
    expect((await small.generate(ask())).text).toBe('click [1]');
  });

  it('JSON mode: a candidate whose text is not JSON is unparseable, with the text attached', async () => {
    server.enqueue(reply.text('Sure! The subgoal looks done to me.'));
    const err = await rejection(client().generate(ask({ purpose: 'autorater', json: { schema: { type: 'object' } } })));
    expect(err.kind).toBe('unparseable');
    expect(err.raw).toBe('Sure! The subgoal looks done to me.');
    expect(err.message).toMatch(/asked for JSON/);
    expect(err.attempts).toBe(1);
    expect(err.attemptLog).toMatchObject([{ attempt: 1, ok: true }]);
  });

  it('JSON mode: a good reply is parsed', async () => {
    server.enqueue(reply.json({ verdict: 'yes', evidence: 'URL is /checkout/done' }));
    const resp = await client().generate(ask({ json: { schema: { type: 'object' } } }));
    expect(resp.json).toEqual({ verdict: 'yes', evidence: 'URL is /checkout/done' });
  });

  it('a garbage SSE event in a stream is a provider error', async () => {
    server.enqueue(reply.garbage('{not json'));
    const err = await rejection(client({ maxAttempts: 1 }).stream(ask(), () => undefined));
    expect(err.kind).toBe('server');
    expect(err.message).toContain('not Gemini JSON');
  });
});

describe('time-outs and cancellation', () => {
  it('a hanging server is cut by the time-out and retried per settings', async () => {
    server.enqueue(reply.hang(), reply.hang());
    const started = Date.now();
    const err = await rejection(client({ maxAttempts: 2 }).generate(ask({ timeoutMs: 300 })));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe('gemini: no reply within 300 ms (gave up after 2 attempts)');
    expect(err.attemptLog.map((a) => a.kind)).toEqual(['timeout', 'timeout']);
    expect(server.requests).toHaveLength(2);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(550); // both attempts waited out their 300 ms (how fast is `npm run bench`'s business)
  });

  it('a time-out then a reply succeeds on the second attempt; the client default applies', async () => {
    server.enqueue(reply.hang(), reply.text('finally'));
    const resp = await client({}, 300).generate(ask());
    expect(resp.text).toBe('finally');
    expect(resp.attemptLog).toMatchObject([{ attempt: 1, ok: false, kind: 'timeout', delayMs: 75 }, { attempt: 2, ok: true }]);
  });

  it('an AbortSignal cancels an in-flight call, which is not retried', async () => {
    server.enqueue(reply.hang(), reply.text('not used'));
    const ac = new AbortController();
    const call = client().generate(ask({ signal: ac.signal, timeoutMs: 10_000 }));
    await until(() => server.requests.length === 1);
    ac.abort();
    const err = await rejection(call);
    expect(err.kind).toBe('cancelled');
    expect(err.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    const err = await rejection(client().generate(ask({ signal: ac.signal })));
    expect(err.kind).toBe('cancelled');
    expect(server.requests).toHaveLength(0);
  });

  it('a cancel during the back-off wait ends the call without another attempt', async () => {
    server.enqueue(reply.rateLimited({ retryAfter: '30' }), reply.text('not used'));
    const ac = new AbortController();
    const real = new LlmClient({ provider: new GeminiProvider({ apiKey: KEY, baseUrl: server.url }) }); // real sleep
    const call = real.generate(ask({ signal: ac.signal }));
    await until(() => server.requests.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    ac.abort();
    const err = await rejection(call);
    expect(err.kind).toBe('cancelled');
    expect(err.message).toMatch(/waiting to retry/);
    expect(err.attemptLog).toMatchObject([{ status: 429, delayMs: 30_000 }]);
    expect(server.requests).toHaveLength(1);
  });

  it('a cancel mid-stream stops the stream', async () => {
    server.enqueue(reply.text('a b c d e f', { chunks: ['a ', 'b ', 'c ', 'd ', 'e ', 'f'], chunkDelayMs: 150 }));
    const ac = new AbortController();
    const deltas: string[] = [];
    const err = await rejection(
      client().stream(ask({ signal: ac.signal }), (d) => {
        deltas.push(d);
        ac.abort();
      }),
    );
    expect(err.kind).toBe('cancelled');
    expect(deltas).toEqual(['a ']);
    expect(server.requests).toHaveLength(1);
  });

  it('a stream rejected with 429 before any text is retried, and text is delivered once', async () => {
    server.enqueue(reply.rateLimited(), reply.text('x y z'));
    const deltas: string[] = [];
    const resp = await client().stream(ask(), (d) => deltas.push(d));
    expect(resp.attempts).toBe(2);
    expect(deltas.join('')).toBe('x y z');
    expect(resp.text).toBe('x y z');
  });
});

describe('the API key stays secret', () => {
  const echoKey = reply.dynamic((req) => reply.error(400, `API key ${String(req.headers['x-goog-api-key'])} is not valid for this project`));

  it('is sent, but never appears in an error message, its log, or an inspected error', async () => {
    server.enqueue(echoKey);
    const err = await rejection(client().generate(ask()));
    expect(server.requests[0].headers['x-goog-api-key']).toBe(KEY);
    expect(err.message).toContain('[redacted]');
    for (const text of [err.message, String(err.stack), inspect(err, { depth: 10 }), JSON.stringify(err.attemptLog)]) expect(text).not.toContain(KEY);
  });

  it('nor in a retried failure echoed by a 5xx, nor in unparseable raw text', async () => {
    const echo5xx = reply.dynamic((req) => reply.serverError(500, `upstream saw key=${String(req.headers['x-goog-api-key'])}`));
    server.enqueue(echo5xx, echo5xx);
    const err = await rejection(client({ maxAttempts: 2 }).generate(ask()));
    expect(inspect(err, { depth: 10 })).not.toContain(KEY);
    server.enqueue(reply.dynamic((req) => reply.garbage(`<p>${String(req.headers['x-goog-api-key'])}</p>`)));
    const garbled = await rejection(client({ maxAttempts: 1 }).generate(ask()));
    expect(garbled.kind).toBe('server');
    expect(garbled.raw).toContain('[redacted]');
    expect(garbled.raw).not.toContain(KEY);
    expect(garbled.message).not.toContain(KEY);
  });

  it('an inspected provider or client does not show it', () => {
    const c = client();
    expect(inspect(c, { depth: 20, showHidden: true })).not.toContain(KEY);
    expect(JSON.stringify(c)).not.toContain(KEY);
  });
});
