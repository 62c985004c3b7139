// The study report of a training job (issue 17: "does it help?"), pure: per variant and phase, over every
// trainer seed, the mean test SR with a 95% percentile-bootstrap interval (tasks × seeds resampled,
// bootstrap.ts), the train SR, the failure-mode shares of the failed test episodes (the analyzer's categories,
// docs/design/MIRA.md §1.1 — the paper's stuck-midway 33% → 21%), mean milestones reached, the critics'
// held-out losses and the perplexity filter's counts.
import type { FailureModeName, StudyCell, StudyReport } from '../../api/study-types';
import type { TrainingJob, TrainingPhaseResult } from '../../api/training-types';
import { overridesText } from '../../api/mira-overrides';
import { bootstrapTasksBySeeds, type BootstrapOptions } from './bootstrap';
import { requestSeeds } from './seeds';

export const FAILURE_MODE_NAMES: readonly FailureModeName[] = ['stuck_midway', 'wrong_termination', 'no_reasonable_attempt', 'others'];

export const STUDY_METHOD =
  'Test SR: mean over every (test task, trainer seed) greedy episode; 95% interval by percentile bootstrap ' +
  '(2,000 replicates, seeded): each replicate resamples the test tasks and the seeds with replacement and ' +
  'averages the drawn tasks × drawn seeds; where every replicate gives the same mean (every test episode ' +
  'failed, or every one succeeded), the 95% Wilson score interval over the (task, seed) cells instead. Train ' +
  'SR: mean over seeds of the phase\'s sampled rollouts. Failure modes: the analyzer\'s category of each ' +
  'failed test episode, as a share of the failed episodes. Milestones: mean fraction of reference subgoals ' +
  'completed per test episode.';

export function studyReport(job: TrainingJob, options: BootstrapOptions = {}, now = Date.now()): StudyReport {
  const variants = [...job.request.variants];
  const phases = [...new Set(job.phases.map((p) => p.phase))].sort((a, b) => a - b);
  const seeds = requestSeeds(job.request);
  const cells: StudyCell[] = [];
  for (const variant of variants) {
    for (const phase of phases) {
      const results = job.phases.filter((p) => p.variant === variant && p.phase === phase);
      if (results.length > 0) cells.push(studyCell(variant, phase, results, job.request.seed, options));
    }
  }
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  return {
    jobId: job.id, status: job.status, setup: setupLine(job), backend: job.backend?.device ?? job.backend?.name ?? null,
    variants, phases, seeds, cells, method: STUDY_METHOD,
    seconds: Number.isFinite(Date.parse(job.createdAt)) ? Math.max(0, (end - Date.parse(job.createdAt)) / 1000) : null,
  };
}

/** One variant at one phase: `results` holds one phase result per seed that reached it. */
export function studyCell(variant: string, phase: number, results: readonly TrainingPhaseResult[], defaultSeed: number, options: BootstrapOptions = {}): StudyCell {
  // A seed whose evaluation did not run (testEpisodes 0, a placeholder SR 0) has no SR to enter the interval.
  const tested = results.filter((r) => r.testEpisodes > 0);
  const perTask = tested.length > 0 && tested.every((r) => r.testOutcomes !== undefined);
  const seedOf = (r: TrainingPhaseResult) => r.seed ?? defaultSeed;
  const outcomes = results.flatMap((r) => r.testOutcomes ?? []);
  let testSuccess: StudyCell['testSuccess'];
  if (perTask) {
    // tasks × seeds matrix; a task a seed did not evaluate stays empty (skipped by the bootstrap).
    const tasks = [...new Set(outcomes.map((o) => o.taskId))].sort();
    const matrix = tasks.map((task) => tested.map((r) => {
      const episodes = (r.testOutcomes ?? []).filter((o) => o.taskId === task);
      return episodes.length ? episodes.filter((o) => o.success).length / episodes.length : null;
    }));
    testSuccess = bootstrapTasksBySeeds(matrix, options);
  } else {
    // Older records kept only each seed's SR: the mean, with no interval to draw.
    const mean = average(tested.map((r) => r.testSuccess)) ?? 0;
    testSuccess = { mean, low: mean, high: mean, n: results.reduce((n, r) => n + r.testEpisodes, 0) };
  }
  const failedOutcomes = outcomes.filter((o) => !o.success);
  const failureShares = Object.fromEntries(FAILURE_MODE_NAMES.map((m) => [m, failedOutcomes.length ? failedOutcomes.filter((o) => (o.failureMode ?? 'others') === m).length / failedOutcomes.length : 0])) as Record<FailureModeName, number>;
  const withSubgoals = outcomes.filter((o) => o.milestonesTotal > 0);
  const filters = results.map((r) => r.filter).filter((f) => f !== undefined);
  return {
    variant, phase, seeds: results.map(seedOf), tasks: new Set(outcomes.map((o) => o.taskId)).size || Math.max(0, ...results.map((r) => r.testEpisodes)),
    testSuccess,
    trainSuccess: average(results.map((r) => r.trainSuccess).filter((v): v is number => v !== null)),
    failed: failedOutcomes.length, failureShares,
    milestonesReached: average(withSubgoals.map((o) => o.milestones / o.milestonesTotal)),
    valueHeldOut: average(results.map((r) => r.losses['value held-out BCE']).filter(Number.isFinite)),
    potentialHeldOut: average(results.map((r) => r.losses['potential held-out MSE']).filter(Number.isFinite)),
    potentialFitted: results.some((r) => Number.isFinite(r.losses.potential)),
    filter: filters.length === 0 ? null : {
      keptTrajectories: sum(filters.map((f) => f.keptTrajectories)), newTrajectories: sum(filters.map((f) => f.newTrajectories)),
      keptSteps: sum(filters.map((f) => f.keptSteps)), newSteps: sum(filters.map((f) => f.newSteps)),
    },
    perTask,
  };
}

export function setupLine(job: TrainingJob): string {
  const r = job.request;
  const seeds = requestSeeds(r);
  return [
    r.families.join(', '), `${r.instancesPerFamily} instances per family`, `${r.phases} MiRA phase${r.phases === 1 ? '' : 's'}`,
    `SFT demos per family: ${r.budget?.sftDemosPerFamily ?? 'all'}`, `rollouts per task: ${r.budget?.rolloutsPerTask ?? 1}`,
    ...(r.budget?.tasksPerPhase ? [`tasks per phase: ${r.budget.tasksPerPhase}`] : []),
    `seed${seeds.length === 1 ? '' : 's'} ${seeds.join(', ')}`,
    // What the job changed of docs/design/MIRA.md §6's defaults: a study is read against its settings.
    ...(overridesText(r.overrides) ? [`MiRA settings: ${overridesText(r.overrides)}`] : []),
  ].join(' · ');
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const average = (xs: number[]): number | null => (xs.length ? sum(xs) / xs.length : null);
