// Translation between our request/response types and @google/genai's. Pure functions, so the mapping of
// thinking budgets, schemas and images is checked in one place (and by the request-body tests).
import type { Content, GenerateContentConfig, GenerateContentResponse, Part } from '@google/genai';
import { LlmError, clip, parseDuration } from './errors';
import type { LlmMessage, LlmRequest, LlmUsage, ThinkingBudget } from './types';

/** Gemini's encoding: -1 lets the model decide, 0 turns thinking off, n caps it at n tokens. */
export function thinkingBudgetValue(budget: ThinkingBudget, provider = 'gemini'): number {
  if (budget === 'dynamic') return -1;
  if (budget === 'off') return 0;
  if (!Number.isInteger(budget) || budget < -1) {
    throw new LlmError('bad_request', `${provider}: thinking budget must be a whole number of tokens, 'dynamic' or 'off' (got ${budget})`, { provider });
  }
  return budget;
}

export function toGeminiContents(messages: LlmMessage[]): Content[] {
  return messages.map((m) => ({
    role: m.role,
    parts: m.parts.map((p): Part => ('text' in p ? { text: p.text } : { inlineData: { mimeType: 'image/jpeg', data: p.imageJpegBase64 } })),
  }));
}

/** The generation settings of a request; the caller adds abortSignal and per-call httpOptions. */
export function toGeminiConfig(req: LlmRequest, provider = 'gemini'): GenerateContentConfig {
  const config: GenerateContentConfig = {
    // One HTTP request per attempt: our retry layer counts and logs attempts, so the SDK must not add
    // hidden continuation requests of its own.
    automaticContinuation: false,
  };
  // A Content (not a bare string): a string would be sent as {role:'user', parts:[…]}.
  if (req.system) config.systemInstruction = { parts: [{ text: req.system }] };
  if (req.temperature !== undefined) config.temperature = req.temperature;
  if (req.maxOutputTokens !== undefined) config.maxOutputTokens = req.maxOutputTokens;
  if (req.thinkingBudget !== undefined) config.thinkingConfig = { thinkingBudget: thinkingBudgetValue(req.thinkingBudget, provider) };
  if (req.json) {
    config.responseMimeType = 'application/json';
    // A fresh copy: the SDK moves a schema carrying $schema to responseJsonSchema by mutating the config.
    config.responseSchema = structuredClone(req.json.schema);
  }
  return config;
}

/** The answer's text: the first candidate's text parts, without thought summaries. Read here rather than
 * through the SDK's `.text` getter, which warns on the console about non-text parts. */
export function replyText(resp: GenerateContentResponse): string {
  const parts = resp.candidates?.[0]?.content?.parts ?? [];
  return parts.filter((p) => typeof p.text === 'string' && !p.thought).map((p) => p.text).join('');
}

export function usageOf(resp: GenerateContentResponse | undefined): LlmUsage {
  const u = resp?.usageMetadata;
  return { inputTokens: u?.promptTokenCount ?? 0, outputTokens: u?.candidatesTokenCount ?? 0, thinkingTokens: u?.thoughtsTokenCount ?? 0 };
}

/** STOP, MAX_TOKENS, SAFETY…; a blocked prompt has no candidate, so its block reason is reported instead. */
export function finishReasonOf(resp: GenerateContentResponse | undefined): string | undefined {
  const reason = resp?.candidates?.[0]?.finishReason;
  if (reason) return String(reason);
  const blocked = resp?.promptFeedback?.blockReason;
  return blocked ? `PROMPT_BLOCKED:${blocked}` : undefined;
}

/** The SDK's ApiError message is the server's JSON error body (prefixed "got status: …" in streams).
 * Pull out the human sentence and Gemini's RetryInfo delay, if any. */
export function readErrorBody(message: string): { detail: string; retryDelayMs?: number; reason?: string } {
  const start = message.indexOf('{');
  if (start < 0) return { detail: clip(message) };
  try {
    const body = JSON.parse(message.slice(start)) as { error?: { message?: unknown; details?: unknown } };
    const error = body.error ?? {};
    let detail = typeof error.message === 'string' ? error.message : JSON.stringify(error);
    // Non-JSON error pages are wrapped by the SDK as {error:{message:"<page text>"}}; the text may itself be JSON.
    if (detail.trim().startsWith('{')) detail = readErrorBody(detail).detail;
    const details = Array.isArray(error.details) ? (error.details as Record<string, unknown>[]) : [];
    const ofType = (t: string) => details.find((d) => typeof d?.['@type'] === 'string' && String(d['@type']).endsWith(t));
    const reason = ofType('google.rpc.ErrorInfo')?.reason;
    return { detail: clip(detail), retryDelayMs: parseDuration(ofType('google.rpc.RetryInfo')?.retryDelay), reason: typeof reason === 'string' ? reason : undefined };
  } catch {
    return { detail: clip(message) };
  }
}
