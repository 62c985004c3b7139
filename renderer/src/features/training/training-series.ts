// What the training plots draw, computed from a job (pure, so it is unit-testable).
import type { TrainingJob } from '../../../../main/api/training-types';
import type { Series } from '../../components/charts/MultiLineChart';

/** Test success rate per phase, one series per variant (the ablation comparison, docs/design/MIRA.md §5); with
 * several trainer seeds each point is the mean over the seeds that reached the phase (issue 17). */
export function successSeries(job: TrainingJob): Series[] {
  const sums = new Map<string, Map<number, { total: number; n: number }>>();
  for (const p of job.phases) {
    const phases = sums.get(p.variant) ?? new Map<number, { total: number; n: number }>();
    const s = phases.get(p.phase) ?? { total: 0, n: 0 };
    phases.set(p.phase, { total: s.total + p.testSuccess, n: s.n + 1 });
    sums.set(p.variant, phases);
  }
  return [...sums].map(([name, phases]) => ({ name, points: [...phases].map(([x, s]) => ({ x, y: s.total / s.n })).sort((a, b) => a.x - b.x) }));
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
