import { describe, expect, it } from 'vitest';
import { rolloutJobs, rolloutSeed } from '../../../main/training/phases/rollout-jobs';

// The audit of 2026-12-05: seed·100000 + phase·1000 + k·10 + r gave (k 0, r 10) and (k 1, r 0) both 101010 for
// seed 1, phase 1, and ran task k = 100 of phase 1 into task 0 of phase 2 (102000).
describe('rollout seeds (docs/design/MIRA.md §4.15)', () => {
  const old = (seed: number, phase: number, k: number, r: number) => seed * 100_000 + phase * 1000 + k * 10 + r;

  it('gives the tuples that collided under the positional formula distinct seeds', () => {
    expect(old(1, 1, 0, 10)).toBe(old(1, 1, 1, 0));
    expect(old(1, 1, 100, 0)).toBe(old(1, 2, 0, 0));
    expect(rolloutSeed(1, 1, 'task-0', 10)).not.toBe(rolloutSeed(1, 1, 'task-1', 0));
    expect(rolloutSeed(1, 1, 'task-100', 0)).not.toBe(rolloutSeed(1, 2, 'task-0', 0));
  });

  it('numbers the rollouts of one task consecutively from a hash of (seed, phase, task)', () => {
    const base = rolloutSeed(3, 2, 'admin/moderate-reviews#7', 0);
    expect(rolloutSeed(3, 2, 'admin/moderate-reviews#7', 15)).toBe((base + 15) >>> 0);
    expect(rolloutSeed(3, 2, 'admin/moderate-reviews#7', 0)).toBe(base); // a pure function
    expect(rolloutSeed(3, 3, 'admin/moderate-reviews#7', 0)).not.toBe(base);
    expect(rolloutSeed(4, 2, 'admin/moderate-reviews#7', 0)).not.toBe(base);
    expect(Number.isInteger(base) && base >= 0 && base < 2 ** 32).toBe(true);
    expect(() => rolloutSeed(1, 1, 't', -1)).toThrow(/r must be/);
  });

  it('a default study (168 train tasks, up to 16 rollouts each, 6 phases, 3 seeds) has no repeated seed', () => {
    const tasks = Array.from({ length: 168 }, (_, k) => ({ id: `family-${k % 6}#${k}` }));
    const seeds = [1, 2, 3].flatMap((seed) => [1, 2, 3, 4, 5, 6].flatMap((phase) => rolloutJobs(tasks, 16, seed, phase).map((j) => j.seed)));
    expect(seeds).toHaveLength(3 * 6 * 168 * 16);
    expect(new Set(seeds).size).toBe(seeds.length);
  });

  it('lists each task rolloutsPerTask times, in the order given', () => {
    const jobs = rolloutJobs([{ id: 'b' }, { id: 'a' }], 2, 1, 1);
    expect(jobs.map((j) => j.instance.id)).toEqual(['b', 'b', 'a', 'a']);
    expect(jobs.map((j) => j.seed)).toEqual([rolloutSeed(1, 1, 'b', 0), rolloutSeed(1, 1, 'b', 1), rolloutSeed(1, 1, 'a', 0), rolloutSeed(1, 1, 'a', 1)]);
    expect(rolloutJobs([{ id: 'a' }], 0, 1, 1)).toEqual([]);
  });
});
