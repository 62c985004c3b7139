import { useEffect, useState } from 'react';
import type { RunSummary } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { ProgressBar } from '../../components/ProgressBar';
import { useRunningStates } from '../../stores/use-running-states';
import { useWorkbench } from '../../stores/workbench-store';
import { BrowserEndpointTable } from './BrowserEndpointTable';
import { CompareSelectedButton, PairCheckbox, usePairPicker } from '../compare/PairPicker';
import { formatDateTime } from '../../components/format-time';

/** Success rate as the table shows it: solved / scored, or a dash before anything was scored. */
export function successRate(run: Pick<RunSummary, 'solved' | 'scored'>): string {
  return run.scored === 0 ? '—' : `${((100 * run.solved) / run.scored).toFixed(0)}% (${run.solved}/${run.scored})`;
}

/** Every run, newest first, with its success rate, model, prompt and subgoal versions; a row opens its report.
 * Runs recorded by another process (the CLI) arrive as run events too (main/store/run-watch.ts). */
export function RunList() {
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const navigate = useWorkbench((s) => s.navigate);
  const pair = usePairPicker();
  // A training job's runs (its rollouts, issue 21) are not runs a person started: shown only when asked for.
  const [showTraining, setShowTraining] = useState(false);
  useEffect(() => {
    const client = getClient();
    const load = () => client.listRunSummaries().then(setRuns, (err: Error) => setError(err.message));
    void load();
    return client.on('run', () => void load());
  }, []);
  const progress = useRunningStates((runs ?? []).filter((r) => r.status === 'running').map((r) => r.id));
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!runs) return <p className="muted">Loading runs…</p>;
  const trainingRuns = runs.filter((r) => r.kind === 'rollout').length;
  const shown = showTraining ? runs : runs.filter((r) => r.kind !== 'rollout');
  return (
    <section aria-labelledby="runs-heading">
      <h1 id="runs-heading">Runs</h1>
      {trainingRuns > 0 && (
        <label className="small" data-testid="show-training-runs">
          <input type="checkbox" checked={showTraining} onChange={(e) => setShowTraining(e.target.checked)} /> Show training jobs' runs ({trainingRuns})
        </label>
      )}
      {runs.length > 1 && <CompareSelectedButton what="runs" selected={pair.selected} onCompare={(left, right) => navigate({ view: 'compare-runs', left, right })} />}
      {shown.length === 0 ? <p className="muted">No runs yet.</p> : (
        <table className="grid" data-testid="run-table">
          <thead>
            <tr>
              <th scope="col">Compare</th><th scope="col">Run</th><th scope="col">Policy</th><th scope="col">Model</th><th scope="col">Prompt</th><th scope="col">Subgoals</th>
              <th scope="col">SR</th><th scope="col">Episodes</th><th scope="col">Status</th><th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} data-testid="run-row" onClick={() => navigate({ view: 'run', runId: r.id })}>
                <td><PairCheckbox id={r.id} label={`run ${r.id.slice(0, 8)}`} selected={pair.selected} onToggle={pair.toggle} /></td>
                <td><a href={`#/run/${r.id}`} onClick={(e) => e.preventDefault()}>{r.id.slice(0, 8)}</a></td>
                <td>{String(r.config.policy ?? '—')}</td>
                <td>{r.model ?? '—'}</td>
                <td>{r.promptVersion === null ? '—' : `v${r.promptVersion}`}</td>
                <td>{r.subgoalVersions.length === 0 ? '—' : r.subgoalVersions.map((v) => `v${v}`).join(', ')}</td>
                <td data-testid="run-sr">{successRate(r)}</td>
                <td>{r.episodes}</td>
                <td>{r.status === 'running' && progress[r.id] ? <ProgressBar done={progress[r.id].finished} total={progress[r.id].total} label={`Progress of run ${r.id.slice(0, 8)}`} /> : r.status}</td>
                <td>{formatDateTime(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <BrowserEndpointTable />
    </section>
  );
}
