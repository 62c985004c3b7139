import { describe, expect, it } from 'vitest';
import { bootstrapTasksBySeeds } from '../../../main/training/study/bootstrap';

/** A generator that returns the given uniforms in order (the draws of a hand-worked example). */
const scripted = (values: number[]) => {
  let i = 0;
  return () => {
    if (i >= values.length) throw new Error('scripted rng ran out of values');
    return values[i++];
  };
};

describe('percentile bootstrap over tasks × seeds', () => {
  // Tasks A, B; seeds 1, 2. A = [1, 0], B = [1, 1]: mean 3/4. Each replicate draws 2 tasks then 2 seeds
  // (u < .5 → index 0, else 1). Worked by hand:
  //   r1 tasks A,A seeds 1,1 → A1 ×4 = 1
  //   r2 tasks A,A seeds 2,2 → A2 ×4 = 0
  //   r3 tasks A,B seeds 1,2 → A1 A2 B1 B2 = (1+0+1+1)/4 = 0.75
  //   r4 tasks B,B seeds 2,1 → B2 B1 B2 B1 = 1
  //   r5 tasks B,A seeds 2,2 → B2 B2 A2 A2 = (1+1+0+0)/4 = 0.5
  // sorted: 0, .5, .75, 1, 1. Level .2 → low = v[⌈.4·5⌉−1] = v[1] = .5, high = v[⌈.6·5⌉−1] = v[2] = .75;
  // level .5 → v[⌈1.25⌉−1] = v[1] = .5 and v[⌈3.75⌉−1] = v[3] = 1.
  const outcomes = [[1, 0], [1, 1]];
  const draws = [0.1, 0.2, 0.3, 0.4, 0.1, 0.2, 0.7, 0.8, 0.1, 0.9, 0.2, 0.6, 0.6, 0.7, 0.9, 0.3, 0.8, 0.1, 0.6, 0.9];

  it('matches the hand-worked replicates and nearest-rank quantiles', () => {
    expect(bootstrapTasksBySeeds(outcomes, { replicates: 5, level: 0.2, rng: scripted(draws) })).toEqual({ mean: 0.75, low: 0.5, high: 0.75, n: 4 });
    expect(bootstrapTasksBySeeds(outcomes, { replicates: 5, level: 0.5, rng: scripted(draws) })).toEqual({ mean: 0.75, low: 0.5, high: 1, n: 4 });
  });

  it('two tasks, one seed, one success: replicate means are 0, ½, 1 with probability ¼, ½, ¼, so the 95% interval is [0, 1]', () => {
    expect(bootstrapTasksBySeeds([[1], [0]], { seed: 7 })).toEqual({ mean: 0.5, low: 0, high: 1, n: 2 });
  });

  it('is deterministic for a seed', () => {
    const data = [[1, 0, 1], [0, 0, 1], [1, 1, 1], [0, 1, 0]];
    expect(bootstrapTasksBySeeds(data, { seed: 3 })).toEqual(bootstrapTasksBySeeds(data, { seed: 3 }));
    const interval = bootstrapTasksBySeeds(data, { seed: 3 });
    expect(interval.mean).toBeCloseTo(7 / 12, 12);
    expect(interval.low).toBeLessThan(interval.mean);
    expect(interval.high).toBeGreaterThan(interval.mean);
  });

  it('gives the Wilson score interval, not a point, when every cell agrees', () => {
    // z = 1.959964 (95%), z² = 3.841459. 0 of 10: [0, z²/(10 + z²)] = [0, 3.841459/13.841459] = [0, 0.277533].
    const failed = bootstrapTasksBySeeds([[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]);
    expect(failed).toMatchObject({ mean: 0, low: 0, n: 10 });
    expect(failed.high).toBeCloseTo(0.277533, 6);
    // 6 of 6: [6/(6 + z²), 1] = [6/9.841459, 1] = [0.609666, 1].
    const solved = bootstrapTasksBySeeds([[1, 1], [1, 1], [1, 1]]);
    expect(solved).toMatchObject({ mean: 1, high: 1, n: 6 });
    expect(solved.low).toBeCloseTo(0.609666, 6);
  });

  it('skips cells that were not evaluated and says when there is nothing to measure', () => {
    expect(bootstrapTasksBySeeds([[1, null], [0, undefined]], { replicates: 50 }).n).toBe(2);
    expect(bootstrapTasksBySeeds([], {}).n).toBe(0);
    expect(() => bootstrapTasksBySeeds([[1]], { replicates: 0 })).toThrow(/replicates/);
    expect(() => bootstrapTasksBySeeds([[1]], { level: 1 })).toThrow(/level/);
  });
});
