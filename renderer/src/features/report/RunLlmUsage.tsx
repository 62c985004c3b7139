import { useEffect, useState } from 'react';
import type { LlmUsageTotals, RunLlmUsage as Usage } from '../../../../main/api/llm-usage-types';
import { getClient } from '../../api/client';

const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);

function UsageCells({ u }: { u: LlmUsageTotals }) {
  return (
    <>
      <td data-col="calls">{count(u.calls)}</td>
      <td data-col="cached">{count(u.cachedCalls)}</td>
      <td data-col="failed">{count(u.failedCalls)}</td>
      <td data-col="input">{count(u.inputTokens)}</td>
      <td data-col="output">{count(u.outputTokens)}</td>
      <td data-col="thinking">{count(u.thinkingTokens)}</td>
      <td data-col="p50">{seconds(u.latencyP50Ms)}</td>
      <td data-col="p95">{seconds(u.latencyP95Ms)}</td>
    </>
  );
}

/** The run's LLM calls (main/store/run-llm-usage.ts): how many, cache hits, failures, tokens of the calls sent
 * and latency, per purpose and in total. Nothing is shown for a run that made no LLM call. */
export function RunLlmUsage({ runId }: { runId: string }) {
  const [usage, setUsage] = useState<Usage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getClient().getRunLlmUsage(runId).then((u) => live && setUsage(u), (err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [runId]);
  if (error) return <p role="alert" className="error">Could not load the run's LLM usage: {error}</p>;
  if (!usage || usage.total.calls === 0) return null;
  return (
    <section className="panel" aria-labelledby="llm-usage-heading" data-testid="llm-usage">
      <h2 id="llm-usage-heading">LLM usage</h2>
      <p className="muted small">Tokens and latency count the calls sent to the provider; cache hits cost none.</p>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">Purpose</th><th scope="col">Calls</th><th scope="col">Cached</th><th scope="col">Failed</th>
            <th scope="col">Input tokens</th><th scope="col">Output tokens</th><th scope="col">Thinking tokens</th>
            <th scope="col">Latency p50</th><th scope="col">Latency p95</th>
          </tr>
        </thead>
        <tbody>
          {usage.byPurpose.map((p) => (
            <tr key={p.purpose} data-testid="llm-usage-row" data-purpose={p.purpose}>
              <th scope="row">{p.purpose}</th>
              <UsageCells u={p} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="llm-usage-total">
            <th scope="row">Total</th>
            <UsageCells u={usage.total} />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
