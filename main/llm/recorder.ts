// Every LLM call of an episode goes through here: the client (retries, cache, accounting) makes it, and the
// prompt, the reply (or the failure, with its attempt log) and the usage are stored and linked to the step.
import type { BlobStore } from '../store/blobs';
import type { LlmClient } from './client';
import { LlmError } from './errors';
import type { LlmCallsRepo } from '../store/llm-calls-repo';
import type { AttemptRecord, LlmRequest, LlmResponse } from './types';

/** Which step a call belongs to; both null for calls outside an episode (e.g. generating from the UI). */
export interface CallLink {
  episodeId: string | null;
  t: number | null;
}

export interface RecordedCall {
  response: LlmResponse;
  callId: number;
}

/** The request as one readable text (system, then each message; images as a marker), stored as a blob. */
export function requestText(req: LlmRequest): string {
  const messages = req.messages.map((m) => `[${m.role}]\n${m.parts.map((p) => ('text' in p ? p.text : '[image/jpeg]')).join('\n')}`);
  return [req.system ? `[system]\n${req.system}` : '', ...messages].filter(Boolean).join('\n\n');
}

export class LlmRecorder {
  constructor(
    readonly client: LlmClient,
    private readonly calls: LlmCallsRepo,
    private readonly blobs: BlobStore,
  ) {}

  /** Makes the call and records it; a failure is recorded too (kind, message, attempts) and rethrown. */
  async call(req: LlmRequest, link: CallLink): Promise<RecordedCall> {
    const attempts: AttemptRecord[] = [];
    const promptRef = await this.blobs.put(requestText(req));
    const base = { episodeId: link.episodeId, t: link.t, purpose: req.purpose, provider: this.client.provider.name, model: req.model, promptRef };
    try {
      const response = await this.client.generate(req, { onAttempt: (r) => attempts.push(r) });
      const callId = await this.calls.insert({
        ...base,
        model: response.model,
        responseRef: await this.blobs.put(response.text),
        ok: true,
        errorKind: null,
        error: null,
        attempts: response.attempts,
        attemptLog: response.attemptLog ?? attempts,
        ...response.usage,
        latencyMs: response.latencyMs,
        cached: response.cached,
        finishReason: response.finishReason ?? null,
      });
      return { response, callId };
    } catch (err) {
      const e = err instanceof LlmError ? err : undefined;
      const failedId = await this.calls.insert({
        ...base,
        responseRef: e?.raw !== undefined ? await this.blobs.put(e.raw) : null,
        ok: false,
        errorKind: e?.kind ?? 'error',
        error: err instanceof Error ? err.message : String(err),
        attempts: e?.attempts || attempts.length,
        attemptLog: e?.attemptLog.length ? e.attemptLog : attempts,
        // A reply that arrived but was unusable (blocked, truncated, not JSON) still cost its tokens.
        inputTokens: e?.usage?.inputTokens ?? 0,
        outputTokens: e?.usage?.outputTokens ?? 0,
        thinkingTokens: e?.usage?.thinkingTokens ?? 0,
        latencyMs: attempts.reduce((s, a) => s + a.latencyMs + (a.delayMs ?? 0), 0),
        cached: false,
        finishReason: e?.finishReason ?? null,
      }).catch(() => undefined);
      if (failedId !== undefined && typeof err === 'object' && err !== null) FAILED_CALL_IDS.set(err, failedId);
      throw err;
    }
  }
}

/** The llm_calls row of each failed call, keyed by the error thrown, so a caller can link what it records
 * (a verdict, an episode outcome) to the stored attempt log. */
const FAILED_CALL_IDS = new WeakMap<object, number>();

/** The id of the stored row of the failed call that threw `err`; null when it was not recorded. */
export function failedCallId(err: unknown): number | null {
  return typeof err === 'object' && err !== null ? (FAILED_CALL_IDS.get(err) ?? null) : null;
}
