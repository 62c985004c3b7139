// Scoring trajectories for the policy update (docs/design/MIRA.md §4.7, §4.10): the
// critics' V and P of every state → terminal-shaped rewards r' → doubly-robust advantages A. Replayed
// trajectories are stored with what this needs (states and actions, outcome) and scored again every phase
// with the current critics (issue 16): an advantage computed by an earlier phase's critic describes a value
// landscape that no longer exists.
import type { CriticModel } from '../model/critic-model';
import type { StateFeatures } from '../model/features';
import { trajectoryScore, type SignalConfig, type TrajectoryScore } from '../trajectory-signals';
import { netPredict } from './updates';

export { trajectoryScore, type TrajectoryScore } from '../trajectory-signals';

/** A trajectory as the policy update needs it; the replay buffer keeps these. */
export interface TrainingTrajectory {
  /** s_0..s_T (length T + 1). */
  states: StateFeatures[];
  /** Index of the taken candidate at each step (length T). */
  actions: number[];
  success: boolean;
}

/** Scores trajectories with the current critics, in one batched pass over all their states. */
export function scoreTrajectories(critic: CriticModel, trajectories: readonly TrainingTrajectory[], config: SignalConfig, batchSize = 64): TrajectoryScore[] {
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
