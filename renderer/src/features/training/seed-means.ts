// A job over several trainer seeds as the Training page shows it (issue 17): every (variant, phase) as the mean
// over the seeds that reached it, with each seed's own result kept for the detail rows (pure, unit-tested).
import type { TrainingJob, TrainingPhaseResult } from '../../../../main/api/training-types';

/** One variant at one phase over the trainer seeds that reached it (issue 17: a multi-seed job reads as means). */
export interface SeedMean {
  variant: string;
  phase: number;
  /** Mean test SR over the seeds that tested this phase; null when none did. An untested phase (its evaluation
   * cut by a cancel) is stored with testEpisodes 0 and a placeholder SR 0 that would pull the mean down. */
  testSuccess: number | null;
  /** How many of `results` were tested (entered testSuccess). */
  tested: number;
  /** Mean train SR over the seeds that have one (null at phase 0). */
  trainSuccess: number | null;
  /** Each loss name's mean over the seeds that fitted it (a variant without a potential critic has none). */
  losses: Record<string, number>;
  /** Why a loss no seed could measure is missing (TrainingPhaseResult.notes), by loss name: the seeds' reason when
   * they agree, else a pointer to the seeds' rows. */
  notes: Record<string, string>;
  /** The per-seed results, in seed order. */
  results: TrainingPhaseResult[];
}

/** Every (variant, phase) the job evaluated, by variant (the request's order) then phase, each the mean over its
 * seeds; a single-seed job gives one result per row, its own numbers. */
export function seedMeans(job: TrainingJob): SeedMean[] {
  const groups = new Map<string, TrainingPhaseResult[]>();
  for (const p of job.phases) {
    const key = `${p.variant}\u0000${p.phase}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const order = (v: string) => (job.request.variants as string[]).indexOf(v);
  return [...groups.values()]
    .map((results) => {
      const sorted = [...results].sort((a, b) => (a.seed ?? 0) - (b.seed ?? 0));
      const train = sorted.map((r) => r.trainSuccess).filter((v): v is number => v !== null);
      const names = [...new Set(sorted.flatMap((r) => Object.keys(r.losses)))];
      const losses = Object.fromEntries(names.map((k) => [k, mean(sorted.map((r) => r.losses[k]).filter((v) => v !== undefined))]));
      const tested = sorted.filter((r) => r.testEpisodes > 0).map((r) => r.testSuccess);
      return {
        variant: sorted[0].variant, phase: sorted[0].phase, testSuccess: tested.length ? mean(tested) : null, tested: tested.length,
        trainSuccess: train.length ? mean(train) : null, losses, notes: missingNotes(sorted, losses), results: sorted,
      };
    })
    .sort((a, b) => order(a.variant) - order(b.variant) || a.variant.localeCompare(b.variant) || a.phase - b.phase);
}

/** The best tested (variant, phase) by mean test SR over seeds: the jobs list's "Best test SR" (null before any
 * phase was tested). */
export function bestSeedMean(job: TrainingJob): (SeedMean & { testSuccess: number }) | null {
  let best: (SeedMean & { testSuccess: number }) | null = null;
  for (const m of seedMeans(job)) {
    if (m.testSuccess !== null && (best === null || m.testSuccess > best.testSuccess)) best = { ...m, testSuccess: m.testSuccess };
  }
  return best;
}

/** The notes of losses every seed lacks, one reason each (the seeds' own when they all give the same). */
function missingNotes(results: readonly TrainingPhaseResult[], losses: Record<string, number>): Record<string, string> {
  const keys = [...new Set(results.flatMap((r) => Object.keys(r.notes ?? {})))].filter((k) => losses[k] === undefined);
  return Object.fromEntries(keys.flatMap((k) => {
    const reasons = results.map((r) => r.notes?.[k]);
    if (reasons.some((why) => why === undefined)) return [];
    return [[k, new Set(reasons).size === 1 ? reasons[0]! : 'not available in any seed (each seed\'s row says why)']];
  }));
}

/** Whether the job ran several trainer seeds (its tables then show means over seeds). */
export function isMultiSeed(job: TrainingJob): boolean {
  return (job.request.seeds?.length ?? 0) > 1;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
