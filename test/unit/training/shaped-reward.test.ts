import { describe, expect, it } from 'vitest';
import { shapedRewards } from '../../../main/training/shaped-reward';

describe('shapedRewards (docs/design/MIRA.md §4.7)', () => {
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

describe('terminal shaping (issue 16: P(s_T) is the judged outcome)', () => {
  // A failed episode whose last page looks like success to the critic: P = [.1, .3, .5, .7, .9], α = .3.
  const potentials = [0.1, 0.3, 0.5, 0.7, 0.9];

  it('without it a failure keeps positive shaping; with it the last step gives the progress back', () => {
    // Critic's P(s_T) = .9: r' = .3·.2 = .06 every step, Σ = .3·(.9 − .1) = .24 > 0.
    const plain = shapedRewards([0, 0, 0, 0], potentials, 0.3);
    plain.forEach((r) => expect(r).toBeCloseTo(0.06, 12));
    // P(s_T) := r = 0: r'_3 = .3·(0 − .7) = −.21; Σ = .06·3 − .21 = −.03 = .3·(0 − .1) = −α·P(s_0).
    const shaped = shapedRewards([0, 0, 0, 0], potentials, 0.3, { terminalOutcome: 0 });
    [0.06, 0.06, 0.06, -0.21].forEach((r, t) => expect(shaped[t]).toBeCloseTo(r, 12));
    expect(shaped.reduce((a, b) => a + b, 0)).toBeCloseTo(-0.03, 12);
    expect(shaped[3]).toBeLessThan(0);
  });

  it('on a success the last step is shaped towards 1: the telescoped sum is α·(1 − P(s_0))', () => {
    // r = [0, 0, 0, 1], P(s_T) := 1: r'_3 = 1 + .3·(1 − .7) = 1.09; Σ = 1 + .3·(1 − .1) = 1.27
    const shaped = shapedRewards([0, 0, 0, 1], potentials, 0.3, { terminalOutcome: 1 });
    expect(shaped[3]).toBeCloseTo(1.09, 12);
    expect(shaped.reduce((a, b) => a + b, 0)).toBeCloseTo(1.27, 12);
    expect(() => shapedRewards([0, 1], [0, 0.5, 1], 0.3, { terminalOutcome: 2 })).toThrow(/terminalOutcome/);
  });
});
