import { describe, expect, it } from 'vitest';
import { discountedReturns, doublyRobustAdvantages } from '../../../main/training/advantage';
import { shapedRewards } from '../../../main/training/shaped-reward';

// A toy successful 3-step episode with a FIXED critic (in the spirit of Stable-Baselines3's GAE test):
// every expected advantage below is computed by hand from these numbers.
//   raw rewards       r   = [0, 0, 1]
//   potentials        P   = [0, .2, .5, 1]        (s_0..s_3)
//   shaped, α = .3    r'  = [.3·.2, .3·.3, 1 + .3·.5] = [.06, .09, 1.15]
//   value critic      V   = [.5, .6, .8, .7]      (s_3 is terminal, so V(s_3) is used as 0)
const raw = [0, 0, 1];
const shaped = [0.06, 0.09, 1.15];
const values = [0.5, 0.6, 0.8, 0.7];

function expectClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i], 10));
}

describe('discountedReturns', () => {
  it('sums discounted rewards backwards', () => {
    // γ = .9, r = [0, 0, 1]: G_2 = 1, G_1 = .9, G_0 = .81
    expectClose(discountedReturns(raw, 0.9), [0.81, 0.9, 1]);
    // shaped: G_2 = 1.15; G_1 = .09 + .9·1.15 = 1.125; G_0 = .06 + .9·1.125 = 1.0725
    expectClose(discountedReturns(shaped, 0.9), [1.0725, 1.125, 1.15]);
    // bootstrap 2, γ = .5: G_2 = 1 + .5·2 = 2, G_1 = 0 + .5·2 = 1, G_0 = .5
    expectClose(discountedReturns(raw, 0.5, 2), [0.5, 1, 2]);
    expect(discountedReturns([], 0.9)).toEqual([]);
  });
});

