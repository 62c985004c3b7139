// The retry layer's arithmetic (back-off, jitter, caps, Retry-After forms), without HTTP: the HTTP paths are
// covered in llm-gemini-faults and llm-openai-compatible.
import { describe, expect, it } from 'vitest';
import { LlmError, parseDuration, parseRetryAfter } from '../../main/llm/errors';
import { backoffDelay, withRetries } from '../../main/llm/retry';

const settings = { baseDelayMs: 1000, maxDelayMs: 8000, maxRetryAfterMs: 60_000 };
const server = () => new LlmError('server', 'boom', { status: 503 });

describe('back-off', () => {
  it('doubles per attempt, half fixed and half jitter, capped at maxDelayMs', () => {
    const at = (random: number) => [1, 2, 3, 4, 5].map((n) => backoffDelay(n, server(), { ...settings, random: () => random }));
    expect(at(0)).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(at(0.5)).toEqual([750, 1500, 3000, 6000, 6000]);
    expect(at(0.999)).toEqual([1000, 1999, 3998, 7996, 7996]);
  });

  it('a server-requested wait wins over the computed one, up to maxRetryAfterMs', () => {
    const s = { ...settings, random: () => 0 };
    expect(backoffDelay(3, new LlmError('rate_limited', 'x', { retryAfterMs: 12_000 }), s)).toBe(12_000);
    expect(backoffDelay(1, new LlmError('rate_limited', 'x', { retryAfterMs: 600_000 }), s)).toBe(60_000);
  });
});

describe('Retry-After and RetryInfo forms', () => {
  it('reads delta-seconds, HTTP dates and durations; ignores junk', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2026-11-01T10:00:00Z');
    expect(parseRetryAfter('Sun, 01 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseDuration('12s')).toBe(12_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration(42)).toBeUndefined();
  });
});

describe('withRetries', () => {
  it('stops at once on a non-retryable kind and on an error marked retryable = false', async () => {
    let calls = 0;
    const fail = (err: LlmError) => withRetries(async () => ((calls++, Promise.reject(err))), { sleep: async () => undefined });
    await expect(fail(new LlmError('unparseable', 'x'))).rejects.toMatchObject({ attempts: 1 });
    const marked = server();
    marked.retryable = false;
    await expect(fail(marked)).rejects.toMatchObject({ attempts: 1 });
    expect(calls).toBe(2);
  });

  it('a non-LlmError from a provider becomes a server error and is logged', async () => {
    let n = 0;
    const out = await withRetries(async () => {
      if (++n === 1) throw new Error('socket hang up');
      return 'ok';
    }, { sleep: async () => undefined, random: () => 0 });
    expect(out.value).toBe('ok');
    expect(out.attemptLog).toMatchObject([{ attempt: 1, ok: false, kind: 'server', error: 'socket hang up', delayMs: 500 }, { attempt: 2, ok: true }]);
  });

  it('maxAttempts below 1 still makes one attempt', async () => {
    await expect(withRetries(async () => Promise.reject(server()), { maxAttempts: 0 })).rejects.toMatchObject({ attempts: 1, message: 'boom' });
  });
});
