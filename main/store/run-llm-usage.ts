// The LLM usage of one run, from its episodes' llm_calls rows (docs/design/ARCHITECTURE.md §8: every call is
// recorded with tokens, latency and cache hits). A cache hit's row repeats the tokens of the reply it reuses,
// so tokens and latency are summed over the calls actually sent; hits are counted apart.
import type { LlmUsageTotals, RunLlmUsage } from '../api/llm-usage-types';
import type { Database } from './db';

export interface UsageRow {
  purpose: string;
  ok: number;
  cached: number;
  input_tokens: number;
  output_tokens: number;
  thinking_tokens: number;
  latency_ms: number;
}

/** Calls a person made on a stored episode afterwards (trying an edited AutoRater prompt): not the run's. */
const NOT_THE_RUNS = ['autorater-try'];

export async function runLlmUsage(db: Database, runId: string): Promise<RunLlmUsage> {
  const run = await db.get<{ id: string }>('SELECT id FROM runs WHERE id = ?', [runId]);
  if (!run) throw new Error(`No run with id ${runId}.`);
  const rows = await db.all<UsageRow>(
    `SELECT c.purpose, c.ok, c.cached, c.input_tokens, c.output_tokens, c.thinking_tokens, c.latency_ms
       FROM llm_calls c JOIN episodes e ON e.id = c.episode_id
      WHERE e.run_id = ? AND c.purpose NOT IN (${NOT_THE_RUNS.map(() => '?').join(', ')})`,
    [runId, ...NOT_THE_RUNS],
  );
  const purposes = new Map<string, UsageRow[]>();
  for (const r of rows) purposes.set(r.purpose, [...(purposes.get(r.purpose) ?? []), r]);
  const byPurpose = [...purposes].map(([purpose, calls]) => ({ purpose, ...usageTotals(calls) }));
  byPurpose.sort((a, b) => b.calls - a.calls || a.purpose.localeCompare(b.purpose));
  return { runId, total: usageTotals(rows), byPurpose };
}

export function usageTotals(rows: readonly UsageRow[]): LlmUsageTotals {
  const sent = rows.filter((r) => r.cached !== 1);
  const sum = (key: 'input_tokens' | 'output_tokens' | 'thinking_tokens') => sent.reduce((s, r) => s + r[key], 0);
  const latencies = sent.map((r) => r.latency_ms).sort((a, b) => a - b);
  return {
    calls: rows.length,
    cachedCalls: rows.length - sent.length,
    failedCalls: rows.filter((r) => r.ok !== 1).length,
    inputTokens: sum('input_tokens'),
    outputTokens: sum('output_tokens'),
    thinkingTokens: sum('thinking_tokens'),
    latencyP50Ms: nearestRank(latencies, 50),
    latencyP95Ms: nearestRank(latencies, 95),
  };
}

/** The nearest-rank percentile of ascending values: the smallest value with at least p% of them at or below it. */
export function nearestRank(ascending: readonly number[], p: number): number | null {
  if (ascending.length === 0) return null;
  return ascending[Math.max(0, Math.ceil((p / 100) * ascending.length) - 1)];
}
