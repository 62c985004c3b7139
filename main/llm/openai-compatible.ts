// Local and self-hosted models (vLLM, Ollama, llama.cpp server) through the OpenAI chat-completions shape
// they all serve. Plain fetch: one call is one attempt; retries and caching live in client.ts.
import { attemptSignal, throwIfCancelled } from './attempt-signal';
import { LlmError, clip, kindForStatus, parseRetryAfter, redact, statusMessage } from './errors';
import { MAX_REPLY_BYTES, readLimitedText, tooLargeMessage } from './reply-limit';
import type { LlmMessage, LlmProvider, LlmRequest, LlmResponse } from './types';

export interface OpenAiCompatibleOptions {
  /** Up to and including the version segment, e.g. http://127.0.0.1:8000/v1 (vLLM) or …:11434/v1 (Ollama). */
  baseUrl: string;
  /** Sent as a bearer token when given; most local servers need none. */
  apiKey?: string;
  /** Provider name in responses, messages and the cache key; name each endpoint serving different weights. */
  name?: string;
  /** A reply body above this many bytes is refused as a provider error (default MAX_REPLY_BYTES). */
  maxReplyBytes?: number;
}

type ChatContent = string | ({ type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } })[];

interface ChatCompletion {
  /** Some servers (and proxies in front of them) answer a failure with status 200 and this. */
  error?: { message?: string; code?: unknown } | string;
  model?: string;
  choices?: { message?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number; completion_tokens_details?: { reasoning_tokens?: number } };
}

export class OpenAiCompatibleProvider implements LlmProvider {
  readonly name: string;
  readonly #apiKey?: string;
  readonly #url: string;
  readonly #maxReplyBytes: number;

  constructor(options: OpenAiCompatibleOptions) {
    this.name = options.name ?? 'openai-compatible';
    this.#maxReplyBytes = options.maxReplyBytes ?? MAX_REPLY_BYTES;
    this.#apiKey = options.apiKey || undefined;
    this.#url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  }

  async generate(req: LlmRequest): Promise<LlmResponse> {
    throwIfCancelled(req.signal, this.name);
    const provider = this.name;
    const secrets = [this.#apiKey];
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.#apiKey) headers.authorization = `Bearer ${this.#apiKey}`;
    const sig = attemptSignal(req.timeoutMs, req.signal);
    const started = performance.now();
    try {
      let status = 0;
      let raw: string | null = '';
      let retryAfterMs: number | undefined;
      try {
        const res = await fetch(this.#url, { method: 'POST', headers, body: JSON.stringify(toChatBody(req)), signal: sig.signal });
        status = res.status;
        retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
        raw = await readLimitedText(res, this.#maxReplyBytes);
      } catch (err) {
        const aborted = sig.abortError(provider);
        if (aborted) throw aborted;
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        const why = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
        throw new LlmError('server', redact(`${provider}: could not reach ${this.#url}: ${why}`, secrets), { provider });
      }
      if (raw === null) throw new LlmError('server', tooLargeMessage(provider, this.#maxReplyBytes), { status, provider });
      if (status < 200 || status >= 300) {
        throw new LlmError(kindForStatus(status), redact(statusMessage(provider, status, errorDetail(raw)), secrets), { status, provider, retryAfterMs });
      }
      let body: ChatCompletion;
      try {
        body = JSON.parse(raw) as ChatCompletion;
      } catch {
        // A proxy's HTML page or a cut body is the provider failing, not the model's reply: retried, and never
        // handed to a parser as what the model said.
        throw new LlmError('server', redact(`${provider}: the server's reply is not JSON: ${clip(raw, 200)}`, secrets), { provider, raw: redact(raw, secrets) });
      }
      if (body.error !== undefined && body.error !== null) {
        const code = typeof body.error === 'object' ? Number(body.error.code) : NaN;
        const kind = code >= 400 && code < 600 ? kindForStatus(code) : 'server';
        throw new LlmError(kind, redact(`${provider}: the server answered with an error: ${errorDetail(raw)}`, secrets), { provider, raw: redact(raw, secrets) });
      }
      const choice = body.choices?.[0];
      if (!choice) throw new LlmError('server', redact(`${provider}: the server's reply has no choices: ${clip(raw, 200)}`, secrets), { provider, raw: redact(raw, secrets) });
      return {
        // Servers do echo what they were sent; the key must not reach the cache, the blobs or the screen.
        text: redact(choice.message?.content ?? '', secrets),
        usage: {
          inputTokens: body.usage?.prompt_tokens ?? 0,
          outputTokens: body.usage?.completion_tokens ?? 0,
          thinkingTokens: body.usage?.completion_tokens_details?.reasoning_tokens ?? 0,
        },
        latencyMs: Math.round(performance.now() - started),
        attempts: 1,
        cached: false,
        model: body.model ?? req.model,
        provider,
        finishReason: choice.finish_reason ?? undefined,
      };
    } finally {
      sig.dispose();
    }
  }
}

/** The request body. Thinking budgets have no common OpenAI-compatible field, so they are not sent. */
export function toChatBody(req: LlmRequest): Record<string, unknown> {
  const messages: { role: string; content: ChatContent }[] = [];
  if (req.system) messages.push({ role: 'system', content: req.system });
  for (const m of req.messages) messages.push({ role: m.role === 'model' ? 'assistant' : 'user', content: toChatContent(m) });
  const body: Record<string, unknown> = { model: req.model, messages, stream: false };
  if (req.temperature !== undefined) body.temperature = req.temperature;
  if (req.maxOutputTokens !== undefined) body.max_tokens = req.maxOutputTokens;
  if (req.json) body.response_format = { type: 'json_schema', json_schema: { name: req.json.name ?? 'response', schema: req.json.schema } };
  return body;
}

/** Text-only messages go as a plain string: some servers (older llama.cpp) accept nothing else. */
function toChatContent(m: LlmMessage): ChatContent {
  if (m.parts.every((p) => 'text' in p)) return m.parts.map((p) => ('text' in p ? p.text : '')).join('\n');
  return m.parts.map((p) =>
    'text' in p ? { type: 'text' as const, text: p.text } : { type: 'image_url' as const, image_url: { url: `data:image/jpeg;base64,${p.imageJpegBase64}` } },
  );
}

/** OpenAI-style {error:{message}}, FastAPI's {detail}, or the page text. */
function errorDetail(raw: string): string {
  try {
    const body = JSON.parse(raw) as { error?: { message?: string } | string; detail?: unknown; message?: string };
    if (typeof body.error === 'object' && body.error?.message) return clip(body.error.message);
    if (typeof body.error === 'string') return clip(body.error);
    if (body.message) return clip(body.message);
    if (body.detail !== undefined) return clip(typeof body.detail === 'string' ? body.detail : JSON.stringify(body.detail));
  } catch {
    // not JSON: fall through to the text itself
  }
  return clip(raw);
}
