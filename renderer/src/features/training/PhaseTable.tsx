import { Fragment, useState } from 'react';
import type { TrainingJob, TrainingPhaseResult } from '../../../../main/api/training-types';
import { formatLoss } from './loss-axis';
import { lossLabel } from './loss-names';
import { PhaseCheckpoint } from './PhaseCheckpoint';
import { isMultiSeed, seedMeans, type SeedMean } from './seed-means';
import { percent } from './training-series';

/** The job's phase table. One seed: a row per evaluated phase with its checkpoint. Several trainer seeds (issue
 * 17): a row per variant and phase with the mean over the seeds that reached it — what a researcher reads —
 * and "Show seeds" opening each seed's own row (its SR, losses and checkpoint). The intervals are in the study. */
export function PhaseTable({ job }: { job: TrainingJob }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const multi = isMultiSeed(job);
  const toggle = (key: string) => setOpen((prev) => {
    const next = new Set(prev);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  });
  return (
    <table className="phases" aria-label="Phases">
      <thead><tr><th>Variant</th><th>Phase</th><th>Test SR</th><th>Train SR</th><th title="Each loss averaged over the phase's updates (the charts draw every update, and their &quot;last&quot; is the newest one)">Losses (phase mean)</th><th>Samples/s</th><th>Time</th><th>Checkpoint</th></tr></thead>
      <tbody>
        {!multi && job.phases.map((p) => <SeedRow key={`${p.variant}-${p.phase}-${p.seed ?? ''}`} job={job} phase={p} label={p.variant} />)}
        {multi && seedMeans(job).map((m) => {
          const key = `${m.variant}-${m.phase}`;
          return (
            <Fragment key={key}>
              <MeanRow mean={m} seeds={job.request.seeds?.length ?? m.results.length} open={open.has(key)} onToggle={() => toggle(key)} />
              {open.has(key) && m.results.map((p) => <SeedRow key={`${key}-${p.seed ?? ''}`} job={job} phase={p} label={`${p.variant} · seed ${p.seed ?? job.request.seed}`} />)}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

/** One variant at one phase, averaged over its seeds; the SR cell names how many seeds and their range. */
function MeanRow({ mean, seeds, open, onToggle }: { mean: SeedMean; seeds: number; open: boolean; onToggle: () => void }) {
  const { results } = mean;
  const n = results.length;
  // Untested seeds (testEpisodes 0) have no SR: they enter neither the mean nor its range.
  const srs = results.filter((r) => r.testEpisodes > 0).map((r) => r.testSuccess);
  const untested = n - srs.length;
  const name = `${mean.variant} phase ${mean.phase}`;
  const over = `mean over ${n === seeds ? '' : `${n} of `}${seeds} seeds`;
  return (
    <tr data-testid="phase-mean-row" className="phase-mean" title={`${over}; each seed's own row opens with "Show seeds"`}>
      <td>{mean.variant}</td><td>{mean.phase === 0 ? '0 (SFT)' : mean.phase}</td>
      <td data-testid="phase-mean-sr">{mean.testSuccess === null ? 'not tested' : percent(mean.testSuccess)} <span className="small muted">{over}{srs.length > 1 ? ` (${percent(Math.min(...srs))}–${percent(Math.max(...srs))})` : ''}{untested > 0 && srs.length > 0 ? `; ${untested} not tested` : ''}</span></td>
      <td>{mean.trainSuccess === null ? '—' : percent(mean.trainSuccess)}</td>
      <td className="small">{lossesText(mean.losses, mean.notes)}</td>
      <SamplesPerSecond results={results} />
      <td>{average(results.map((r) => r.seconds)).toFixed(1)} s</td>
      <td>
        <button type="button" aria-expanded={open} aria-label={`${open ? 'Hide' : 'Show'} the ${n} seed${n === 1 ? '' : 's'} of ${name}`} onClick={onToggle}>
          {open ? 'Hide seeds' : `Show seeds (${n})`}
        </button>
      </td>
    </tr>
  );
}

/** One phase result as the trainer recorded it (one seed), with its checkpoint and its uses. */
function SeedRow({ job, phase: p, label }: { job: TrainingJob; phase: TrainingPhaseResult; label: string }) {
  return (
    <tr data-testid="phase-row">
      <td>{label}</td><td>{p.phase === 0 ? '0 (SFT)' : p.phase}</td>
      <td>{p.testEpisodes === 0 ? 'not tested' : `${percent(p.testSuccess)} of ${p.testEpisodes}`}</td><td>{p.trainSuccess === null ? '—' : percent(p.trainSuccess)}</td>
      <td className="small">{lossesText(p.losses, p.notes)}</td>
      <SamplesPerSecond results={[p]} /><td>{p.seconds.toFixed(1)} s</td>
      <td><PhaseCheckpoint job={job} phase={p} /></td>
    </tr>
  );
}

/** Training throughput over the results that fitted a model; "—" where none did (the web-UI audit of
 * 2026-12-05: a phase with no update showed "0", as if the trainer had stalled). */
function SamplesPerSecond({ results }: { results: TrainingPhaseResult[] }) {
  const fitted = results.filter((r) => r.samplesPerSecond > 0);
  if (fitted.length === 0) return <td title="No model update in this phase timed any samples (nothing was left to train on)">—</td>;
  return <td>{average(fitted.map((r) => r.samplesPerSecond)).toFixed(0)}</td>;
}

/** A phase's losses as a person reads them (lossLabel), then each number the phase could not measure, with why. */
function lossesText(losses: Record<string, number>, notes: Record<string, string> | undefined): string {
  const measured = Object.entries(losses).map(([k, v]) => `${lossLabel(k)} ${formatLoss(v)}`);
  const missing = Object.entries(notes ?? {}).filter(([k]) => losses[k] === undefined).map(([k, why]) => `${k} ${why}`);
  return [...measured, ...missing].join(', ');
}

const average = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
