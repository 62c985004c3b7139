// One trajectory's training signals from its critic outputs (docs/design/MIRA.md §4.7, §4.10): outcome
// rewards r_t, terminal-shaped rewards r'_t and doubly-robust advantages A_t. The trainer's policy update
// (phases/scoring.ts) and the `mira` export (export/episode-math.ts) both call this, so an exported
// advantage is exactly the number training would use.
import { doublyRobustAdvantages } from './advantage';
import type { MiraConfig } from './defaults';
import { shapedRewards } from './shaped-reward';

export type SignalConfig = Pick<MiraConfig, 'alpha' | 'lambda' | 'gamma' | 'returnKind'>;

export interface TrajectoryScore {
  /** r'_t (terminal-shaped) and A_t, each of length T. */
  shaped: number[];
  advantages: number[];
}

/** r_t for t = 0..T−1: the binary outcome on the last step, 0 before (docs/design/MIRA.md §4.1). */
export function outcomeRewards(success: boolean, T: number): number[] {
  return Array.from({ length: T }, (_, t) => (t === T - 1 && success ? 1 : 0));
}

/**
 * Shaped rewards and advantages of one trajectory from V(s_0..s_T) and P(s_0..s_T) (each length T + 1).
 * The shaping's P(s_T) is the outcome (terminal shaping, see shapedRewards), so a failure's shaping sums to
 * −α·P(s_0) ≤ 0; s_T is terminal for the advantage, whatever ended the episode, because the outcome is
 * judged once it ends.
 */
export function trajectoryScore(success: boolean, values: readonly number[], potentials: readonly number[], config: SignalConfig): TrajectoryScore {
  const T = values.length - 1;
  const rewards = outcomeRewards(success, T);
  const shaped = shapedRewards(rewards, potentials, config.alpha, { terminalOutcome: success ? 1 : 0 });
  const advantages = doublyRobustAdvantages({
    shapedRewards: shaped, rawRewards: rewards, values, terminal: true, lambda: config.lambda, gamma: config.gamma, returnKind: config.returnKind,
  });
  return { shaped, advantages };
}
