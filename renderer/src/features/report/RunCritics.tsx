import { useCallback, useEffect, useState } from 'react';
import type { CriticFitJob } from '../../../../main/api/critic-types';
import type { RunRecord } from '../../../../main/api/types';
import { getClient } from '../../api/client';
import { ReliabilityDiagram } from '../../components/charts/ReliabilityDiagram';

const loss = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(4));
const taskIdsOf = (run: RunRecord) => (Array.isArray(run.config.taskIds) ? (run.config.taskIds as string[]) : []);

/** "Fit critics" on a run's report (issue 17): fits V and P on this run's episodes (and, if ticked, other
 * runs of the same tasks) in the background, shows its progress, then the held-out losses and V's reliability
 * diagram; replay then draws V and P for the run's episodes, and the report reloads (value-drop key decisions). */
export function RunCritics({ run, onFitted }: { run: RunRecord; onFitted?: () => void }) {
  const [fits, setFits] = useState<CriticFitJob[] | null>(null);
  const [others, setOthers] = useState<RunRecord[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => getClient().listCriticFits(run.id).then(setFits, (err: Error) => setError(err.message)), [run.id]);

  useEffect(() => {
    void refresh();
    const tasks = new Set(taskIdsOf(run));
    getClient().listRuns().then((runs) => setOthers(runs.filter((r) => r.id !== run.id && r.status !== 'running' && taskIdsOf(r).some((t) => tasks.has(t)))), () => undefined);
  }, [run, refresh]);

  const running = fits?.find((f) => f.status === 'running');
  // A fit that finishes here changes the report's key decisions (value drops): the report reloads.
  const [watched, setWatched] = useState<string | null>(null);
  useEffect(() => {
    if (running) setWatched(running.id);
    else if (watched && fits?.some((f) => f.id === watched && f.status === 'finished')) {
      setWatched(null);
      onFitted?.();
    }
  }, [running, watched, fits, onFitted]);
  // Poll while a fit runs: its progress lives on the record.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh(), 700);
    return () => clearInterval(timer);
  }, [running, refresh]);

  const start = async () => {
    setError(null);
    try {
      await getClient().startCriticFit({ runIds: [run.id, ...picked] });
      await refresh();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  // Cancel stops the fit's worker at once; the list then shows it cancelled.
  const [cancelling, setCancelling] = useState(false);
  const cancel = async (fitId: string) => {
    setCancelling(true);
    try {
      if (!(await getClient().cancelCriticFit(fitId))) setError('This fit runs in another workbench process (the CLI?); cancel it there.');
      await refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setCancelling(false);
    }
  };
  const latest = fits?.find((f) => f.status !== 'running');
  const r = latest?.status === 'finished' ? latest.result : null;
  return (
    <section className="panel" aria-labelledby="critics-heading" data-testid="run-critics">
      <h2 id="critics-heading">Value and potential critics</h2>
      <p className="small muted">Fit V (success probability) and P (subgoal progress) on this run's recorded episodes — any policy — labelled by the outcome and the stored subgoal verdicts; a fifth of each outcome's episodes is held out.</p>
      {others.length > 0 && (
        <fieldset className="small fit-runs">
          <legend>Also learn from runs of the same tasks</legend>
          {others.map((o) => (
            <label key={o.id}>
              <input type="checkbox" checked={picked.includes(o.id)} onChange={(e) => setPicked(e.target.checked ? [...picked, o.id] : picked.filter((p) => p !== o.id))} />
              {` ${String(o.config.policy ?? o.kind)} · ${o.id.slice(0, 8)} · ${new Date(o.createdAt).toLocaleString()}`}
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" onClick={() => void start()} disabled={Boolean(running) || fits === null}>Fit critics</button>
      {running && (
        <p role="status" data-testid="critic-fit-progress">
          Fitting… {running.progress?.message ?? 'starting'}
          {running.progress && running.progress.total > 0 && <progress max={running.progress.total} value={running.progress.done} />}
          {' '}
          <button type="button" onClick={() => void cancel(running.id)} disabled={cancelling}>Cancel fit</button>
        </p>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      {latest && latest.status !== 'finished' && <p className="error" data-testid="critic-fit-error">Last fit {latest.status}: {latest.error}</p>}
      {r && (
        <div data-testid="critic-fit-result">
          <p className="small">
            Fitted {new Date(latest!.finishedAt ?? latest!.createdAt).toLocaleString()} on {r.episodes} episode(s) ({r.trainEpisodes} train, {r.heldOutEpisodes} held out) in {r.seconds.toFixed(1)} s · {r.backend}
            {r.skipped.length > 0 && ` · ${r.skipped.length} skipped (${r.skipped[0].reason})`}
          </p>
          <table className="grid" data-testid="critic-losses">
            <thead><tr><th scope="col">critic</th><th scope="col">train loss</th><th scope="col">held-out loss</th><th scope="col">epochs (kept)</th></tr></thead>
            <tbody>
              <tr><td>value V (BCE)</td><td>{loss(r.value.trainLoss)}</td><td>{r.value.heldOutLoss === null && r.value.heldOutNote ? r.value.heldOutNote : loss(r.value.heldOutLoss)}</td><td>{r.value.epochs} ({r.value.keptEpoch})</td></tr>
              <tr><td>potential P (MSE)</td><td>{loss(r.potential?.trainLoss)}</td><td>{r.potential ? loss(r.potential.heldOutLoss) : 'not fitted: no subgoal judgements'}</td><td>{r.potential ? `${r.potential.epochs} (${r.potential.keptEpoch})` : '—'}</td></tr>
            </tbody>
          </table>
          <p className="headline small" data-testid="critic-ece">
            Calibration of V on {r.calibration.heldOut ? 'held-out' : 'all (no held-out slice with both outcomes)'} states: ECE {r.calibration.ece === null ? '—' : r.calibration.ece.toFixed(3)} over {r.calibration.n} states
          </p>
          <ReliabilityDiagram title="Reliability of V vs outcome" bins={r.calibration.bins} testId="reliability-diagram" />
        </div>
      )}
    </section>
  );
}
