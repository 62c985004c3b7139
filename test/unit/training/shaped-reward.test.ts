import { describe, expect, it } from 'vitest';
import { shapedRewards } from '../../../main/training/shaped-reward';

describe('shapedRewards (MIRA.md §4 "Shaped reward")', () => {
  it("matches hand-worked r'_t = r_t + α·(P(s_{t+1}) − P(s_t))", () => {
    // T = 3, r = [0, 0, 1], P(s_0..s_3) = [.1, .4, .3, .9], α = .3
    // r'_0 = 0 + .3·(.4 − .1) = .09
    // r'_1 = 0 + .3·(.3 − .4) = −.03 (a step that lost progress is penalised)
    // r'_2 = 1 + .3·(.9 − .3) = 1.18
    const shaped = shapedRewards([0, 0, 1], [0.1, 0.4, 0.3, 0.9], 0.3);
    expect(shaped).toHaveLength(3);
    expect(shaped[0]).toBeCloseTo(0.09, 12);
    expect(shaped[1]).toBeCloseTo(-0.03, 12);
    expect(shaped[2]).toBeCloseTo(1.18, 12);
    // Telescoping: Σ r' = Σ r + α·(P(s_T) − P(s_0)) = 1 + .3·.8 = 1.24
    expect(shaped.reduce((a, b) => a + b, 0)).toBeCloseTo(1.24, 12);
  });

  it('uses α = 0.3 by default and α = 0 returns the raw rewards (no-potential ablation)', () => {
    // default α = .3: r'_0 = .3·(.5 − 0) = .15
    expect(shapedRewards([0], [0, 0.5])[0]).toBeCloseTo(0.15, 12);
    expect(shapedRewards([0, 0, 1], [0.1, 0.4, 0.3, 0.9], 0)).toEqual([0, 0, 1]);
  });

  it('needs one potential per state (T + 1)', () => {
    expect(() => shapedRewards([0, 1], [0.1, 0.2], 0.3)).toThrow(/potentials must have length T \+ 1 = 3/);
    expect(() => shapedRewards([0, 1], [0.1, 0.2, Number.NaN], 0.3)).toThrow(/potentials\[2\]/);
    expect(() => shapedRewards([0, 1], [0.1, 0.2, 0.3], -1)).toThrow(/alpha/);
  });
});
