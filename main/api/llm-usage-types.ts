// A run's LLM use as the API reports it (computed from the llm_calls rows by main/store/run-llm-usage.ts).

export interface LlmUsageTotals {
  /** Calls the run made, cache hits and failures included. */
  calls: number;
  /** Calls answered from the response cache: no request was sent, so they add no tokens and no latency below. */
  cachedCalls: number;
  /** Calls with no usable reply (provider errors, unusable replies). */
  failedCalls: number;
  /** Tokens of the calls sent to the provider (cache hits excluded, so nothing is counted twice). */
  inputTokens: number;
  outputTokens: number;
  thinkingTokens: number;
  /** Wall time per call sent to the provider, nearest-rank percentiles; null when none was sent. */
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
}

export interface RunLlmUsage {
  runId: string;
  total: LlmUsageTotals;
  /** By the call's purpose (policy, subgoals, autorater, analyzer …), most calls first. */
  byPurpose: Array<LlmUsageTotals & { purpose: string }>;
}
