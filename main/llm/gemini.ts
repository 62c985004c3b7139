// Gemini through the official @google/genai client (docs/design/ARCHITECTURE.md §8: the real client code path, pointed at
// a loopback server in tests). One call here is one attempt; retries and caching live in client.ts.
import { ApiError, GoogleGenAI, type GenerateContentConfig, type GenerateContentResponse } from '@google/genai';
import { attemptSignal, throwIfCancelled, type AttemptSignal } from './attempt-signal';
import { LlmError, kindForStatus, parseRetryAfter, redact, statusMessage, clip } from './errors';
import { finishReasonOf, readErrorBody, replyText, toGeminiConfig, toGeminiContents, usageOf } from './gemini-wire';
import { MAX_REPLY_BYTES, limitBody, tooLargeMessage } from './reply-limit';
import type { LlmProvider, LlmRequest, LlmResponse } from './types';

export interface GeminiProviderOptions {
  /** From the caller (OS keychain in the desktop app, GEMINI_API_KEY in the CLI); never logged or stored. */
  apiKey: string;
  /** Another endpoint speaking Gemini's REST protocol (a proxy, or the loopback fixture in tests). */
  baseUrl?: string;
  /** Pinned: @google/genai 3.x defaults to /v1/, which lacks some of what we send (docs/design/STACK.md §5). */
  apiVersion?: string;
  /** Provider name in responses, messages and the cache key. */
  name?: string;
  /** A reply body above this many bytes is refused as a provider error (default MAX_REPLY_BYTES). */
  maxReplyBytes?: number;
}

/** What the transport saw of the last response, which the SDK's errors do not carry. */
interface WireObservation {
  retryAfterMs?: number;
  /** A copy of a 200 body, read only when the SDK fails to parse it. */
  body?: Response;
  /** Set when the body passed the size limit and was cut. */
  tooLarge?: boolean;
}

/** Gemini's own endpoint, used when no base URL is set. */
export const GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com';

export class GeminiProvider implements LlmProvider {
  readonly name: string;
  /** The base URL too, so switching endpoints under the same model never serves the old endpoint's replies;
   * Gemini's own endpoint keeps the plain name (and the entries cached under it). */
  readonly cacheScope?: string;
  // Private fields: util.inspect and JSON.stringify do not show them, so logging a provider leaks no key.
  readonly #apiKey: string;
  readonly #baseUrl: string;
  readonly #ai: GoogleGenAI;
  readonly #maxReplyBytes: number;

