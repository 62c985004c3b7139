// "About how long is left" for a running training job (issue 21), from what the job has done so far: the
// fraction of its (variant, phase) units finished, the current one counted by its stage and that stage's
// progress, and the time since it started. Pure, so it is unit-tested with hand-worked numbers.
import type { TrainingJob, TrainingStage } from '../../../../main/api/training-types';

/** The stages of a phase in the order they run: phase 0 fits SFT on oracle demonstrations, later phases
 * roll out, fit the critics, then the policy (docs/design/MIRA.md §4.15); every phase ends evaluated. */
const PHASE0_STAGES: TrainingStage[] = ['demonstrations', 'sft', 'evaluation'];
const MIRA_STAGES: TrainingStage[] = ['rollout', 'critics', 'policy', 'evaluation'];

/** Fraction (0..1) of the whole job done: finished (seed, variant, phase) units plus the running one's share. */
export function jobFractionDone(job: Pick<TrainingJob, 'request' | 'phases' | 'last'>): number {
  const seeds = Math.max(1, job.request.seeds?.length ?? 1);
  const units = Math.max(1, seeds * job.request.variants.length * (job.request.phases + 1));
  const finished = job.phases.length;
  const last = job.last;
  let partial = 0;
  if (last && !lastIsEvaluated(job, last)) {
    const stages = last.phase === 0 ? PHASE0_STAGES : MIRA_STAGES;
    const index = Math.max(0, stages.indexOf(last.stage));
    const within = last.total > 0 ? Math.min(1, Math.max(0, last.done / last.total)) : 0;
    partial = (index + within) / stages.length;
  }
  return Math.min(1, (finished + partial) / units);
}

/** Whether the last progress belongs to a phase already evaluated (it then adds nothing). Seeds run one after
 * another (issue 17), so a variant's phase has one result per seed that passed it: the running seed has its
 * phase p > 0 evaluated once p has as many results as phase 0, and its phase 0 once phase 0 has more results than
 * the last phase. Progress names no seed, hence the counting. */
function lastIsEvaluated(job: Pick<TrainingJob, 'request' | 'phases'>, last: NonNullable<TrainingJob['last']>): boolean {
  const results = (phase: number) => job.phases.filter((p) => p.variant === last.variant && p.phase === phase).length;
  if (last.phase > 0) return results(last.phase) >= results(0);
  // With no MiRA phase, phase 0 is also the last: only a finished job has every seed's.
  return job.request.phases === 0 ? results(0) >= Math.max(1, job.request.seeds?.length ?? 1) : results(0) > results(job.request.phases);
}

/** Seconds left for a running job, or null when there is nothing to go on yet (or it is not running):
 * elapsed × (1 − f) / f — the rest is assumed to go at the pace so far. */
export function estimateSecondsLeft(job: Pick<TrainingJob, 'request' | 'phases' | 'last' | 'status' | 'createdAt'>, nowMs: number): number | null {
  if (job.status !== 'running') return null;
  const elapsed = (nowMs - Date.parse(job.createdAt)) / 1000;
  const f = jobFractionDone(job);
  if (!(elapsed > 0) || f <= 0) return null;
  return (elapsed * (1 - f)) / f;
}

/** Time left as a person reads it: "under a minute left", "about 12 min left", "about 1 h 05 min left"
 * (an estimate never claims seconds). */
export function formatTimeLeft(seconds: number): string {
  const minutes = Math.round(Math.max(0, seconds) / 60);
  if (minutes < 1) return 'under a minute left';
  if (minutes < 60) return `about ${minutes} min left`;
  return `about ${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min left`;
}
