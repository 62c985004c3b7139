// One error type for every provider, so the retry layer and the episode loop decide on `kind`, never on a
// provider's own exception classes or message wording.
import type { AttemptRecord, LlmErrorKind, LlmUsage } from './types';

export interface LlmErrorOptions {
  status?: number;
  provider?: string;
  /** The server asked us to wait this long before trying again (Retry-After or Gemini's RetryInfo). */
  retryAfterMs?: number;
  /** The reply text that could not be parsed ('unparseable'), kept so the run can record it. */
  raw?: string;
  /** Why the provider stopped generating ('incomplete' replies: SAFETY, MAX_TOKENS, length…). */
  finishReason?: string;
  /** Tokens a reply that arrived but was unusable still cost. */
  usage?: LlmUsage;
  cause?: unknown;
}

export class LlmError extends Error {
  readonly kind: LlmErrorKind;
  readonly status?: number;
  readonly provider?: string;
  readonly retryAfterMs?: number;
  readonly raw?: string;
  readonly finishReason?: string;
  readonly usage?: LlmUsage;
  /** Filled in by the retry layer: every attempt made before giving up. */
  attempts = 0;
  attemptLog: AttemptRecord[] = [];
  /** Set false to stop retries of an error whose kind would allow them (e.g. a stream that already
   * delivered text). */
  declare retryable?: boolean;

  constructor(kind: LlmErrorKind, message: string, options: LlmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LlmError';
    this.kind = kind;
    this.status = options.status;
    this.provider = options.provider;
    this.retryAfterMs = options.retryAfterMs;
    this.raw = options.raw;
    this.finishReason = options.finishReason;
    this.usage = options.usage;
  }
}

/** 429, 5xx and time-outs are worth another try; a bad request or a bad key will fail the same way again. */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof LlmError) || err.retryable === false) return false;
  return err.kind === 'rate_limited' || err.kind === 'server' || err.kind === 'timeout';
}

export function kindForStatus(status: number): LlmErrorKind {
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status === 401 || status === 403) return 'auth';
  if (status >= 500) return 'server';
  return 'bad_request';
}

const KIND_WORDS: Record<LlmErrorKind, string> = {
  timeout: 'timed out',
  rate_limited: 'rate limited',
  server: 'server error',
  bad_request: 'rejected the request',
  auth: 'refused the credentials',
  cancelled: 'cancelled',
  unparseable: 'reply could not be parsed',
  incomplete: 'reply ended early',
};

/** "gemini: HTTP 429 rate limited: Resource exhausted" — provider, status and the server's own words. */
export function statusMessage(provider: string, status: number, detail: string): string {
  const words = KIND_WORDS[kindForStatus(status)];
  return `${provider}: HTTP ${status} ${words}${detail ? `: ${detail}` : ''}`;
}

/** Blanks every occurrence of each secret; used on anything that may end up in a message, log or file.
 * Servers do echo keys back (a 400 quoting the request, a proxy's error page). */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Gemini's RetryInfo duration: "12s", "1.5s", "250ms". */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(value.trim());
  if (!m) return undefined;
  return Math.round(Number(m[1]) * (m[2] === 'ms' ? 1 : 1000));
}

/** Shortens a server body for a message: one line, bounded. */
export function clip(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
