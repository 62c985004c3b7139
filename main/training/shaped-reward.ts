// Potential-based reward shaping (docs/design/MIRA.md §4.7, arXiv 2603.19685 §3; after Ng, Harada &
// Russell 1999). The potential critic's progress estimate turns the sparse terminal reward into a dense one.

import { MiraDefaults } from './defaults';
import { assertFiniteArray, assertInRange } from './validate';

export interface ShapingOptions {
  /** The episode's judged outcome r ∈ [0, 1]. When given, s_T's potential is this outcome instead of the
   * critic's P(s_T) (terminal shaping; see below). */
  terminalOutcome?: number;
}

/**
 * Shaped rewards r'_t = r_t + α·(P(s_{t+1}) − P(s_t)) for t = 0..T−1.
 *
 * Shapes: rewards [T] (r_t, 0 except at the end in MiRA); potentials [T + 1], P(s_0)..P(s_T) for every
 * state including the last; returns [T].
 *
 * As docs/design/MIRA.md §4.9 writes it, the difference is not discounted (Ng et al. use γ·P(s') − P(s); with the trainer's
 * γ = 1 the two agree). Terminal shaping (`terminalOutcome`, what the trainer passes): at the end the outcome
 * is known, so P(s_T) is replaced by r. The shaping then telescopes to α·(r − P(s_0)): a failed episode's
 * shaping sums to −α·P(s_0) ≤ 0 and its last step is shaped by −α·P(s_{T−1}), so a failure that ends on a
 * success-looking page cannot keep positive shaping; a success's adds α·(1 − P(s_0)), i.e. the terminal
 * reward is scaled by (1 + α), which leaves the optimal policy unchanged. Without it, P(s_T) is the critic's
 * value of the final state (the restated formula). With α = 0 this is the "no potential critic" ablation and
 * returns the raw rewards unchanged.
 */
export function shapedRewards(
  rewards: readonly number[],
  potentials: readonly number[],
  alpha: number = MiraDefaults.alpha,
  options: ShapingOptions = {},
): number[] {
  assertFiniteArray('rewards', rewards);
  assertFiniteArray('potentials', potentials);
  assertInRange('alpha', alpha, 0, Number.MAX_VALUE);
  if (potentials.length !== rewards.length + 1) {
    throw new Error(
      `shapedRewards: potentials must have length T + 1 = ${rewards.length + 1} (states s_0..s_T), got ${potentials.length}`,
    );
  }
  const T = rewards.length;
  const { terminalOutcome } = options;
  if (terminalOutcome !== undefined) assertInRange('terminalOutcome', terminalOutcome, 0, 1);
  const potential = (t: number) => (t === T && terminalOutcome !== undefined ? terminalOutcome : potentials[t]);
  return rewards.map((r, t) => r + alpha * (potential(t + 1) - potential(t)));
}
