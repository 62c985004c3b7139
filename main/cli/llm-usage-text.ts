// A run's LLM use in the terminal (`run` prints it at the end, `analyze` with the report): the numbers the run
// report page shows (main/store/run-llm-usage.ts). Nothing is printed for a run that made no LLM call.
import type { LlmUsageTotals, RunLlmUsage } from '../api/llm-usage-types';

const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)}s`);

function totalsText(u: LlmUsageTotals): string {
  return `${count(u.calls)} call(s) (${count(u.cachedCalls)} cached, ${count(u.failedCalls)} failed); tokens in ${count(u.inputTokens)}, out ${count(u.outputTokens)}, thinking ${count(u.thinkingTokens)}; latency p50 ${seconds(u.latencyP50Ms)}, p95 ${seconds(u.latencyP95Ms)}`;
}

export function llmUsageLines(usage: RunLlmUsage): string[] {
  if (usage.total.calls === 0) return [];
  return [
    `LLM usage: ${totalsText(usage.total)} (tokens and latency of the calls sent; cache hits cost none)`,
    ...usage.byPurpose.map((p) => `  ${p.purpose.padEnd(12)} ${totalsText(p)}`),
  ];
}
