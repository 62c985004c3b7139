// Potential-based reward shaping (MIRA.md §4 "Shaped reward", arXiv 2603.19685 §3; after Ng, Harada &
// Russell 1999). The potential critic's progress estimate turns the sparse terminal reward into a dense one.

import { MiraDefaults } from './defaults';
import { assertFiniteArray, assertInRange } from './validate';

/**
 * Shaped rewards r'_t = r_t + α·(P(s_{t+1}) − P(s_t)) for t = 0..T−1.
 *
 * Shapes: rewards [T] (r_t, 0 except at the end in MiRA); potentials [T + 1], P(s_0)..P(s_T) for every
 * state including the last; returns [T].
 *
 * As MIRA.md writes it, the difference is not discounted (Ng et al. use γ·P(s') − P(s)), and P(s_T) is the
 * critic's value of the final state, not forced to 0. Both follow the restated formula; with α = 0 this is
 * the "no potential critic" ablation and returns the raw rewards unchanged.
 */
export function shapedRewards(
  rewards: readonly number[],
  potentials: readonly number[],
  alpha: number = MiraDefaults.alpha,
): number[] {
  assertFiniteArray('rewards', rewards);
  assertFiniteArray('potentials', potentials);
  assertInRange('alpha', alpha, 0, Number.MAX_VALUE);
  if (potentials.length !== rewards.length + 1) {
    throw new Error(
      `shapedRewards: potentials must have length T + 1 = ${rewards.length + 1} (states s_0..s_T), got ${potentials.length}`,
    );
  }
  return rewards.map((r, t) => r + alpha * (potentials[t + 1] - potentials[t]));
}
