// What the training plots draw, computed from a job (pure, so it is unit-testable).
import type { TrainingJob } from '../../../../main/api/training-types';
import type { Series } from '../../components/charts/MultiLineChart';

/** Test success rate per phase, one series per variant (the ablation comparison, docs/design/MIRA.md §5). */
export function successSeries(job: TrainingJob): Series[] {
  const byVariant = new Map<string, Series>();
  for (const p of job.phases) {
    const s = byVariant.get(p.variant) ?? { name: p.variant, points: [] };
    s.points.push({ x: p.phase, y: p.testSuccess });
    byVariant.set(p.variant, s);
  }
  for (const s of byVariant.values()) s.points.sort((a, b) => a.x - b.x);
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
