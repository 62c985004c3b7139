// What the agent, the subgoal teacher and the AutoRater call: a provider plus retries, the response cache,
// JSON parsing and accounting. Providers make single attempts; everything policy-like lives here.
import { Accounting, type AccountingSnapshot } from './accounting';
import { ResponseCache, cacheKey, isCacheable } from './cache';
import { LlmError, clip } from './errors';
import { earlyEndProblem, isCompleteFinish } from './finish-reason';
import { withRetries, type RetrySettings } from './retry';
import type { AttemptRecord, LlmProvider, LlmRequest, LlmResponse } from './types';

/** readwrite: use and fill the cache. refresh: always call, then store (re-judge with fresh replies).
 * off: neither read nor write. */
export const LLM_CACHE_MODES = ['readwrite', 'refresh', 'off'] as const;
export type CacheMode = (typeof LLM_CACHE_MODES)[number];

export interface LlmClientOptions {
  provider: LlmProvider;
  /** Folder for cached replies; without one nothing is cached. */
  cacheDir?: string;
  cacheMode?: CacheMode;
  retry?: Partial<RetrySettings>;
  /** Per-attempt limit for requests that set no timeoutMs. Thinking-heavy Gemini steps take ~20 s (docs/design/MIRA.md §3.3). */
  defaultTimeoutMs?: number;
  /** Share one across clients to total a whole run. */
  accounting?: Accounting;
  /** maxOutputTokens for requests that set none (per purpose, thinking included; client-factory.ts). */
  outputLimit?: (req: LlmRequest) => number | undefined;
}

export interface CallOptions {
  cacheMode?: CacheMode;
  /** Sees each attempt as it ends (status, error, the wait before the next). */
  onAttempt?: (record: AttemptRecord) => void;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

export class LlmClient {
  readonly provider: LlmProvider;
  readonly accounting: Accounting;
  readonly #cache?: ResponseCache;
  readonly #cacheMode: CacheMode;
  readonly #retry: Partial<RetrySettings>;
  readonly #defaultTimeoutMs: number;
  readonly #outputLimit?: (req: LlmRequest) => number | undefined;

  constructor(options: LlmClientOptions) {
    this.provider = options.provider;
    this.accounting = options.accounting ?? new Accounting();
    this.#cache = options.cacheDir ? new ResponseCache(options.cacheDir) : undefined;
    this.#cacheMode = options.cacheMode ?? 'readwrite';
    this.#retry = options.retry ?? {};
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#outputLimit = options.outputLimit;
  }

  generate(req: LlmRequest, options: CallOptions = {}): Promise<LlmResponse> {
    return this.#call(req, options, (r) => () => this.provider.generate(r), () => false);
  }

  /** Text arrives through onText as it is generated; a cache hit delivers it in one piece. Once some text
   * has been delivered a failure is not retried, since the caller cannot take the text back. */
  stream(req: LlmRequest, onText: (delta: string) => void, options: CallOptions = {}): Promise<LlmResponse> {
    const provider = this.provider;
    const streamFn = provider.stream?.bind(provider);
    if (!streamFn) {
      // No streaming endpoint: one piece at the end is still a valid stream.
      const whole = async (r: LlmRequest) => {
        const resp = await provider.generate(r);
        onText(resp.text);
        return resp;
      };
      return this.#call(req, options, (r) => () => whole(r), () => false, onText);
    }
    let delivered = false;
    const forward = (delta: string) => {
      delivered = true;
      onText(delta);
    };
    return this.#call(req, options, (r) => () => streamFn(r, forward), () => delivered, onText);
  }

  /** Calls, tokens and latency so far, overall and per purpose. */
  usage(): AccountingSnapshot {
    return this.accounting.snapshot();
  }

