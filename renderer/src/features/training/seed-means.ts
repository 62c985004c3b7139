// A job over several trainer seeds as the Training page shows it (issue 17): every (variant, phase) as the mean
// over the seeds that reached it, with each seed's own result kept for the detail rows (pure, unit-tested).
import type { TrainingJob, TrainingPhaseResult } from '../../../../main/api/training-types';

/** One variant at one phase over the trainer seeds that reached it (issue 17: a multi-seed job reads as means). */
export interface SeedMean {
  variant: string;
  phase: number;
  /** Mean test SR over `results` (one per seed). */
  testSuccess: number;
  /** Mean train SR over the seeds that have one (null at phase 0). */
  trainSuccess: number | null;
  /** Each loss name's mean over the seeds that fitted it (a variant without a potential critic has none). */
  losses: Record<string, number>;
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
      return { variant: sorted[0].variant, phase: sorted[0].phase, testSuccess: mean(sorted.map((r) => r.testSuccess)), trainSuccess: train.length ? mean(train) : null, losses, results: sorted };
    })
    .sort((a, b) => order(a.variant) - order(b.variant) || a.variant.localeCompare(b.variant) || a.phase - b.phase);
}

/** The best (variant, phase) by mean test SR over seeds: the jobs list's "Best test SR" (null before any phase). */
export function bestSeedMean(job: TrainingJob): SeedMean | null {
  return seedMeans(job).reduce<SeedMean | null>((best, m) => (best === null || m.testSuccess > best.testSuccess ? m : best), null);
}

/** Whether the job ran several trainer seeds (its tables then show means over seeds). */
export function isMultiSeed(job: TrainingJob): boolean {
  return (job.request.seeds?.length ?? 0) > 1;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
