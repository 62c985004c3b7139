// Infrastructure failures (issue 14 "Honest outcomes under faults"): what went wrong around the agent rather
// than the agent's own doing. Such an episode ends with status 'error' and a stop reason of its own, so the
// scheduler retries it, `resume` runs it again, and no success rate counts it (an LLM that was down says
// nothing about the agent).
import type { StopReason } from '../api/types';
import { LlmError } from '../llm/errors';
import type { LlmErrorKind } from '../llm/types';
import { describeStorageFailure, isStorageFailure } from '../store/storage-error';

export type InfraStopReason = Extract<
  StopReason,
  'llm_unavailable' | 'llm_auth' | 'llm_rate_limited' | 'checkpoint_invalid' | 'evaluation_interrupted' | 'storage_error' | 'browser_error'
>;

/** Thrown by a policy (or the loop) when the infrastructure, not the agent, failed. */
export class InfrastructureFailure extends Error {
  constructor(readonly stopReason: InfraStopReason, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InfrastructureFailure';
  }
}

/** LLM error kinds that say the provider, not the agent, failed. 'bad_request' (our request was wrong),
 * 'unparseable' (the model's reply, a result) and 'cancelled' (the episode's own abort) are not here. */
const LLM_REASONS: Partial<Record<LlmErrorKind, InfraStopReason>> = {
  server: 'llm_unavailable', // 5xx, and connections refused or reset (llm/gemini.ts, openai-compatible.ts)
  timeout: 'llm_unavailable',
  rate_limited: 'llm_rate_limited',
  auth: 'llm_auth',
};

/** The stop reason of an LLM error, or null when the error is not an infrastructure failure. */
export function llmStopReason(err: unknown): InfraStopReason | null {
  return err instanceof LlmError ? (LLM_REASONS[err.kind] ?? null) : null;
}

/** The infrastructure failure behind `err`, looking through wrappers' `cause`; null when the agent failed. */
export function infraFailureOf(err: unknown): InfrastructureFailure | null {
  for (let e: unknown = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof InfrastructureFailure) return e;
    const llm = llmStopReason(e);
    if (llm) return new InfrastructureFailure(llm, `The LLM provider failed: ${firstLine(e)}`, { cause: e });
    if (isStorageFailure(e)) return new InfrastructureFailure('storage_error', `Storage failed: ${describeStorageFailure(e)}`, { cause: e });
  }
  return null;
}

/** Playwright's words for a page, context or browser that went away under a call. */
const CLOSED = /Target page, context or browser has been closed|Target closed|Browser has been closed|Page closed|page has been closed|context has been closed|Page crashed/i;

/** True when `err` says the page (or its browser) closed under the call, not that the call itself was wrong. */
export function isPageGone(err: unknown): boolean {
  return CLOSED.test(err instanceof Error ? err.message : String(err));
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}