  async #call(
    asked: LlmRequest,
    options: CallOptions,
    makeAttempt: (r: LlmRequest) => () => Promise<LlmResponse>,
    deliveredText: () => boolean,
    onHitText?: (text: string) => void,
  ): Promise<LlmResponse> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const req: LlmRequest = asked.maxOutputTokens === undefined ? { ...asked, maxOutputTokens: this.#outputLimit?.(asked) } : asked;
    const provider = this.provider.name;
    const accepted = (reply: { text: string; json?: unknown }) => {
      try {
        return req.acceptReply?.(reply) !== false;
      } catch {
        return false; // a check that cannot read the reply refuses it
      }
    };
    // A sampled call without a draw is never cached (cache.ts says why).
    const mode = this.#cache && isCacheable(req) ? (options.cacheMode ?? this.#cacheMode) : 'off';
    const key = mode === 'off' ? undefined : cacheKey(this.provider.cacheScope ?? provider, req);

    let refusedHit = false;
    if (key && mode === 'readwrite') {
      const hit = await this.#cache!.get(key);
      // An entry the caller now refuses (its check got stricter, or an older build stored it) is asked again.
      refusedHit = hit !== undefined && !accepted(hit);
      if (hit && !refusedHit) {
        onHitText?.(hit.text);
        const { storedAt: _storedAt, ...answer } = hit;
        const resp: LlmResponse = { ...answer, latencyMs: elapsed(), attempts: 0, attemptLog: [], cached: true };
        this.accounting.record({ purpose: req.purpose, cached: true, failed: false, attempts: 0, latencyMs: resp.latencyMs, usage: hit.usage });
        return resp;
      }
    }

    const attemptReq: LlmRequest = { ...req, timeoutMs: req.timeoutMs ?? this.#defaultTimeoutMs };
    const attempt = makeAttempt(attemptReq);
    let result;
    try {
      result = await withRetries(
        async () => {
          try {
            return await attempt();
          } catch (err) {
            // Text already shown cannot be taken back: end here rather than stream it twice.
            if (deliveredText() && err instanceof LlmError) err.retryable = false;
            throw err;
          }
        },
        this.#retry,
        { signal: req.signal, onAttempt: options.onAttempt, provider },
      );
    } catch (err) {
      const e = err instanceof LlmError ? err : undefined;
      this.accounting.record({ purpose: req.purpose, cached: false, failed: true, attempts: e?.attempts ?? 1, latencyMs: elapsed() });
      throw err;
    }

    const resp: LlmResponse = { ...result.value, attempts: result.attempts, attemptLog: result.attemptLog, cached: false, latencyMs: elapsed() };
    // The reply was paid for even when it is unusable: count its tokens, and do not cache it.
    const unusable = (message: string, kind: 'incomplete' | 'unparseable') => {
      const e = new LlmError(kind, message, { provider, raw: resp.text, finishReason: resp.finishReason, usage: resp.usage });
      e.attempts = result.attempts;
      e.attemptLog = result.attemptLog;
      this.accounting.record({ purpose: req.purpose, cached: false, failed: true, attempts: result.attempts, latencyMs: resp.latencyMs, usage: resp.usage });
      return e;
    };
    // A blocked or truncated reply is the provider's early end, not the model's answer: say so rather than
    // report it as "not JSON" or hand it to an action parser.
    const early = earlyEndProblem(resp.finishReason, req.maxOutputTokens);
    if (early) throw unusable(`${provider}: ${early}${resp.text.trim() ? '' : '; no text came back'}`, 'incomplete');
    if (req.json) {
      try {
        resp.json = parseJsonReply(resp.text, provider);
      } catch (err) {
        throw unusable((err as Error).message, 'unparseable');
      }
    }
    this.accounting.record({ purpose: req.purpose, cached: false, failed: false, attempts: result.attempts, latencyMs: resp.latencyMs, usage: resp.usage });
    if (key && this.#cache) {
      // Only a finished, non-empty reply the caller accepts is kept: anything else would be served for good.
      const keep = isCompleteFinish(resp.finishReason) && resp.text.trim() !== '' && accepted(resp);
      const { text, json, usage, model, finishReason } = resp;
      // A cache that cannot be written (full disk, read-only folder) must not fail a call that succeeded.
      if (keep) await this.#cache.put(key, { text, json, usage, model, provider: resp.provider, finishReason, storedAt: new Date().toISOString() }).catch(() => undefined);
      else if (refusedHit) await this.#cache.remove(key).catch(() => undefined);
    }
    return resp;
  }
}

/** JSON mode: the reply must be JSON. A fenced block (```json … ```), which local models often write, is
 * accepted; anything else is 'unparseable' with the raw text attached for the run to record. */
export function parseJsonReply(text: string, provider: string): unknown {
  const trimmed = text.trim();
  const fenced = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/i.exec(trimmed);
  try {
    return JSON.parse(fenced ? fenced[1] : trimmed);
  } catch {
    throw new LlmError('unparseable', `${provider}: asked for JSON, the reply is not JSON: ${clip(text, 200) || '(empty reply)'}`, { provider, raw: text });
  }
}
