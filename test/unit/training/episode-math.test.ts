// The `mira` export's signals are the trainer's own (issue 16): terminal shaping, P labels on failed
// episodes, doubly-robust advantages with γ = 1. Numbers worked by hand; docs/design/MIRA.md §4.7, §4.10.
import { describe, expect, it } from 'vitest';
import { MiraDefaults } from '../../../main/training/defaults';
import { episodeMath } from '../../../main/training/export/episode-math';
import { trajectoryScore } from '../../../main/training/phases/scoring';

const config = { ...MiraDefaults, alpha: 0.3, lambda: 0.5, gamma: 1, returnKind: 'shaped' as const };

function expectClose(actual: readonly (number | null)[] | null, expected: number[]): void {
  expect(actual).not.toBeNull();
  expect(actual).toHaveLength(expected.length);
  actual!.forEach((a, i) => expect(a).toBeCloseTo(expected[i], 10));
}

describe('episodeMath uses the trainer’s signals', () => {
  // Failed, T = 3, K = 2: subgoal 1 done after action 1 (state 2), subgoal 2 never. P rises towards the end.
  const failed = {
    success: false,
    progressAfter: [[0, 0], [1, 0], [1, 0]],
    values: [0.4, 0.5, 0.6, 0.9],
    potentials: [0.2, 0.5, 0.8, 0.95],
    config,
  };

  it('a failure with rising P ends with a non-positive shaping sum (P(s_T) replaced by the outcome 0)', () => {
    const m = episodeMath(failed);
    // r = [0, 0, 0]; potentials used: [0.2, 0.5, 0.8, 0] → r' = 0.3·[0.3, 0.3, −0.8] = [0.09, 0.09, −0.24].
    // (The old shaping kept P(s_T) = 0.95: [0.09, 0.09, +0.045], summing to +0.225.)
    expectClose(m.shaped, [0.09, 0.09, -0.24]);
    const sum = m.shaped!.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(-0.3 * 0.2, 10); // telescopes to −α·P(s_0)
    expect(sum).toBeLessThanOrEqual(0);
    // V(s_T) = 0 (terminal). G = [−0.06, −0.15, −0.24]; TD = [0.19, 0.19, −0.84]; MC = [−0.46, −0.65, −0.84];
    // A = ½(TD + MC) = [−0.135, −0.23, −0.84].
    expectClose(m.advantages, [-0.135, -0.23, -0.84]);
  });

  it('gives a failed episode the P labels the critic is trained on: flat at m/K after the last milestone', () => {
    // completion of subgoal 1 at state 2, none later; refined ×3 knots (0,0) (6,½) (9,½) → states 0..3:
    // [0, ¼, ½, ½]; step t reports s_{t+1}.
    expectClose(episodeMath(failed).labels, [0.25, 0.5, 0.5]);
  });

  it('a success adds α·(1 − P(s_0)) of shaping, the terminal reward scaled by (1 + α)', () => {
    // T = 2, r = [0, 1]; potentials used [0.2, 0.6, 1] → r' = [0.12, 1.12]; V = [0.5, 0.8, ·→0];
    // G = [1.24, 1.12]; TD = [0.12 + 0.8 − 0.5, 1.12 − 0.8] = [0.42, 0.32]; MC = [0.74, 0.32] → A = [0.58, 0.32].
    const m = episodeMath({ success: true, progressAfter: [[0], [1]], values: [0.5, 0.8, 0.3], potentials: [0.2, 0.6, 0.7], config });
    expectClose(m.shaped, [0.12, 1.12]);
    expectClose(m.advantages, [0.58, 0.32]);
    expect(m.rewards).toEqual([0, 1]);
  });

  it('equals the policy update’s scoring for the same critic outputs (one implementation)', () => {
    const m = episodeMath(failed);
    expect({ shaped: m.shaped, advantages: m.advantages }).toEqual(trajectoryScore(false, failed.values, failed.potentials, config));
  });
});
