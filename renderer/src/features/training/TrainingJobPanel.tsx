import { useEffect, useState } from 'react';
import type { TrainingJob } from '../../../../main/api/training-types';
import { getClient } from '../../api/client';
import { MultiLineChart } from '../../components/charts/MultiLineChart';
import { ProgressBar } from '../../components/ProgressBar';
import { BackendAttempt } from './BackendAttempt';
import { LossCharts } from './LossCharts';
import { miraSettingsList } from './mira-fields';
import { PhaseTable } from './PhaseTable';
import { StudyPanel } from './StudyPanel';
import { isMultiSeed } from './seed-means';
import { jobOutcomeLine } from './job-outcome';
import { smallSplitWarning, testTaskCount } from './split-warning';
import { stageLine } from './stage-label';
import { estimateSecondsLeft, formatTimeLeft } from './training-eta';
import { lossPlots, successSeries } from './training-series';

/** One job: its live stage with a progress bar (once it ends, what it came to instead), throughput, ETA and
 * backend, cancel, the loss curves (one axis each), the test success rate per phase (one line per variant: the
 * ablation plot), a warning when the test split is too small to measure, and the phase table with each phase's
 * checkpoint and its uses. */
export function TrainingJobPanel({ job }: { job: TrainingJob }) {
  const [cancel, setCancel] = useState<'idle' | 'asked' | 'refused'>('idle');
  const last = job.last;
  const running = job.status === 'running';
  const now = useNow(running);
  const secondsLeft = estimateSecondsLeft(job, now);
  const splitWarning = smallSplitWarning(testTaskCount(job));
  const miraSettings = miraSettingsList(job.request.overrides);
  return (
    <section className="panel training-job" aria-label="Training job" data-testid="training-job">
      <h2>Job {job.id.slice(0, 8)} <span className={`status status-${job.status}`} data-testid="training-status">{job.status}</span></h2>
      <p className="small" data-testid="training-setup">{setupLine(job)}</p>
      {miraSettings.length > 0 && <p className="small" data-testid="training-mira-settings">MiRA settings: {miraSettings.join(' · ')}</p>}
      <p className="small">
        Backend: <strong data-testid="training-backend">{job.backend?.name ?? '…'}</strong>
        {job.backend?.device && <span data-testid="training-device"> · {job.backend.device}</span>}
        {job.backend?.attempts.filter((a) => !a.ok).map((a) => <BackendAttempt key={a.name} name={a.name} reason={a.reason} />)}
      </p>
      {!running && <p className="small" data-testid="training-outcome">{jobOutcomeLine(job)}</p>}
      {running && last && (
        <div className="training-stage" data-testid="training-stage">
          <span data-testid="training-stage-line">{stageLine(last, isMultiSeed(job))}</span>{' '}
          <ProgressBar done={last.done} total={Math.max(1, last.total)} label="Training progress" />{' '}
          {last.samplesPerSecond !== undefined && <span className="small" data-testid="training-throughput">{last.samplesPerSecond.toFixed(0)} samples/s</span>}
          <span className="small" data-testid="training-eta"> · {secondsLeft === null ? 'estimating time left…' : formatTimeLeft(secondsLeft)}</span>
          <div className="small muted">{last.message}</div>
        </div>
      )}
      {running && (
        <button type="button" onClick={() => getClient().cancelTraining(job.id).then((ok) => setCancel(ok ? 'asked' : 'refused'), () => setCancel('refused'))} disabled={cancel === 'asked'}>
          {cancel === 'asked' ? 'Cancelling…' : 'Cancel training'}
        </button>
      )}
      {cancel === 'refused' && <p role="alert" className="error">This job is not running in this workbench process.</p>}
      {job.error && <p role="alert" className="error">{job.error}</p>}
      {splitWarning && <p className="warning" role="note" data-testid="small-split-warning">{splitWarning}</p>}
      <div className="charts">
        <MultiLineChart title="Test success rate per phase" series={successSeries(job)} xLabel="phase" yMax={1} percent testId="sr-per-phase" />
        <LossCharts plots={lossPlots(job)} testId="loss-curve" />
      </div>
      <StudyPanel job={job} />
      <PhaseTable job={job} />
    </section>
  );
}

/** What the job trains on and with how much data, in one line. */
function setupLine(job: TrainingJob): string {
  const r = job.request;
  const budget = [
    `SFT demos per family: ${r.budget?.sftDemosPerFamily ?? 'all'}`,
    `rollouts per task: ${r.budget?.rolloutsPerTask ?? 1}`,
    ...(r.budget?.tasksPerPhase ? [`tasks per phase: ${r.budget.tasksPerPhase}`] : []),
    ...(r.parallelVariants ? [`variants in parallel: ${r.parallelVariants}`] : []),
    ...(r.concurrency ? [`episodes at once: ${r.concurrency}`] : []),
  ];
  return [r.families.join(', '), `${r.instancesPerFamily} instances per family`, `${r.phases} MiRA phase${r.phases === 1 ? '' : 's'}`, ...budget, r.seeds && r.seeds.length > 1 ? `seeds ${r.seeds.join(', ')}` : `seed ${r.seed}`].join(' · ');
}

/** The clock, ticking every few seconds while `ticking` (the ETA moves between progress events). */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 2000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
