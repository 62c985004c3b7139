// MiRA's per-step training signals for one stored episode (docs/design/MIRA.md §4), computed by the trainer's
// own functions so an exported number is the one training uses: progress labels of successful and failed
// episodes (episodeProgressLabels, as criticEpisode in phases/mira-phase.ts), terminal-shaped rewards and
// doubly-robust advantages (trajectoryScore, as the policy update's scoring). Nothing here reads the store
// or a model; the caller supplies the progress vectors and the critics' numbers.
import { completionStates, episodeProgressLabels } from '../phases/labels';
import { outcomeRewards, trajectoryScore, type SignalConfig } from '../trajectory-signals';

export interface EpisodeMathInput {
  success: boolean;
  /** The stored progress vector of each step t = 0..T−1, judged after its action; null without subgoals. */
  progressAfter: readonly (readonly number[] | null)[];
  /** V(s_0)..V(s_T), length T + 1, or null when no critic is available. V(s_T) is unused: s_T is terminal. */
  values: readonly number[] | null;
  /** P(s_0)..P(s_T), length T + 1, or null when no critic is available. P(s_T) is unused: the terminal
   * shaping replaces it by the outcome. */
  potentials: readonly number[] | null;
  config: SignalConfig;
}

export interface EpisodeMath {
  /** r_t: the binary outcome on the last step, 0 before (docs/design/MIRA.md §4.1: "r_t is 0 except at the end"). */
  rewards: number[];
  /** Per step t: p*_{t+1}, the label of the state its action reaches (a failed episode's stay flat after its
   * last completed milestone); null without subgoals. */
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
  const rewards = outcomeRewards(success, T);

  const K = lastVector(progressAfter)?.length ?? null;
  const subgoalsDone = progressAfter.map((p) => (p === null ? null : p.reduce((a, b) => a + b, 0)));
  // The labels P is trained on, failed episodes included (docs/design/MIRA.md §4.3, issue 16); they cover
  // states s_0..s_T, and step t reports s_{t+1}, the moment its progress vector was judged.
  let labels: (number | null)[] = progressAfter.map(() => null);
  if (K !== null && K > 0) {
    labels = episodeProgressLabels(completionStates(progressAfter, K), T, K, success).slice(1);
  }

  let shaped: number[] | null = null;
  let advantages: number[] | null = null;
  if (values && potentials) ({ shaped, advantages } = trajectoryScore(success, values, potentials, config));
  return { rewards, labels, subgoalsDone, K, shaped, advantages };
}

function lastVector(vs: readonly (readonly number[] | null)[]): readonly number[] | null {
  for (let i = vs.length - 1; i >= 0; i--) if (vs[i] !== null) return vs[i];
  return null;
}
