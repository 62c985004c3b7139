// The sandbox's shape (issue 4 "Must show"): families per site and per oracle-length bucket, instance
// counts, and the share of long-horizon families. A family's length is the median oracle length over its
// first instances (instances of one family differ by a few steps: paging, optional filters).
import { SANDBOX_FAMILIES } from './families';
import type { TaskFamily } from './types';

export const LENGTH_BUCKETS = [
  { label: '2–4', min: 2, max: 4 },
  { label: '5–7', min: 5, max: 7 },
  { label: '8–14', min: 8, max: 14 },
  { label: '15+', min: 15, max: Infinity },
] as const;

export interface FamilyCensus {
  id: string;
  site: string;
  kind: TaskFamily['kind'];
  instances: number;
  minSteps: number;
  medianSteps: number;
  maxSteps: number;
  bucket: string;
}

export function familyCensus(family: TaskFamily, datasetSeed = 1, sample = 20): FamilyCensus {
  const instances = family.count ? family.count(datasetSeed) : sample;
  const lengths = Array.from({ length: Math.min(sample, instances) }, (_, i) => family.instantiate(datasetSeed, i).oracle.length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)];
  const bucket = LENGTH_BUCKETS.find((b) => median >= b.min && median <= b.max)?.label ?? '<2';
  return { id: family.id, site: family.site, kind: family.kind, instances, minSteps: lengths[0], medianSteps: median, maxSteps: lengths.at(-1)!, bucket };
}

export interface SandboxCensus {
  families: FamilyCensus[];
  /** site → bucket label → number of families. */
  bySiteAndBucket: Record<string, Record<string, number>>;
  /** Share of families whose median oracle length is 8 or more. */
  longShare: number;
  totalInstances: number;
}

export function sandboxCensus(datasetSeed = 1, families: TaskFamily[] = SANDBOX_FAMILIES): SandboxCensus {
  const rows = families.map((f) => familyCensus(f, datasetSeed));
  const bySiteAndBucket: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const site = row.id.startsWith('cross/') ? 'cross-site' : row.site;
    bySiteAndBucket[site] ??= Object.fromEntries(LENGTH_BUCKETS.map((b) => [b.label, 0]));
    bySiteAndBucket[site][row.bucket] = (bySiteAndBucket[site][row.bucket] ?? 0) + 1;
  }
  return {
    families: rows,
    bySiteAndBucket,
    longShare: rows.filter((r) => r.medianSteps >= 8).length / Math.max(1, rows.length),
    totalInstances: rows.reduce((sum, r) => sum + r.instances, 0),
  };
}
