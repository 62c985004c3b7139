// Running totals of LLM use, per purpose and overall, so a run can report what its policy, subgoal teacher
// and AutoRater each cost in calls, tokens and time.

export interface UsageTotals {
  /** Calls made through the client, hits and failures included. */
  calls: number;
  cacheHits: number;
  failures: number;
  /** HTTP attempts, retries included (a hit makes none). */
  attempts: number;
  /** Tokens are counted only for replies fetched now; a cache hit spends none. */
  inputTokens: number;
  outputTokens: number;
  thinkingTokens: number;
  /** Sum of the calls' wall times. */
  latencyMs: number;
}

export interface AccountingSnapshot {
  total: UsageTotals;
  byPurpose: Record<string, UsageTotals>;
}

export interface CallOutcome {
  purpose: string;
  cached: boolean;
  failed: boolean;
  attempts: number;
  latencyMs: number;
  usage?: { inputTokens: number; outputTokens: number; thinkingTokens: number };
}

function zero(): UsageTotals {
  return { calls: 0, cacheHits: 0, failures: 0, attempts: 0, inputTokens: 0, outputTokens: 0, thinkingTokens: 0, latencyMs: 0 };
}

function add(t: UsageTotals, c: CallOutcome): void {
  t.calls += 1;
  if (c.cached) t.cacheHits += 1;
  if (c.failed) t.failures += 1;
  t.attempts += c.attempts;
  t.latencyMs += c.latencyMs;
  if (c.usage && !c.cached) {
    t.inputTokens += c.usage.inputTokens;
    t.outputTokens += c.usage.outputTokens;
    t.thinkingTokens += c.usage.thinkingTokens;
  }
}

export class Accounting {
  #total = zero();
  #byPurpose = new Map<string, UsageTotals>();

  record(outcome: CallOutcome): void {
    add(this.#total, outcome);
    let t = this.#byPurpose.get(outcome.purpose);
    if (!t) this.#byPurpose.set(outcome.purpose, (t = zero()));
    add(t, outcome);
  }

  /** A copy: callers may keep it while the totals move on. */
  snapshot(): AccountingSnapshot {
    return {
      total: { ...this.#total },
      byPurpose: Object.fromEntries([...this.#byPurpose].map(([k, v]) => [k, { ...v }])),
    };
  }

  reset(): void {
    this.#total = zero();
    this.#byPurpose.clear();
  }
}
