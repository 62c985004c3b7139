// The llm_calls table (migration 4): every prompt and reply of the policy, the subgoal teacher and the
// AutoRater, linked to its episode step, with tokens, latency, attempts and cache hits (docs/design/ARCHITECTURE.md §5, §8;
// issue 5: "every prompt and response stored and linked to its step").
import type { LlmCallRecord } from '../api/inference-types';
import type { Database } from './db';

interface CallRow {
  id: number;
  episode_id: string | null;
  t: number | null;
  purpose: string;
  provider: string;
  model: string;
  prompt_ref: string | null;
  response_ref: string | null;
  ok: number;
  error_kind: string | null;
  error: string | null;
  attempts: number;
  attempt_log: string;
  input_tokens: number;
  output_tokens: number;
  thinking_tokens: number;
  latency_ms: number;
  cached: number;
  finish_reason: string | null;
  created_at: string;
}

export type NewLlmCall = Omit<LlmCallRecord, 'id' | 'createdAt'>;

export class LlmCallsRepo {
  constructor(private readonly db: Database) {}

  async insert(c: NewLlmCall): Promise<number> {
    const { lastID } = await this.db.run(
      `INSERT INTO llm_calls (episode_id, t, purpose, provider, model, prompt_ref, response_ref, ok, error_kind, error, attempts,
         attempt_log, input_tokens, output_tokens, thinking_tokens, latency_ms, cached, finish_reason, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        c.episodeId, c.t, c.purpose, c.provider, c.model, c.promptRef, c.responseRef, c.ok ? 1 : 0, c.errorKind, c.error, c.attempts,
        JSON.stringify(c.attemptLog), c.inputTokens, c.outputTokens, c.thinkingTokens, c.latencyMs, c.cached ? 1 : 0, c.finishReason, new Date().toISOString(),
      ],
    );
    return lastID;
  }

  /** A reply that arrived but was unusable to its caller (e.g. JSON of the wrong shape). */
  async markFailed(id: number, kind: string, error: string): Promise<void> {
    await this.db.run('UPDATE llm_calls SET ok = 0, error_kind = ?, error = ? WHERE id = ?', [kind, error, id]);
  }

  /** An episode's calls in the order they were made. */
  async list(episodeId: string): Promise<LlmCallRecord[]> {
    const rows = await this.db.all<CallRow>('SELECT * FROM llm_calls WHERE episode_id = ? ORDER BY id', [episodeId]);
    return rows.map(toCall);
  }

  async get(id: number): Promise<LlmCallRecord | undefined> {
    const row = await this.db.get<CallRow>('SELECT * FROM llm_calls WHERE id = ?', [id]);
    return row && toCall(row);
  }
}

function toCall(r: CallRow): LlmCallRecord {
  return {
    id: r.id,
    episodeId: r.episode_id,
    t: r.t,
    purpose: r.purpose,
    provider: r.provider,
    model: r.model,
    promptRef: r.prompt_ref,
    responseRef: r.response_ref,
    ok: r.ok === 1,
    errorKind: r.error_kind,
    error: r.error,
    attempts: r.attempts,
    attemptLog: JSON.parse(r.attempt_log),
    inputTokens: r.input_tokens,
    outputTokens: r.output_tokens,
    thinkingTokens: r.thinking_tokens,
    latencyMs: r.latency_ms,
    cached: r.cached === 1,
    finishReason: r.finish_reason,
    createdAt: r.created_at,
  };
}
