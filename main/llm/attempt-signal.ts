// One abort signal per attempt that fires on the caller's signal or on the attempt's time limit, and
// remembers which of the two it was, so a time-out (retryable) is never confused with a cancel (final).
import { LlmError } from './errors';

export interface AttemptSignal {
  signal: AbortSignal;
  /** The error to throw when the attempt's request failed because this signal fired; undefined if it did not. */
  abortError(provider: string): LlmError | undefined;
  dispose(): void;
}

export function attemptSignal(timeoutMs: number | undefined, caller: AbortSignal | undefined): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  if (timeoutMs !== undefined && timeoutMs > 0) {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
  }
  const onCallerAbort = () => controller.abort();
  if (caller?.aborted) controller.abort();
  else caller?.addEventListener('abort', onCallerAbort, { once: true });

  return {
    signal: controller.signal,
    abortError(provider) {
      if (caller?.aborted) return new LlmError('cancelled', `${provider}: the call was cancelled`, { provider });
      if (timedOut) return new LlmError('timeout', `${provider}: no reply within ${timeoutMs} ms`, { provider });
      return undefined;
    },
    dispose() {
      if (timer) clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** Fails fast, before any request, when the caller already gave up. */
export function throwIfCancelled(signal: AbortSignal | undefined, provider: string): void {
  if (signal?.aborted) throw new LlmError('cancelled', `${provider}: the call was cancelled`, { provider });
}
