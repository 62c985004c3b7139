// Retries with exponential back-off and jitter on 429, 5xx and time-outs. Every attempt is logged so a run
// can record "429 then success"; a cancel stops both the attempts and the waiting between them.
import { LlmError, isRetryable } from './errors';
import type { AttemptRecord } from './types';

export interface RetrySettings {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Wait before the second attempt; doubled for each one after. */
  baseDelayMs: number;
  /** Cap on the computed back-off. */
  maxDelayMs: number;
  /** Cap on a server-requested wait (Retry-After / RetryInfo); longer requests wait this long. */
  maxRetryAfterMs: number;
  /** Injectable for tests: waits ms unless the signal fires first. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for tests: uniform in [0, 1). */
  random: () => number;
}

export const DEFAULT_RETRY: RetrySettings = {
  maxAttempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  sleep: abortableSleep,
  random: Math.random,
};

/** The wait before attempt n+1 after attempt n failed: the server's word when it gave one, otherwise
 * "equal jitter" back-off — half the exponential step fixed, half random — so parallel episodes that hit
 * the same 429 do not come back in lock-step, yet never retry instantly. */
export function backoffDelay(failedAttempt: number, err: LlmError, s: Pick<RetrySettings, 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs' | 'random'>): number {
  if (err.retryAfterMs !== undefined) return Math.min(Math.max(0, err.retryAfterMs), s.maxRetryAfterMs);
  const step = Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.round(step / 2 + (s.random() * step) / 2);
}

export interface RetryResult<T> {
  value: T;
  attempts: number;
  attemptLog: AttemptRecord[];
}

/** Runs `attempt` until it succeeds, fails for good, or the attempts run out. On failure throws the last
 * LlmError with `attempts` and `attemptLog` filled in. `onAttempt` sees each record as it happens. */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  settings: Partial<RetrySettings> = {},
  options: { signal?: AbortSignal; onAttempt?: (record: AttemptRecord) => void; provider?: string } = {},
): Promise<RetryResult<T>> {
  // Settings left undefined (e.g. from a partly filled config file) keep their defaults.
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  const s: RetrySettings = { ...DEFAULT_RETRY, ...defined };
  const maxAttempts = Math.max(1, Math.floor(s.maxAttempts));
  const log: AttemptRecord[] = [];
  const record = (r: AttemptRecord) => {
    log.push(r);
    options.onAttempt?.(r);
  };
  for (let n = 1; ; n++) {
    const started = performance.now();
    try {
      const value = await attempt(n);
      record({ attempt: n, ok: true, latencyMs: Math.round(performance.now() - started) });
      return { value, attempts: n, attemptLog: log };
    } catch (thrown) {
      const err = thrown instanceof LlmError ? thrown : new LlmError('server', errorText(thrown), { provider: options.provider, cause: thrown });
      const entry: AttemptRecord = { attempt: n, ok: false, kind: err.kind, error: err.message, latencyMs: Math.round(performance.now() - started) };
      if (err.status !== undefined) entry.status = err.status;
      const again = isRetryable(err) && n < maxAttempts && !options.signal?.aborted;
      if (again) entry.delayMs = backoffDelay(n, err, s);
      record(entry);
      if (!again) throw finalError(err, n, maxAttempts, log, options.signal);
      try {
        await s.sleep(entry.delayMs ?? 0, options.signal);
      } catch {
        // cancelled while waiting to retry
      }
      if (options.signal?.aborted) {
        const cancelled = new LlmError('cancelled', `${err.provider ?? 'llm'}: the call was cancelled while waiting to retry`, { provider: err.provider });
        throw finalError(cancelled, n, maxAttempts, log, undefined);
      }
    }
  }
}

function finalError(err: LlmError, n: number, maxAttempts: number, log: AttemptRecord[], signal: AbortSignal | undefined): LlmError {
  let out = err;
  // Say that we gave up, and after how many tries: "server error" alone hides that retries happened.
  if (isRetryable(err) && n >= maxAttempts && n > 1 && !signal?.aborted) {
    out = new LlmError(err.kind, `${err.message} (gave up after ${n} attempts)`, {
      status: err.status,
      provider: err.provider,
      retryAfterMs: err.retryAfterMs,
      raw: err.raw,
      cause: err,
    });
  }
  out.attempts = n;
  out.attemptLog = log;
  return out;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** setTimeout that rejects early when the signal fires. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
