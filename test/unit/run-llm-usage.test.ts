import { describe, expect, it } from 'vitest';
import { nearestRank, usageTotals, type UsageRow } from '../../main/store/run-llm-usage';
import { llmUsageLines } from '../../main/cli/llm-usage-text';

const row = (over: Partial<UsageRow>): UsageRow => ({ purpose: 'policy', ok: 1, cached: 0, input_tokens: 0, output_tokens: 0, thinking_tokens: 0, latency_ms: 0, ...over });

describe('nearest-rank percentiles', () => {
  it('picks the smallest value with at least p% at or below it', () => {
    // 10 values: p50 → rank ceil(5) = 5th = 50; p95 → rank ceil(9.5) = 10th = 100.
    const ten = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(nearestRank(ten, 50)).toBe(50);
    expect(nearestRank(ten, 95)).toBe(100);
    // 3 values: p50 → rank ceil(1.5) = 2nd; p95 → rank ceil(2.85) = 3rd.
    expect(nearestRank([1, 2, 3], 50)).toBe(2);
    expect(nearestRank([1, 2, 3], 95)).toBe(3);
    expect(nearestRank([7], 95)).toBe(7);
    expect(nearestRank([], 50)).toBeNull();
  });
});

describe('usage totals', () => {
  it('counts cache hits and failures, and sums tokens and latency over the calls sent only', () => {
    const totals = usageTotals([
      row({ input_tokens: 100, output_tokens: 10, thinking_tokens: 4, latency_ms: 300 }),
      // A cache hit repeats the tokens of the reply it reuses: not counted again, and its latency is not a call's.
      row({ cached: 1, input_tokens: 100, output_tokens: 10, thinking_tokens: 4, latency_ms: 1 }),
      // An unusable reply was paid for: its tokens count, and it is a failure.
      row({ ok: 0, input_tokens: 50, output_tokens: 5, latency_ms: 900 }),
      row({ ok: 0, latency_ms: 100 }),
    ]);
    expect(totals).toEqual({
      calls: 4, cachedCalls: 1, failedCalls: 2, inputTokens: 150, outputTokens: 15, thinkingTokens: 4,
      // sent latencies 100, 300, 900: p50 = 2nd = 300, p95 = 3rd = 900.
      latencyP50Ms: 300, latencyP95Ms: 900,
    });
  });

  it('has no latency when every call was a cache hit', () => {
    expect(usageTotals([row({ cached: 1, input_tokens: 9 })])).toMatchObject({ calls: 1, cachedCalls: 1, inputTokens: 0, latencyP50Ms: null, latencyP95Ms: null });
  });
});

describe('the CLI lines', () => {
  it('print the total and each purpose, and nothing for a run without LLM calls', () => {
    const total = { calls: 3, cachedCalls: 1, failedCalls: 0, inputTokens: 12345, outputTokens: 20, thinkingTokens: 0, latencyP50Ms: 1200, latencyP95Ms: 2500 };
    const lines = llmUsageLines({ runId: 'r', total, byPurpose: [{ purpose: 'policy', ...total }] });
    expect(lines[0]).toBe('LLM usage: 3 call(s) (1 cached, 0 failed); tokens in 12,345, out 20, thinking 0; latency p50 1.20s, p95 2.50s (tokens and latency of the calls sent; cache hits cost none)');
    expect(lines[1]).toMatch(/^ {2}policy {7}3 call\(s\)/);
    const none = { ...total, calls: 0, cachedCalls: 0, inputTokens: 0, outputTokens: 0, latencyP50Ms: null, latencyP95Ms: null };
    expect(llmUsageLines({ runId: 'r', total: none, byPurpose: [] })).toEqual([]);
  });
});
