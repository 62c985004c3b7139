import { useEffect, useState } from 'react';
import type { RunReport } from '../../../../main/api/run-report';
import { getClient } from '../../api/client';
import { BarChart } from '../../components/charts/BarChart';
import { Heatmap } from '../../components/charts/Heatmap';
import { LineChart } from '../../components/charts/LineChart';
import { useRunState } from '../../stores/use-run-state';
import { useWorkbench } from '../../stores/workbench-store';
import type { RunRecord } from '../../../../main/api/types';
import { LiveRun } from './LiveRun';
import { nothingScoredText } from '../runs/nothing-scored';
import { notCountedText } from './not-counted';
import { RunCritics } from './RunCritics';
import { RunEpisodes } from './RunEpisodes';
import { useRunEpisodes } from './use-run-episodes';
import { episodeInstruction } from '../episodes/instruction';
import { RunLlmUsage } from './RunLlmUsage';
import { RunPromptVersions } from './RunPromptVersions';
import { RunStatusBanner } from './RunStatusBanner';
import { RunJudge } from './RunJudge';
import { SubgoalQuality } from './SubgoalQuality';
import { failureRuleLabel } from './failure-rule-label';
import { plural } from '../../components/plural';

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const CATEGORY_LABELS: Record<string, string> = {
  wrong_termination: 'Wrong termination',
  stuck_midway: 'Stuck midway',
  no_reasonable_attempt: 'No reasonable attempt',
  others: 'Others',
};

/** One run's report (docs/design/MIRA.md §1, §5): success per site, failure modes, pass@k, the subgoal heatmap, and the
 * failed episodes with their category and key decision step, each opening in replay at that step. */
export function RunReportView({ runId }: { runId: string }) {
  const [report, setReport] = useState<RunReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState<RunRecord | null>(null);
  const navigate = useWorkbench((s) => s.navigate);
  // The failure table names each episode by its task, as the episode list above does.
  const episodeNames = new Map(useRunEpisodes(runId).map((e) => [e.id, episodeInstruction(e, e)]));
  // The stored count and status, polled while running: the run events alone miss what happened before the
  // page opened and, for a run another process drives, between its watch ticks.
  const { state, error: stateError, refresh } = useRunState(runId);
  const status = state?.status ?? run?.status;

  // Follow the run's record (for its config and critics); the report is built once it is no longer running.
  useEffect(() => {
    const client = getClient();
    client.listRuns().then((runs) => setRun(runs.find((r) => r.id === runId) ?? null), (err: Error) => setError(err.message));
    return client.on('run', (r) => r.id === runId && setRun(r));
  }, [runId]);

  useEffect(() => {
    // A resumed run's old report (and its error, e.g. nothing scored yet) no longer holds.
    setReport(null);
    setError(null);
    if (!status || status === 'running') return;
    let live = true;
    getClient()
      .getRunReport(runId)
      .then((r) => live && setReport(r))
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [runId, status]);

  if (status === 'running') {
    return (
      <section aria-labelledby="report-heading" className="report">
        <h1 id="report-heading">Run in progress</h1>
        <LiveRun runId={runId} state={state} stateError={stateError} />
      </section>
    );
  }
  // No status could be read (e.g. no such run): say so instead of "Analysing the run…" for ever.
  if (!status && stateError) return <p role="alert" className="error" data-testid="report-error">Could not open the run: {stateError}</p>;
  const banner = state && <RunStatusBanner state={state} onResumed={refresh} />;
  const nothingScored = error && nothingScoredText(error);
  if (nothingScored) return <>{banner}<p className="panel" role="status" data-testid="report-empty">{nothingScored}</p><RunEpisodes runId={runId} /></>;
  if (error) return <>{banner}<p role="alert" className="error">Could not build the report: {error}</p><RunEpisodes runId={runId} /></>;
  if (!report) return <p className="muted">Analysing the run…</p>;
  const o = report.success.overall;
  const notCounted = notCountedText(report);
  return (
    <section aria-labelledby="report-heading" className="report">
      <h1 id="report-heading">Run report</h1>
      <p className="muted small">run {runId}</p>
      {run && <RunPromptVersions run={run} />}
      {banner}
      <p className="headline" data-testid="overall-sr">Success rate {pct(o.rate)} ({o.successes}/{o.total} episodes)</p>
      {notCounted && <p className="small" role="note" data-testid="not-counted">{notCounted}</p>}
      <RunEpisodes runId={runId} />
      {run && <RunJudge run={run} />}
      <RunLlmUsage runId={runId} />
      <div className="charts">
        <BarChart
          title="Success rate per site"
          testId="site-chart"
          max={1}
          bars={report.success.perSite.map((s) => ({ label: s.site, value: s.rate, caption: `${s.successes}/${s.total} (${pct(s.rate)})` }))}
        />
        {report.failureModes ? (
          <BarChart
            title={`Failure modes (${report.failureModes.total} failed)`}
            testId="failure-chart"
            color="#b3261e"
            max={report.failureModes.total}
            bars={Object.entries(report.failureModes.counts).map(([c, n]) => ({ label: CATEGORY_LABELS[c] ?? c, value: n, caption: `${n} (${pct(report.failureModes!.fractions[c as keyof typeof report.failureModes.fractions])})` }))}
          />
        ) : (
          <p className="muted">No failed episodes.</p>
        )}
        {report.passAtK.length > 0 && (
          <LineChart title={`pass@k over ${plural(report.passAtK[0].tasks, 'task')}`} testId="passk-chart" xLabel="k" points={report.passAtK.map((p) => ({ x: p.k, y: p.value, label: pct(p.value) }))} />
        )}
        {report.heatmap && <Heatmap title="P(subgoal done by step)" testId="heatmap" cells={report.heatmap.cells} />}
      </div>
      <SubgoalQuality quality={report.subgoalQuality} />
      {run && <RunCritics run={run} onFitted={() => void getClient().getRunReport(runId).then(setReport, () => undefined)} />}
      {Object.keys(report.analyses).length > 0 && (
        <table className="grid" data-testid="failure-table">
          <thead>
            <tr><th scope="col">Failed episode</th><th scope="col">Category</th><th scope="col">Rule</th><th scope="col">Key decision step</th><th scope="col">Explanation</th></tr>
          </thead>
          <tbody>
            {Object.entries(report.analyses).map(([id, a]) => (
              <tr key={id} onClick={() => navigate({ view: 'replay', episodeId: id, step: a.keyDecision?.t ?? 0 })}>
                <td>
                  <a href={`#/episode/${id}/step/${a.keyDecision?.t ?? 0}`} onClick={(e) => e.preventDefault()}>{episodeNames.get(id) ?? `episode ${id.slice(0, 8)}`}</a>
                  <span className="muted small"> · {id.slice(0, 8)}</span>
                </td>
                <td>{CATEGORY_LABELS[a.category]}</td>
                <td title={a.rule}>{failureRuleLabel(a.rule)}</td>
                <td>{a.keyDecision ? `step ${a.keyDecision.t + 1} (${a.keyDecision.type.replace('_', ' ')})` : '—'}</td>
                <td className="wrap">{a.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
