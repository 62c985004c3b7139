// What a job that no longer runs came to, in one line (the web-UI audit of 2026-12-05: a finished job kept its
// last progress line, "phase 1 · test evaluation (test episode 1/1)" with a full bar, as if still at work).
import type { TrainingJob } from '../../../../main/api/training-types';
import { stageWords } from './stage-label';
import { percent } from './training-series';

const ENDED: Record<Exclude<TrainingJob['status'], 'running'>, string> = {
  finished: 'Finished',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

/** "Finished: evaluated through phase 2; best test SR 67% (full, phase 1)", and where a stopped job stopped. */
export function jobOutcomeLine(job: Pick<TrainingJob, 'status' | 'phases' | 'last'>): string {
  if (job.status === 'running') throw new Error('jobOutcomeLine: the job is still running');
  const tested = job.phases.filter((p) => p.testEpisodes > 0);
  const best = tested.reduce<(typeof tested)[number] | null>((a, p) => (a === null || p.testSuccess > a.testSuccess ? p : a), null);
  // Phases count from 0 (SFT), as the phase table does: "through phase 1" is SFT and one MiRA phase.
  const through = Math.max(-1, ...job.phases.map((p) => p.phase));
  const result = through < 0
    ? 'no phase evaluated'
    : `evaluated through phase ${through}${best ? `; best test SR ${percent(best.testSuccess)} (${best.variant}, phase ${best.phase})` : ''}`;
  const where = job.status !== 'finished' && job.last ? ` during phase ${job.last.phase} · ${stageWords(job.last.stage)}` : '';
  return `${ENDED[job.status]}${where}: ${result}`;
}
