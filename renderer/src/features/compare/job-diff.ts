// Two training jobs side by side (issue 21 "Study tables"): the options each was started with, and the test
// success rate and losses of every (variant, phase) either reached (pure, so it is unit-testable).
import type { TrainingJob } from '../../../../main/api/training-types';
import { seedMeans, type SeedMean } from '../training/seed-means';

export interface OptionRow {
  /** Dotted path into the request, e.g. `budget.rolloutsPerTask`. */
  key: string;
  left: string;
  right: string;
  differs: boolean;
}

/** A request flattened to dotted keys with display values (arrays joined, absent fields '—'). */
export function flattenOptions(value: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === null || value === undefined) return prefix ? { [prefix]: '—' } : out;
  if (Array.isArray(value)) return { [prefix]: value.map(String).join(', ') || '—' };
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) Object.assign(out, flattenOptions(v, prefix ? `${prefix}.${k}` : k));
    return out;
  }
  return { [prefix]: String(value) };
}

/** Every option either job set, the differing ones first, then by key. */
export function optionsDiff(left: TrainingJob['request'], right: TrainingJob['request']): OptionRow[] {
  const l = flattenOptions(left);
  const r = flattenOptions(right);
  return [...new Set([...Object.keys(l), ...Object.keys(r)])]
    .map((key) => ({ key, left: l[key] ?? '—', right: r[key] ?? '—', differs: (l[key] ?? '—') !== (r[key] ?? '—') }))
    .sort((a, b) => Number(b.differs) - Number(a.differs) || a.key.localeCompare(b.key));
}

export interface PhaseRow {
  variant: string;
  phase: number;
  /** Each job's result, the mean over its trainer seeds when it ran several (issue 17). */
  left: SeedMean | null;
  right: SeedMean | null;
  /** right − left test success rate, when both tested the phase. */
  delta: number | null;
  /** Every loss name either side fitted in this phase. */
  losses: string[];
}

/** The (variant, phase) pairs either job evaluated, by variant then phase; a multi-seed job's as means over seeds. */
export function phaseRows(left: TrainingJob, right: TrainingJob): PhaseRow[] {
  const key = (p: SeedMean) => `${p.variant}\u0000${p.phase}`;
  const l = new Map(seedMeans(left).map((p) => [key(p), p]));
  const r = new Map(seedMeans(right).map((p) => [key(p), p]));
  return [...new Set([...l.keys(), ...r.keys()])]
    .map((k) => {
      const a = l.get(k) ?? null;
      const b = r.get(k) ?? null;
      const any = (a ?? b)!;
      return {
        variant: any.variant,
        phase: any.phase,
        left: a,
        right: b,
        delta: a?.testSuccess != null && b?.testSuccess != null ? b.testSuccess - a.testSuccess : null,
        losses: [...new Set([...Object.keys(a?.losses ?? {}), ...Object.keys(b?.losses ?? {})])].sort(),
      };
    })
    .sort((a, b) => a.variant.localeCompare(b.variant) || a.phase - b.phase);
}
