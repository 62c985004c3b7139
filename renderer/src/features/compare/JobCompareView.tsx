import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TrainingJob } from '../../../../main/api/training-types';
import { getClient } from '../../api/client';
import { MultiLineChart } from '../../components/charts/MultiLineChart';
import { formatLoss } from '../training/loss-axis';
import { lossLabel } from '../training/loss-names';
import { percent, successSeries } from '../training/training-series';
import type { SeedMean } from '../training/seed-means';
import { optionsDiff, phaseRows } from './job-diff';
import { useTrainingUpdates } from '../training/use-training-updates';
import { optionName } from './option-names';

/** Two training jobs side by side (issue 21): the options they differ in, test success per phase (both jobs'
 * variants on one plot) and each phase's SR and losses in A and B. */
export function JobCompareView({ left, right }: { left: string; right: string }) {
  const [jobs, setJobs] = useState<[TrainingJob, TrainingJob] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The pair shown now: a read for a pair the person has left is dropped.
  const shown = useRef('');
  shown.current = `${left}/${right}`;
  const refresh = useCallback(() => {
    const client = getClient();
    const pairKey = `${left}/${right}`;
    Promise.all([client.getTrainingJob(left), client.getTrainingJob(right)]).then(
      (pair) => shown.current === pairKey && setJobs(pair),
      (err: Error) => shown.current === pairKey && setError(err.message),
    );
  }, [left, right]);
  useEffect(() => {
    // Another pair: the last pair's jobs (or its error) no longer hold.
    setJobs(null);
    setError(null);
    refresh();
  }, [refresh]);
  // A running job's status, phases and losses follow its progress, as on the Training page.
  useTrainingUpdates(refresh, jobs?.some((j) => j.status === 'running') ?? false);
  const options = useMemo(() => (jobs ? optionsDiff(jobs[0].request, jobs[1].request) : []), [jobs]);
  const phases = useMemo(() => (jobs ? phaseRows(...jobs) : []), [jobs]);
  const series = useMemo(
    () => (jobs ? jobs.flatMap((job, i) => successSeries(job).map((s) => ({ ...s, name: `${i === 0 ? 'A' : 'B'} ${s.name}` }))) : []),
    [jobs],
  );

  if (error) return <p role="alert" className="error">Could not compare the training jobs: {error}</p>;
  if (!jobs) return <p className="muted">Loading training jobs…</p>;
  const [a, b] = jobs;
  const differing = options.filter((o) => o.differs).length;
  return (
    <section aria-labelledby="job-compare-heading" data-testid="job-compare">
      <h1 id="job-compare-heading">Compare training jobs {a.id.slice(0, 8)} (A) and {b.id.slice(0, 8)} (B)</h1>
      <p className="small">A: <span data-testid="job-a-status">{a.status}</span> · B: <span data-testid="job-b-status">{b.status}</span></p>
      <h2>Options · <span className="muted small">{differing === 0 ? 'the same' : `${differing} differ`}</span></h2>
      <table className="grid" aria-label="Options compared" data-testid="options-diff">
        <thead><tr><th scope="col">Option</th><th scope="col">A</th><th scope="col">B</th></tr></thead>
        <tbody>
          {options.map((o) => (
            <tr key={o.key} data-testid="option-row" data-differs={o.differs || undefined} className={o.differs ? 'differs' : undefined}>
              <th scope="row" title={o.key}>{optionName(o.key)}</th><td>{o.left}</td><td>{o.right}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="charts">
        <MultiLineChart title="Test success rate per phase (A and B)" series={series} xLabel="phase" yMax={1} percent testId="compare-sr-per-phase" />
      </div>
      <table className="grid" aria-label="Phases compared" data-testid="phase-compare">
        <thead>
          <tr><th scope="col">Variant</th><th scope="col">Phase</th><th scope="col">Test SR A</th><th scope="col">Test SR B</th><th scope="col">Δ</th><th scope="col">Losses A</th><th scope="col">Losses B</th></tr>
        </thead>
        <tbody>
          {phases.map((p) => (
            <tr key={`${p.variant}-${p.phase}`} data-testid="phase-compare-row">
              <td>{p.variant}</td>
              <td>{p.phase === 0 ? '0 (SFT)' : p.phase}</td>
              <td>{srText(p.left)}</td>
              <td>{srText(p.right)}</td>
              <td data-testid="phase-delta">{p.delta === null ? '—' : `${p.delta > 0 ? '+' : p.delta < 0 ? '−' : '±'}${percent(Math.abs(p.delta))}`}</td>
              <td className="small wrap">{lossText(p.left, p.losses)}</td>
              <td className="small wrap">{lossText(p.right, p.losses)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One seed: its SR of its test episodes; several: the mean, saying over how many seeds (issue 17). */
function srText(result: SeedMean | null): string {
  if (!result) return '—';
  const n = result.results.length;
  if (result.testSuccess === null) return 'not tested';
  return `${percent(result.testSuccess)} ${n === 1 ? `of ${result.results[0].testEpisodes}` : `mean of ${result.tested === n ? n : `${result.tested} of ${n}`} seeds`}`;
}

/** A phase's losses (means over seeds) in the order of `names` (the union over both jobs), or a dash. */
function lossText(result: SeedMean | null, names: string[]): string {
  const parts = names.filter((k) => result?.losses[k] !== undefined).map((k) => `${lossLabel(k)} ${formatLoss(result!.losses[k])}`);
  return parts.join(', ') || '—';
}
