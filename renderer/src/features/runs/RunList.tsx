import { useEffect, useState } from 'react';
import type { RunRecord } from '../../../../main/api/types';
import { getClient } from '../../api/client';
import { ProgressBar } from '../../components/ProgressBar';
import { useRunProgress } from '../../stores/use-run-progress';
import { useWorkbench } from '../../stores/workbench-store';

/** Every run, newest first; a row opens its report. */
export function RunList() {
  const [runs, setRuns] = useState<RunRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const navigate = useWorkbench((s) => s.navigate);
  const progress = useRunProgress();
  useEffect(() => {
    const client = getClient();
    const load = () => client.listRuns().then(setRuns, (err: Error) => setError(err.message));
    void load();
    return client.on('run', () => void load());
  }, []);
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!runs) return <p className="muted">Loading runs…</p>;
  return (
    <section aria-labelledby="runs-heading">
      <h1 id="runs-heading">Runs</h1>
      {runs.length === 0 ? <p className="muted">No runs yet.</p> : (
        <table className="grid" data-testid="run-table">
          <thead><tr><th scope="col">Run</th><th scope="col">Policy</th><th scope="col">Tasks</th><th scope="col">Status</th><th scope="col">Started</th></tr></thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} data-testid="run-row" onClick={() => navigate({ view: 'run', runId: r.id })}>
                <td><a href={`#/run/${r.id}`} onClick={(e) => e.preventDefault()}>{r.id.slice(0, 8)}</a></td>
                <td>{String(r.config.policy ?? '—')}</td>
                <td>{Array.isArray(r.config.taskIds) ? r.config.taskIds.length : '—'}</td>
                <td>{r.status === 'running' && progress[r.id] ? <ProgressBar done={progress[r.id].done} total={progress[r.id].total} label={`Progress of run ${r.id.slice(0, 8)}`} /> : r.status}</td>
                <td>{new Date(r.createdAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
