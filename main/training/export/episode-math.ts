// MiRA's per-step training signals for one stored episode (docs/design/MIRA.md §4), from the tested pure functions:
// progress labels with interpolation and gap anchoring (episodeProgressLabels), shaped rewards
// r' = r + α·ΔP (shapedRewards) and doubly-robust advantages (doublyRobustAdvantages). Nothing here reads
// the store or a model; the caller supplies the progress vectors and the critics' numbers.
import { doublyRobustAdvantages } from '../advantage';
import type { MiraConfig } from '../defaults';
import { completionStates, episodeProgressLabels } from '../phases/labels';
import { shapedRewards } from '../shaped-reward';

export interface EpisodeMathInput {
  success: boolean;
  /** The stored progress vector of each step t = 0..T−1, judged after its action; null without subgoals. */
  progressAfter: readonly (readonly number[] | null)[];
  /** V(s_0)..V(s_T), length T + 1, or null when no critic is available. V(s_T) is unused: s_T is terminal. */
  values: readonly number[] | null;
  /** P(s_0)..P(s_T), length T + 1, or null when no critic is available. */
  potentials: readonly number[] | null;
  config: Pick<MiraConfig, 'alpha' | 'lambda' | 'gamma' | 'returnKind'>;
}

export interface EpisodeMath {
  /** r_t: the binary outcome on the last step, 0 before (docs/design/MIRA.md §4.1: "r_t is 0 except at the end"). */
  rewards: number[];
  /** Per step t: p*_{t+1}, the label of the state its action reaches; null unless successful with K > 0. */
  labels: (number | null)[];
  subgoalsDone: (number | null)[];
  K: number | null;
  shaped: number[] | null;
  advantages: number[] | null;
}

export function episodeMath(input: EpisodeMathInput): EpisodeMath {
  const { success, progressAfter, values, potentials, config } = input;
  const T = progressAfter.length;
  if (T < 1) throw new Error('episodeMath: an episode needs at least one step');
  const rewards = Array.from({ length: T }, (_, t) => (t === T - 1 && success ? 1 : 0));

  const K = lastVector(progressAfter)?.length ?? null;
  const subgoalsDone = progressAfter.map((p) => (p === null ? null : p.reduce((a, b) => a + b, 0)));
  // Labels are built from successful episodes only, so shaping correlates with success (docs/design/MIRA.md §4.3); the
  // labels cover states s_0..s_T, and step t reports s_{t+1}, the moment its progress vector was judged.
  let labels: (number | null)[] = progressAfter.map(() => null);
  if (success && K !== null && K > 0) {
    const stateLabels = episodeProgressLabels(completionStates(progressAfter, K), T, K);
    labels = stateLabels.slice(1);
  }

  let shaped: number[] | null = null;
  let advantages: number[] | null = null;
  if (values && potentials) {
    shaped = shapedRewards(rewards, potentials, config.alpha);
    // The outcome is judged once the episode ends, however it ended, so s_T is terminal: V(s_T) = 0.
    advantages = doublyRobustAdvantages({
      shapedRewards: shaped, rawRewards: rewards, values, terminal: true,
      lambda: config.lambda, gamma: config.gamma, returnKind: config.returnKind,
    });
  }
  return { rewards, labels, subgoalsDone, K, shaped, advantages };
}

function lastVector(vs: readonly (readonly number[] | null)[]): readonly number[] | null {
  for (let i = vs.length - 1; i >= 0; i--) if (vs[i] !== null) return vs[i];
  return null;
}
