// Scoring trajectories for the policy update (docs/design/MIRA.md §4.7, §4.10): the
// critics' V and P of every state → terminal-shaped rewards r' → doubly-robust advantages A. Replayed
// trajectories are stored with what this needs (states and actions, outcome) and scored again every phase
// with the current critics (issue 16): an advantage computed by an earlier phase's critic describes a value
// landscape that no longer exists.
import { doublyRobustAdvantages } from '../advantage';
import type { MiraConfig } from '../defaults';
import type { CriticModel } from '../model/critic-model';
import type { StateFeatures } from '../model/features';
import { shapedRewards } from '../shaped-reward';
import { netPredict } from './updates';

/** A trajectory as the policy update needs it; the replay buffer keeps these. */
export interface TrainingTrajectory {
  /** s_0..s_T (length T + 1). */
  states: StateFeatures[];
  /** Index of the taken candidate at each step (length T). */
  actions: number[];
  success: boolean;
}

export interface TrajectoryScore {
  /** r'_t (terminal-shaped) and A_t, each of length T. */
  shaped: number[];
  advantages: number[];
}

/**
 * Shaped rewards and advantages of one trajectory from its critic outputs V(s_0..s_T), P(s_0..s_T).
 * r_t is the outcome on the last step, 0 before; the shaping's P(s_T) is the outcome (terminal shaping, see
 * shapedRewards); s_T is terminal for the advantage, whatever ended the episode, because the outcome is
 * judged once it ends.
 */
export function trajectoryScore(success: boolean, values: readonly number[], potentials: readonly number[], config: Pick<MiraConfig, 'alpha' | 'lambda' | 'gamma' | 'returnKind'>): TrajectoryScore {
  const T = values.length - 1;
  const rewards = Array.from({ length: T }, (_, t) => (t === T - 1 && success ? 1 : 0));
  const shaped = shapedRewards(rewards, potentials, config.alpha, { terminalOutcome: success ? 1 : 0 });
  const advantages = doublyRobustAdvantages({
    shapedRewards: shaped, rawRewards: rewards, values, terminal: true, lambda: config.lambda, gamma: config.gamma, returnKind: config.returnKind,
  });
  return { shaped, advantages };
}

/** Scores trajectories with the current critics, in one batched pass over all their states. */
export function scoreTrajectories(critic: CriticModel, trajectories: readonly TrainingTrajectory[], config: Pick<MiraConfig, 'alpha' | 'lambda' | 'gamma' | 'returnKind'>, batchSize = 64): TrajectoryScore[] {
  const states = trajectories.flatMap((t) => t.states);
  const value = netPredict(critic.value, states, batchSize);
  // α = 0 (no-potential ablation): P is not fitted and its term vanishes, so it is not even evaluated.
  const potential = config.alpha > 0 ? netPredict(critic.potential, states, batchSize) : states.map(() => 0);
  let offset = 0;
  return trajectories.map((t) => {
    const n = t.states.length;
    const score = trajectoryScore(t.success, value.slice(offset, offset + n), potential.slice(offset, offset + n), config);
    offset += n;
    return score;
  });
}
