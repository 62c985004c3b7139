// What the training plots draw, computed from a job (pure, so it is unit-testable).
import type { TrainingJob } from '../../../../main/api/training-types';
import type { Series } from '../../components/charts/series';
import { seedMeans } from './seed-means';

/** Test success rate per phase, one series per variant (the ablation comparison, docs/design/MIRA.md §5); with
 * several trainer seeds each point is the mean over the seeds that reached the phase (issue 17). */
export function successSeries(job: TrainingJob): Series[] {
  const byVariant = new Map<string, Series>();
  for (const m of seedMeans(job)) {
    // A phase no seed tested (its evaluation was cut by a cancel) has no SR to plot: 0 would be invented.
    if (m.results.every((r) => r.testEpisodes === 0)) continue;
    const s = byVariant.get(m.variant) ?? { name: m.variant, points: [] };
    s.points.push({ x: m.phase, y: m.testSuccess });
    byVariant.set(m.variant, s);
  }
  return [...byVariant.values()];
}

/** Loss curves: one series per loss name (and variant, in an ablation), x = update step across the job. */
export function lossSeries(job: TrainingJob): Series[] {
  const multi = job.request.variants.length > 1;
  const out = new Map<string, Series>();
  job.lossCurve.forEach((point, i) => {
    for (const [name, value] of Object.entries(point.losses)) {
      if (!Number.isFinite(value)) continue;
      const key = multi && point.variant ? `${point.variant} ${name}` : name;
      const s = out.get(key) ?? { name: key, points: [] };
      s.points.push({ x: i, y: value });
      out.set(key, s);
    }
  });
  return [...out.values()];
}

export function percent(x: number): string {
  return `${Math.round(100 * x)}%`;
}