  constructor(options: GeminiProviderOptions) {
    this.name = options.name ?? 'gemini';
    if (!options.apiKey) {
      // Without this the SDK would silently fall back to GEMINI_API_KEY / GOOGLE_API_KEY from the environment.
      throw new LlmError('auth', `${this.name}: no API key was given`, { provider: this.name });
    }
    this.#apiKey = options.apiKey;
    this.#baseUrl = options.baseUrl ?? GEMINI_BASE_URL;
    this.#maxReplyBytes = options.maxReplyBytes ?? MAX_REPLY_BYTES;
    const endpoint = this.#baseUrl.replace(/\/+$/, '');
    if (endpoint !== GEMINI_BASE_URL) this.cacheScope = `${this.name}@${endpoint}`;
    this.#ai = new GoogleGenAI({
      apiKey: options.apiKey,
      // Explicit, so GOOGLE_GENAI_USE_VERTEXAI in the environment cannot switch the backend under us.
      vertexai: false,
      apiVersion: options.apiVersion ?? 'v1beta',
      httpOptions: options.baseUrl ? { baseUrl: options.baseUrl } : undefined,
    });
  }

  async generate(req: LlmRequest): Promise<LlmResponse> {
    return this.#attempt(req, true, async (config) => {
      const resp = await this.#ai.models.generateContent({ model: req.model, contents: toGeminiContents(req.messages), config });
      return { text: replyText(resp), last: resp, finished: finishReasonOf(resp) ? resp : undefined };
    });
  }

  async stream(req: LlmRequest, onText: (delta: string) => void): Promise<LlmResponse> {
    return this.#attempt(req, false, async (config) => {
      const chunks = await this.#ai.models.generateContentStream({ model: req.model, contents: toGeminiContents(req.messages), config });
      let text = '';
      let last: GenerateContentResponse | undefined;
      let usage: GenerateContentResponse | undefined;
      let finished: GenerateContentResponse | undefined;
      for await (const chunk of chunks) {
        const delta = replyText(chunk);
        if (delta) {
          text += delta;
          // Best effort per piece; the whole text is redacted again before it is returned or stored.
          onText(redact(delta, [this.#apiKey]));
        }
        last = chunk;
        if (finishReasonOf(chunk)) finished = chunk;
        // Each chunk's usageMetadata is the running total so far, so the latest one is the call's usage.
        if (chunk.usageMetadata) usage = chunk;
      }
      return { text, last, usageFrom: usage, finished };
    });
  }

  async #attempt(
    req: LlmRequest,
    keepBody: boolean,
    run: (config: GenerateContentConfig) => Promise<{ text: string; last?: GenerateContentResponse; usageFrom?: GenerateContentResponse; finished?: GenerateContentResponse }>,
  ): Promise<LlmResponse> {
    throwIfCancelled(req.signal, this.name);
    if (req.messages.length === 0) throw new LlmError('bad_request', `${this.name}: a request needs at least one message`, { provider: this.name });
    const wire: WireObservation = {};
    const config: GenerateContentConfig = {
      ...toGeminiConfig(req, this.name),
      httpOptions: { fetch: observingFetch(wire, keepBody, this.#maxReplyBytes) },
    };
    const sig = attemptSignal(req.timeoutMs, req.signal);
    config.abortSignal = sig.signal;
    const started = performance.now();
    try {
      const out = await run(config);
      // A 200 that is JSON but no Gemini answer (no candidate, no block reason): a proxy's or gateway's own
      // body, e.g. {"error":{…}} with status 200. A provider fault, not the model's (empty) reply.
      if (!out.finished && !out.text && !out.last?.candidates?.length) {
        const body = wire.body ? await wire.body.text().catch(() => '') : '';
        const detail = body ? readErrorBody(body).detail : 'no candidates';
        throw new LlmError('server', redact(`${this.name}: the server's 200 reply is not a Gemini answer: ${detail}`, [this.#apiKey]), {
          provider: this.name,
          raw: redact(body, [this.#apiKey]),
        });
      }
      return {
        // Servers do echo what they were sent; the key must not reach the cache, the blobs or the screen.
        text: redact(out.text, [this.#apiKey]),
        usage: usageOf(out.usageFrom ?? out.last),
        latencyMs: Math.round(performance.now() - started),
        attempts: 1,
        cached: false,
        model: out.last?.modelVersion ?? req.model,
        provider: this.name,
        finishReason: finishReasonOf(out.finished ?? out.last),
      };
    } catch (err) {
      throw await this.#toLlmError(err, sig, wire);
    } finally {
      sig.dispose();
    }
  }

  /** Every failure becomes an LlmError with a kind the retry layer understands and no API key in it. */
  async #toLlmError(err: unknown, sig: AttemptSignal, wire: WireObservation): Promise<LlmError> {
    const secrets = [this.#apiKey];
    const provider = this.name;
    if (err instanceof LlmError) return err;
    const aborted = sig.abortError(provider);
    if (aborted) return aborted;
    if (wire.tooLarge) return new LlmError('server', tooLargeMessage(provider, this.#maxReplyBytes), { provider });
    if (err instanceof ApiError) {
      const { detail, retryDelayMs, reason } = readErrorBody(err.message);
      // Gemini answers a bad key with 400 INVALID_ARGUMENT; its ErrorInfo reason says what it really is.
      const kind = reason === 'API_KEY_INVALID' ? 'auth' : kindForStatus(err.status);
      return new LlmError(kind, redact(statusMessage(provider, err.status, detail), secrets), {
        status: err.status,
        provider,
        retryAfterMs: wire.retryAfterMs ?? retryDelayMs,
      });
    }
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof SyntaxError || /^exception parsing stream chunk|^Incomplete JSON segment/.test(message)) {
      // Not the protocol at all (a proxy's HTML page, a cut body): the provider failed, not the model, so it
      // is retried and never handed to a parser as the model's reply.
      const raw = wire.body ? await wire.body.text().catch(() => message) : message;
      return new LlmError('server', redact(`${provider}: the server's reply is not Gemini JSON: ${clip(raw, 200)}`, secrets), {
        provider,
        raw: redact(raw, secrets),
      });
    }
    const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
    if (err instanceof TypeError && cause) {
      // undici's "fetch failed": connection refused, reset, DNS — transient from our side, so retryable.
      return new LlmError('server', redact(`${provider}: could not reach ${this.#baseUrl}: ${cause.code ?? cause.message ?? message}`, secrets), { provider });
    }
    // The SDK's own validation errors (a plain Error): retrying would fail the same way.
    return new LlmError('bad_request', redact(`${provider}: ${message}`, secrets), { provider });
  }
}

/** Wraps fetch to see what the SDK's errors hide: the Retry-After header and, for unary calls, the raw body
 * (so an unparseable reply can be recorded verbatim); and to cut a body past the size limit. */
function observingFetch(wire: WireObservation, keepBody: boolean, maxReplyBytes: number): typeof fetch {
  return async (input, init) => {
    const res = limitBody(await fetch(input, init), maxReplyBytes, () => (wire.tooLarge = true));
    wire.retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
    wire.body = keepBody && res.ok ? res.clone() : undefined;
    return res;
  };
}
