// Percentile bootstrap over tasks × seeds (issue 17: "mean test SR with a 95% interval"). A study evaluates
// every trainer seed on the same test tasks, so its outcomes form a tasks × seeds matrix; two sources of
// variation sit in it — which tasks the test split happened to draw, and which seed the trainer ran with — and
// both are resampled. Pure and deterministic: the generator is seeded (docs/training.md, "Experiments").
import { mulberry32 } from '../../random/seeded-random';
import { wilsonInterval } from './wilson';

export interface BootstrapOptions {
  /** Replicates drawn (default 2000). */
  replicates?: number;
  /** Two-sided level (default 0.95). */
  level?: number;
  /** Seed of the resampling generator (default 1): the same data and seed give the same interval. */
  seed?: number;
  /** Uniform [0, 1) generator; replaces the seeded one (tests pin the draws with it). */
  rng?: () => number;
}

export interface Interval {
  /** Mean over every observed (task, seed) cell. */
  mean: number;
  low: number;
  high: number;
  /** Cells behind the mean. */
  n: number;
}

/**
 * Mean of `outcomes[task][seed]` (1 = success, 0 = failure; null/undefined = not evaluated, skipped) with a
 * percentile-bootstrap interval. Each replicate draws as many tasks as there are, with replacement, then as many
 * seeds as there are, with replacement (task draws first, then seed draws, each index = ⌊u·n⌋), and takes the
 * mean over the drawn tasks × drawn seeds cells. The interval is the nearest-rank quantiles of the sorted
 * replicate means: low = v[⌈(1−level)/2·B⌉ − 1], high = v[⌈(1+level)/2·B⌉ − 1]. Where that interval is a single
 * point (every replicate drew the same mean), the Wilson score interval for mean·n successes of n cells replaces it.
 */
export function bootstrapTasksBySeeds(outcomes: ReadonlyArray<ReadonlyArray<number | null | undefined>>, options: BootstrapOptions = {}): Interval {
  const replicates = options.replicates ?? 2000;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(replicates) || replicates < 1) throw new Error(`bootstrap: replicates must be a positive integer, got ${replicates}`);
  if (!(level > 0 && level < 1)) throw new Error(`bootstrap: level must lie in (0, 1), got ${level}`);
  const tasks = outcomes.length;
  const seeds = Math.max(0, ...outcomes.map((row) => row.length));
  const cell = (t: number, s: number): number | null => {
    const v = outcomes[t]?.[s];
    return v === null || v === undefined || !Number.isFinite(v) ? null : v;
  };
  const observed = meanOf(range(tasks), range(seeds), cell);
  if (observed.n === 0) return { mean: Number.NaN, low: Number.NaN, high: Number.NaN, n: 0 };
  const rng = options.rng ?? mulberry32(options.seed ?? 1);
  const draw = (n: number) => Array.from({ length: n }, () => Math.min(n - 1, Math.floor(rng() * n)));
  const means: number[] = [];
  for (let b = 0; b < replicates; b++) {
    const taskDraw = draw(tasks);
    const seedDraw = draw(seeds);
    const m = meanOf(taskDraw, seedDraw, cell);
    if (m.n > 0) means.push(m.sum / m.n);
  }
  means.sort((a, b) => a - b);
  const rank = (q: number) => means[Math.min(means.length - 1, Math.max(0, Math.ceil(q * means.length) - 1))];
  const mean = observed.sum / observed.n;
  const low = rank((1 - level) / 2);
  const high = rank((1 + level) / 2);
  // Every cell alike (all failed, all succeeded): each replicate draws the same mean and the percentile
  // interval is a point. The Wilson score interval over the n cells says what n outcomes can and cannot rule out.
  if (low === high) return { mean, ...wilsonInterval(observed.sum, observed.n, level), n: observed.n };
  return { mean, low, high, n: observed.n };
}

function meanOf(taskIdx: number[], seedIdx: number[], cell: (t: number, s: number) => number | null): { sum: number; n: number } {
  let sum = 0;
  let n = 0;
  for (const t of taskIdx) {
    for (const s of seedIdx) {
      const v = cell(t, s);
      if (v === null) continue;
      sum += v;
      n += 1;
    }
  }
  return { sum, n };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
