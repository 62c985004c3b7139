import { describe, expect, it } from 'vitest';
import { LENGTH_BUCKETS, familyCensus, sandboxCensus } from '../../../main/sandbox/census';
import { SANDBOX_SITES } from '../../../main/sandbox/server';
import type { TaskFamily } from '../../../main/sandbox/types';

// Issue 4 "Must show": the count per site and length bucket, with at least a third of the families needing
// 8 or more steps (long horizons are the point of MiRA), and at least 6 families on every built site.
describe('sandbox census', () => {
  const census = sandboxCensus(1);

  it('buckets a family by its median oracle length', () => {
    const lengths = [9, 3, 4, 12, 4];
    const fake: TaskFamily = {
      id: 'x/fake', site: 'shop', kind: 'info', description: '', count: () => lengths.length,
      instantiate: (_seed, i) => ({ oracle: Array.from({ length: lengths[i] }) }) as never,
    };
    expect(familyCensus(fake, 1)).toMatchObject({ instances: 5, minSteps: 3, medianSteps: 4, maxSteps: 12, bucket: '2–4' });
    expect(LENGTH_BUCKETS.map((b) => b.label)).toEqual(['2–4', '5–7', '8–14', '15+']);
  });

  it('has at least a third of the families in the 8+ buckets', () => {
    const long = census.families.filter((f) => f.medianSteps >= 8).length;
    expect(census.longShare).toBeCloseTo(long / census.families.length, 10);
    expect(census.longShare).toBeGreaterThanOrEqual(1 / 3);
  });

  it('has at least 6 families on every built site, cross-site families, and per-site bucket counts that add up', () => {
    for (const site of SANDBOX_SITES) expect(census.families.filter((f) => f.site === site.id && !f.id.startsWith('cross/')).length, site.id).toBeGreaterThanOrEqual(6);
    expect(census.bySiteAndBucket['cross-site']).toBeDefined();
    const counted = Object.values(census.bySiteAndBucket).flatMap((b) => Object.values(b)).reduce((a, b) => a + b, 0);
    expect(counted).toBe(census.families.length);
    for (const f of census.families) expect(f.minSteps).toBeGreaterThanOrEqual(2);
  });
});
