// What the training plots draw, computed from a job (pure, so it is unit-testable).
import type { TrainingJob } from '../../../../main/api/training-types';
import type { Series } from '../../components/charts/series';
import { lossLabel } from './loss-names';
import { isMultiSeed, seedMeans } from './seed-means';

/** Test success rate per phase, one series per variant (the ablation comparison, docs/design/MIRA.md §5); with
 * several trainer seeds each point is the mean over the seeds that reached the phase (issue 17). */
export function successSeries(job: TrainingJob): Series[] {
  const byVariant = new Map<string, Series>();
  for (const m of seedMeans(job)) {
    // A phase no seed tested (its evaluation was cut by a cancel) has no SR to plot: 0 would be invented.
    if (m.testSuccess === null) continue;
    const s = byVariant.get(m.variant) ?? { name: m.variant, points: [] };
    s.points.push({ x: m.phase, y: m.testSuccess });
    byVariant.set(m.variant, s);
  }
  return [...byVariant.values()];
}

/** One loss plot: a loss name (per variant, in an ablation) with one line per trainer seed (a single-seed job:
 * one line, named as the plot). */
export interface LossPlotData {
  /** The stored loss key (with the variant in an ablation): what the plot is found by. */
  name: string;
  /** What a person reads (lossLabel: "critic" is "value BCE"). */
  title: string;
  lines: Series[];
}

/** The loss plots of a job. x = the update count of the unit (variant × seed) that reported the point, so each
 * seed's line starts at 0 and the seeds of a multi-seed job lie over each other, one line and legend entry per
 * seed (issue 17: joined into one line, their curves read as one zig-zag). */
export function lossPlots(job: TrainingJob): LossPlotData[] {
  const multiVariant = job.request.variants.length > 1;
  const multiSeed = isMultiSeed(job) || new Set(job.lossCurve.map((p) => p.seed)).size > 1;
  const updates = new Map<string, number>();
  const plots = new Map<string, Map<string, Series>>();
  const titles = new Map<string, string>();
  for (const point of job.lossCurve) {
    const unit = `${point.variant ?? ''}/${point.seed ?? ''}`;
    const x = updates.get(unit) ?? 0;
    updates.set(unit, x + 1);
    for (const [name, value] of Object.entries(point.losses)) {
      if (!Number.isFinite(value)) continue;
      const plot = multiVariant && point.variant ? `${point.variant} ${name}` : name;
      titles.set(plot, multiVariant && point.variant ? `${point.variant} ${lossLabel(name)}` : lossLabel(name));
      const line = !multiSeed ? plot : point.seed === undefined ? 'seed not recorded' : `seed ${point.seed}`;
      const lines = plots.get(plot) ?? new Map<string, Series>();
      plots.set(plot, lines);
      const s = lines.get(line) ?? { name: line, points: [] };
      s.points.push({ x, y: value });
      lines.set(line, s);
    }
  }
  return [...plots].map(([name, lines]) => ({ name, title: titles.get(name) ?? name, lines: [...lines.values()].sort((a, b) => seedOf(a.name) - seedOf(b.name)) }));
}

/** A line's seed for ordering its legend ("seed 10" after "seed 2"); lines without one last. */
const seedOf = (line: string) => {
  const m = /^seed (-?\d+)$/.exec(line);
  return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
};

export function percent(x: number): string {
  return `${Math.round(100 * x)}%`;
}