describe('doublyRobustAdvantages (docs/design/MIRA.md §4.10)', () => {
  it('the toy shaped rewards are what shapedRewards gives', () => {
    expectClose(shapedRewards(raw, [0, 0.2, 0.5, 1], 0.3), shaped);
  });

  // One-step TD errors at γ = .9 (V(s_3) → 0):
  //   δ_0 = .06 + .9·.6 − .5 = .10
  //   δ_1 = .09 + .9·.8 − .6 = .21
  //   δ_2 = 1.15 + .9·0 − .8 = .35
  // Monte-Carlo errors with the shaped return G = [1.0725, 1.125, 1.15]:
  //   G − V = [.5725, .525, .35]
  it('λ = .5, γ = .9, shaped return', () => {
    // A = .5·δ + .5·(G − V) = [.5·(.10 + .5725), .5·(.21 + .525), .5·(.35 + .35)] = [.33625, .3675, .35]
    const expected = [0.33625, 0.3675, 0.35];
    expectClose(doublyRobustAdvantages({ shapedRewards: shaped, rawRewards: raw, values, lambda: 0.5, gamma: 0.9 }), expected);
  });

  it('λ = 1 is the pure one-step TD error', () => {
    expectClose(doublyRobustAdvantages({ shapedRewards: shaped, values, lambda: 1, gamma: 0.9 }), [0.1, 0.21, 0.35]);
  });

  it('λ = 0 is the pure Monte-Carlo error', () => {
    expectClose(doublyRobustAdvantages({ shapedRewards: shaped, values, lambda: 0, gamma: 0.9 }), [0.5725, 0.525, 0.35]);
  });

  it('raw return: G_t sums the raw rewards while the TD half still uses the shaped ones', () => {
    // G_raw = [.81, .9, 1]; G − V = [.31, .30, .20]
    // λ = .5: [.5·(.10 + .31), .5·(.21 + .30), .5·(.35 + .20)] = [.205, .255, .275]
    expectClose(
      doublyRobustAdvantages({ shapedRewards: shaped, rawRewards: raw, values, lambda: 0.5, gamma: 0.9, returnKind: 'raw' }),
      [0.205, 0.255, 0.275],
    );
    // λ = 0, raw: exactly G_raw − V
    expectClose(
      doublyRobustAdvantages({ shapedRewards: shaped, rawRewards: raw, values, lambda: 0, gamma: 0.9, returnKind: 'raw' }),
      [0.31, 0.3, 0.2],
    );
  });

  it('γ = 1, λ = .5', () => {
    // δ = [.06 + .6 − .5, .09 + .8 − .6, 1.15 − .8] = [.16, .29, .35]
    // G = [.06 + .09 + 1.15, .09 + 1.15, 1.15] = [1.30, 1.24, 1.15]; G − V = [.80, .64, .35]
    // A = [.5·(.16 + .80), .5·(.29 + .64), .5·(.35 + .35)] = [.48, .465, .35]
    expectClose(doublyRobustAdvantages({ shapedRewards: shaped, values, lambda: 0.5, gamma: 1 }), [0.48, 0.465, 0.35]);
    // The same numbers with every setting left to MiraDefaults (λ .5, γ 1, shaped return).
    expectClose(doublyRobustAdvantages({ shapedRewards: shaped, values }), [0.48, 0.465, 0.35]);
  });

  it('γ = 0 makes TD and Monte-Carlo agree, for any λ', () => {
    // δ_t = r'_t − V(s_t) = [.06 − .5, .09 − .6, 1.15 − .8] = [−.44, −.51, .35]; G_t = r'_t gives the same.
    for (const lambda of [0, 0.3, 1]) {
      expectClose(doublyRobustAdvantages({ shapedRewards: shaped, values, lambda, gamma: 0 }), [-0.44, -0.51, 0.35]);
    }
  });

  it('ignores the critic at a terminal s_T and bootstraps from it when truncated', () => {
    const otherEnd = [0.5, 0.6, 0.8, 0.123];
    expect(doublyRobustAdvantages({ shapedRewards: shaped, values: otherEnd })).toEqual(
      doublyRobustAdvantages({ shapedRewards: shaped, values }),
    );
    // terminal: false, V(s_3) = .7, γ = .9, λ = .5:
    //   δ_2 = 1.15 + .9·.7 − .8 = .98   (δ_0 = .10, δ_1 = .21 unchanged)
    //   G_2 = 1.15 + .9·.7 = 1.78; G_1 = .09 + .9·1.78 = 1.692; G_0 = .06 + .9·1.692 = 1.5828
    //   G − V = [1.0828, 1.092, .98]
    //   A = [.5·(.10 + 1.0828), .5·(.21 + 1.092), .5·(.98 + .98)] = [.5914, .651, .98]
    expectClose(
      doublyRobustAdvantages({ shapedRewards: shaped, values, terminal: false, lambda: 0.5, gamma: 0.9 }),
      [0.5914, 0.651, 0.98],
    );
  });

  it('a failed episode gets negative advantages where the critic was optimistic', () => {
    // r = [0, 0], r' = r (α = 0), V = [.4, .5, x], γ = .9, λ = .5
    // δ = [0 + .9·.5 − .4, 0 + 0 − .5] = [.05, −.5]; G = [0, 0]; G − V = [−.4, −.5]
    // A = [.5·(.05 − .4), .5·(−.5 − .5)] = [−.175, −.5]
    expectClose(doublyRobustAdvantages({ shapedRewards: [0, 0], values: [0.4, 0.5, 0.9], gamma: 0.9 }), [-0.175, -0.5]);
  });

  it('rejects inconsistent input', () => {
    expect(() => doublyRobustAdvantages({ shapedRewards: shaped, values: [0.5, 0.6, 0.8] })).toThrow(
      /values must have length T \+ 1 = 4/,
    );
    expect(() => doublyRobustAdvantages({ shapedRewards: shaped, values, returnKind: 'raw' })).toThrow(/needs rawRewards/);
    expect(() =>
      doublyRobustAdvantages({ shapedRewards: shaped, rawRewards: [0, 1], values, returnKind: 'raw' }),
    ).toThrow(/rawRewards must have length T = 3/);
    expect(() => doublyRobustAdvantages({ shapedRewards: shaped, values, lambda: 1.5 })).toThrow(/lambda/);
    expect(() => doublyRobustAdvantages({ shapedRewards: shaped, values, gamma: -0.1 })).toThrow(/gamma/);
  });
});

