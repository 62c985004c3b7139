import { useCallback, useEffect, useState } from 'react';
import type { TrainingJob } from '../../../../main/api/training-types';
import { getClient } from '../../api/client';
import { TrainingForm } from './TrainingForm';
import { CompareSelectedButton, PairCheckbox, usePairPicker } from '../compare/PairPicker';
import { useWorkbench } from '../../stores/workbench-store';
import { TrainingJobPanel } from './TrainingJobPanel';
import { bestSeedMean, isMultiSeed } from './seed-means';
import { percent } from './training-series';
import { useTrainingUpdates } from './use-training-updates';

/** The Training page (issue 7): start a job, watch it live, compare variants; past jobs stay listed. */
export function TrainingView() {
  const [jobs, setJobs] = useState<TrainingJob[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pair = usePairPicker();
  const navigate = useWorkbench((s) => s.navigate);

  const refresh = useCallback(() => {
    void getClient().listTrainingJobs().then((list) => {
      setJobs(list);
      setSelected((s) => s ?? list[0]?.id ?? null);
    }, (e: Error) => setError(e.message));
  }, []);

  useEffect(refresh, [refresh]);
  useTrainingUpdates(refresh, jobs.some((j) => j.status === 'running'));

  const job = jobs.find((j) => j.id === selected) ?? null;
  return (
    <div className="training" data-testid="training-view">
      <h1>Training</h1>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="training-layout">
        <div>
          <TrainingForm onStarted={(id) => (setSelected(id), refresh())} />
          {jobs.length === 0 && <p className="muted small" data-testid="jobs-empty">No training jobs yet: the jobs you start above are listed here, with their best test success rate.</p>}
          {jobs.length > 0 && <table className="jobs" aria-label="Training jobs">
            <thead><tr><th>Compare</th><th>Job</th><th>Variants</th><th>Status</th><th>Best test SR</th></tr></thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id} aria-selected={j.id === selected} onClick={() => setSelected(j.id)} data-testid="job-row">
                  <td><PairCheckbox id={j.id} label={`job ${j.id.slice(0, 8)}`} selected={pair.selected} onToggle={pair.toggle} /></td>
                  <td><button type="button" className="link" onClick={() => setSelected(j.id)}>{j.id.slice(0, 8)}</button></td>
                  <td>{j.request.variants.join(', ')}</td>
                  <td>{j.status}</td>
                  <BestTestSr job={j} />
                </tr>
              ))}
            </tbody>
          </table>}
          {jobs.length > 1 && <CompareSelectedButton what="jobs" selected={pair.selected} onCompare={(left, right) => navigate({ view: 'compare-jobs', left, right })} />}
        </div>
        {/* Keyed by job: a message or a pending cancel of one job never shows under another. */}
        {job ? <TrainingJobPanel key={job.id} job={job} /> : <p className="muted">No training job yet.</p>}
      </div>
    </div>
  );
}

/** The jobs list's "Best test SR": the best (variant, phase) by test SR; with several trainer seeds the mean over
 * the seeds that reached it, saying how many (issue 17), never one seed's number alone. */
function BestTestSr({ job }: { job: TrainingJob }) {
  const best = bestSeedMean(job);
  if (!best) return <td data-testid="job-best-sr">—</td>;
  const where = `${best.variant}, ${best.phase === 0 ? 'SFT' : `phase ${best.phase}`}`;
  if (!isMultiSeed(job)) return <td data-testid="job-best-sr" title={where}>{percent(best.testSuccess)}</td>;
  const seeds = best.results.map((r) => r.seed ?? job.request.seed);
  return (
    <td data-testid="job-best-sr" title={`${where}: mean over seeds ${seeds.join(', ')} (${best.results.map((r) => (r.testEpisodes > 0 ? percent(r.testSuccess) : 'not tested')).join(' / ')})`}>
      {percent(best.testSuccess)} <span className="small muted">mean of {best.tested === seeds.length ? '' : `${best.tested} tested of `}{seeds.length} seed{seeds.length === 1 ? '' : 's'}</span>
    </td>
  );
}
