// The rotating sweep of `npm test` (test/helpers/sweep-selection.ts): which families a run sweeps.
import { describe, expect, it } from 'vitest';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';
import { describeSelection, familiesTouchedBy, filesWithCodeChanges, FULL_INSTANCES, SHARDS, sweepSelection } from '../helpers/sweep-selection';

const noChange = (commitCount: number) => ({ commitCount, changedFiles: [] });
const ids = (s: ReturnType<typeof sweepSelection>) => s.families.map((f) => f.id);

describe('sweep selection', () => {
  it('three consecutive commits sweep every family between them, each once', () => {
    const shards = [40, 41, 42].map((n) => sweepSelection({}, noChange(n)));
    expect(shards.map((s) => s.shard).sort()).toEqual([0, 1, 2]);
    const all = shards.flatMap(ids);
    expect(new Set(all).size).toBe(SANDBOX_FAMILIES.length);
    expect(all).toHaveLength(SANDBOX_FAMILIES.length);
    // Each shard mixes the sites, so no site waits three runs for its turn.
    for (const s of shards) expect(new Set(s.families.map((f) => f.site)).size).toBeGreaterThanOrEqual(4);
  });

  it('rotates the instance every full turn of the shards and runs one', () => {
    const instances = Array.from({ length: SHARDS * FULL_INSTANCES }, (_, n) => sweepSelection({}, noChange(n)).instances);
    expect(instances.every((i) => i.length === 1)).toBe(true);
    expect(new Set(instances.flat())).toEqual(new Set(Array.from({ length: FULL_INSTANCES }, (_, i) => i)));
  });

  it('MIRA_SWEEP_SHARD picks the shard; a bad value is refused with the range', () => {
    expect(sweepSelection({ MIRA_SWEEP_SHARD: '2' }, noChange(40)).shard).toBe(2);
    expect(() => sweepSelection({ MIRA_SWEEP_SHARD: 'two' }, noChange(40))).toThrow('MIRA_SWEEP_SHARD must be a whole number (0–2), not "two".');
  });

  it('MIRA_TEST_FULL=1 sweeps every family and instance', () => {
    const full = sweepSelection({ MIRA_TEST_FULL: '1', MIRA_SWEEP_SHARD: '1' }, noChange(40));
    expect(full).toMatchObject({ full: true, shard: null, instances: [0, 1, 2] });
    expect(ids(full)).toEqual(SANDBOX_FAMILIES.map((f) => f.id));
  });

  it('adds the families a change touches: a family file selects that family, a site file all of its site', () => {
    const own = familiesTouchedBy(['main/sandbox/admin/families/restock-low.ts', 'README.md']);
    expect([...own]).toEqual([['admin/restock-low', 'changed: main/sandbox/admin/families/restock-low.ts']]);
    const site = familiesTouchedBy(['main/sandbox/forum/views/post.ts']);
    expect([...site.keys()].sort()).toEqual(SANDBOX_FAMILIES.filter((f) => f.id.startsWith('forum/')).map((f) => f.id).sort());
    expect([...familiesTouchedBy(['main/sandbox/cross-site/nearest-place-post.ts']).keys()]).toEqual(['cross/nearest-place-post']);
    expect(familiesTouchedBy(['main/sandbox/server.ts', 'main/core.ts']).size).toBe(0);

    // restock-low is outside shard 0; the change brings it in, alongside the whole shard.
    expect(SANDBOX_FAMILIES.findIndex((f) => f.id === 'admin/restock-low') % SHARDS).not.toBe(0);
    const plain = sweepSelection({ MIRA_SWEEP_SHARD: '0' }, noChange(0));
    const changed = sweepSelection({ MIRA_SWEEP_SHARD: '0' }, { commitCount: 0, changedFiles: ['main/sandbox/admin/families/restock-low.ts'] });
    expect(changed.reasons.get('admin/restock-low')).toBe('changed: main/sandbox/admin/families/restock-low.ts');
    expect(ids(changed).sort()).toEqual([...ids(plain), 'admin/restock-low'].sort());
    expect(changed.deferred).toBe(0);
  });

  it('adds at most one more shard of touched families, and says how many it left to the full sweep', () => {
    // Every site folder touched (a change to every site module): 54 families, shard 0 holds 18.
    const everySite = ['shop', 'admin', 'forum', 'code', 'map', 'cross-site'].map((site) => `main/sandbox/${site}/index.ts`);
    const wide = sweepSelection({ MIRA_SWEEP_SHARD: '0' }, { commitCount: 0, changedFiles: everySite });
    const shardSize = Math.ceil(SANDBOX_FAMILIES.length / SHARDS);
    expect(wide.families).toHaveLength(2 * shardSize);
    expect(wide.deferred).toBe(SANDBOX_FAMILIES.length - 2 * shardSize);
    expect(describeSelection(wide)).toContain(`(${wide.deferred} more touched: run npm run test:full)`);
  });
});

describe('changed files from a diff', () => {
  it('counts a file whose code changed, not one where only comments or blank lines did', () => {
    const patch = [
      'diff --git a/main/sandbox/admin/data.ts b/main/sandbox/admin/data.ts',
      'index 1..2 100644',
      '--- a/main/sandbox/admin/data.ts',
      '+++ b/main/sandbox/admin/data.ts',
      '@@ -1 +1 @@',
      '-// The admin data (an old citation).',
      '+// The admin data (docs/design/SANDBOX.md §2).',
      '@@ -9,2 +9,2 @@',
      '- * old wording',
      '+ * new wording',
      '+',
      'diff --git a/main/sandbox/shop/families/checkout.ts b/main/sandbox/shop/families/checkout.ts',
      '--- a/main/sandbox/shop/families/checkout.ts',
      '+++ b/main/sandbox/shop/families/checkout.ts',
      '@@ -20 +20 @@',
      '-  const steps = 16;',
      '+  const steps = 17; // one more page',
    ].join('\n');
    expect(filesWithCodeChanges(patch)).toEqual(['main/sandbox/shop/families/checkout.ts']);
    expect(filesWithCodeChanges('')).toEqual([]);
  });
});
