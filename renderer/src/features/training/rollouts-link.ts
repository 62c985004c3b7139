// What a phase's link to its stored episodes says and shows (issue 21). Phase 0 links the oracle demonstrations:
// it counts those SFT learned from, not every one recorded (the training audit of 2026-12-05), and opens the
// successful ones (SFT learns from no failed demonstration). Pure, unit-tested.
import type { TrainingPhaseResult } from '../../../../main/api/training-types';

export interface RolloutsLink {
  runId: string;
  label: string;
  title: string;
  /** The episodes table's outcome filter ('' = any). */
  outcome: '' | 'succeeded';
}

export function rolloutsLink(phase: Pick<TrainingPhaseResult, 'phase' | 'rollouts'>): RolloutsLink | null {
  const run = phase.rollouts;
  if (!run) return null;
  if (phase.phase > 0) return { runId: run.runId, label: `rollouts (${run.episodes})`, title: 'This phase\'s sampled rollouts, replayable', outcome: '' };
  // Records written before SFT's share was kept counted every demonstration.
  if (run.recorded === undefined) return { runId: run.runId, label: `demonstrations (${run.episodes})`, title: 'The oracle demonstrations recorded for SFT, replayable', outcome: '' };
  const subset = run.episodes < run.recorded;
  return {
    runId: run.runId,
    label: subset ? `demonstrations (${run.episodes} used by SFT, of ${run.recorded})` : `demonstrations (${run.episodes})`,
    title: `The successful oracle demonstrations, replayable: SFT learned from ${run.episodes} of the ${run.recorded} recorded${subset ? ' (the successful ones, the first of each family up to the budget)' : ''}`,
    outcome: 'succeeded',
  };
}