// Issue 16: V is fitted with BCE to the undiscounted outcome, so a calibrated V(s) is P(success | s). The
// advantage must use the same (undiscounted) return, γ = 1, or solved episodes are scored as bad ones.
describe('γ agrees with the value target (γ = 1, the default)', () => {
  // A solved 5-step episode, r = [0, 0, 0, 0, 1], no shaping (α = 0), λ = .5, and a calibrated V ≡ .95
  // (the policy solves this task 95% of the time).
  const solved = [0, 0, 0, 0, 1];
  const calibrated = [0.95, 0.95, 0.95, 0.95, 0.95, 0.95];

  it('gives every step of a solved episode an advantage ≥ 0', () => {
    // γ = 1: δ_t = 0 + .95 − .95 = 0 (t < 4), δ_4 = 1 + 0 − .95 = .05; G_t = 1, G − V = .05
    // A = .5·(δ + G − V) = [.025, .025, .025, .025, .05]
    const a = doublyRobustAdvantages({ shapedRewards: solved, values: calibrated });
    expectClose(a, [0.025, 0.025, 0.025, 0.025, 0.05]);
    for (const x of a) expect(x).toBeGreaterThanOrEqual(0);
  });

  it('γ = .9 against the same V scores the solved episode as bad (the mismatch this default removes)', () => {
    // δ_t = .9·.95 − .95 = −.095 (t < 4), δ_4 = .05; G = .9^(4−t) = [.6561, .729, .81, .9, 1]
    // G − V = [−.2939, −.221, −.14, −.05, .05]; A = .5·(δ + G − V) = [−.19445, −.158, −.1175, −.0725, .05]
    expectClose(doublyRobustAdvantages({ shapedRewards: solved, values: calibrated, gamma: 0.9 }), [-0.19445, -0.158, -0.1175, -0.0725, 0.05]);
  });

  it('a failed episode sums to a negative advantage', () => {
    // r = [0, 0, 0, 0], V = [.4, .5, .6, .7, (terminal)], α = 0, γ = 1, λ = .5
    // δ = [.5 − .4, .6 − .5, .7 − .6, 0 − .7] = [.1, .1, .1, −.7]; G = 0, G − V = [−.4, −.5, −.6, −.7]
    // A = [−.15, −.2, −.25, −.7]; Σ A = −1.3
    const a = doublyRobustAdvantages({ shapedRewards: [0, 0, 0, 0], values: [0.4, 0.5, 0.6, 0.7, 0.8] });
    expectClose(a, [-0.15, -0.2, -0.25, -0.7]);
    expect(a.reduce((x, y) => x + y, 0)).toBeCloseTo(-1.3, 10);
  });

  it('with shaping and terminal shaping: a solved episode stays ≥ 0 everywhere, a failed one whose P rises sums < 0', () => {
    // Solved, T = 5, P = [0, .25, .5, .75, .9, (P(s_T) := r = 1)], α = .3, V ≡ .95, γ = 1, λ = .5:
    //   r' = [.075, .075, .075, .045, 1 + .3·.1 = 1.03]
    //   δ  = [.075, .075, .075, .045, 1.03 − .95 = .08]
    //   G  = [1.3, 1.225, 1.15, 1.075, 1.03], G − V = [.35, .275, .2, .125, .08]
    //   A  = [.2125, .175, .1375, .085, .08]
    const solvedShaped = shapedRewards(solved, [0, 0.25, 0.5, 0.75, 0.9, 0.2], 0.3, { terminalOutcome: 1 });
    const a = doublyRobustAdvantages({ shapedRewards: solvedShaped, values: calibrated });
    expectClose(a, [0.2125, 0.175, 0.1375, 0.085, 0.08]);
    for (const x of a) expect(x).toBeGreaterThanOrEqual(0);

    // Failed, T = 4, V ≡ .05 (rightly pessimistic), P = [.1, .3, .5, .7, .9] rising to a success-looking page:
    //   before (γ = .9, P(s_T) = .9): r' = .06 each; δ = [.055, .055, .055, .01];
    //     G = [.20634, .1626, .114, .06], G − V = [.15634, .1126, .064, .01]; A = [.10567, .0838, .0595, .01], Σ = .25897 > 0
    const rising = [0.1, 0.3, 0.5, 0.7, 0.9];
    const pessimistic = [0.05, 0.05, 0.05, 0.05, 0.05];
    const before = doublyRobustAdvantages({ shapedRewards: shapedRewards([0, 0, 0, 0], rising, 0.3), values: pessimistic, gamma: 0.9 });
    expectClose(before, [0.10567, 0.0838, 0.0595, 0.01]);
    //   now (γ = 1, P(s_T) := 0): r' = [.06, .06, .06, −.21]; δ = [.06, .06, .06, −.26];
    //     G = [−.03, −.09, −.15, −.21], G − V = [−.08, −.14, −.2, −.26]; A = [−.01, −.04, −.07, −.26], Σ = −.38
    const after = doublyRobustAdvantages({ shapedRewards: shapedRewards([0, 0, 0, 0], rising, 0.3, { terminalOutcome: 0 }), values: pessimistic });
    expectClose(after, [-0.01, -0.04, -0.07, -0.26]);
    expect(after.reduce((x, y) => x + y, 0)).toBeCloseTo(-0.38, 10);
  });
});
