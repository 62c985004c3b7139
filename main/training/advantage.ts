// Doubly-robust advantage (docs/design/MIRA.md §4.10, arXiv 2603.19685 §3): a one-step TD error
// on the shaped reward mixed with the Monte-Carlo error. The TD half has low variance but inherits the
// critic's bias; the Monte-Carlo half is unbiased but noisy; λ trades them. Without the mix the paper's
// training collapsed early. γ defaults to 1 so the return agrees with V's undiscounted target (defaults.ts).

import { MiraDefaults, type ReturnKind } from './defaults';
import { assertFiniteArray, assertInRange } from './validate';

/**
 * Discounted returns G_t = Σ_{k=t}^{T−1} γ^{k−t}·r_k (+ γ^{T−t}·bootstrap), computed backwards.
 * Shapes: rewards [T] → [T]. `bootstrap` is the value of s_T for a truncated episode; 0 (the default) for a
 * terminal one.
 */
export function discountedReturns(
  rewards: readonly number[],
  gamma: number = MiraDefaults.gamma,
  bootstrap = 0,
): number[] {
  assertFiniteArray('rewards', rewards);
  assertInRange('gamma', gamma, 0, 1);
  assertInRange('bootstrap', bootstrap, -Number.MAX_VALUE, Number.MAX_VALUE);
  const returns = new Array<number>(rewards.length);
  let g = bootstrap;
  for (let t = rewards.length - 1; t >= 0; t--) {
    g = rewards[t] + gamma * g;
    returns[t] = g;
  }
  return returns;
}

export interface DoublyRobustInput {
  /** r'_t for t = 0..T−1 (see shapedRewards); used by the TD half, and by G_t when returnKind is 'shaped'. */
  shapedRewards: readonly number[];
  /** r_t for t = 0..T−1; required only when returnKind is 'raw'. */
  rawRewards?: readonly number[];
  /** V(s_0)..V(s_T) from the value critic, length T + 1. */
  values: readonly number[];
  /** s_T ends the episode (the default): V(s_T) is taken as 0 in both halves, whatever values[T] says.
   * false (truncated, e.g. a rollout cut for time): V(s_T) bootstraps both the TD target and G_t. */
  terminal?: boolean;
  /** λ ∈ [0, 1]: 1 = pure one-step TD, 0 = pure Monte-Carlo. Default MiraDefaults.lambda. */
  lambda?: number;
  /** γ ∈ [0, 1]. Default MiraDefaults.gamma. */
  gamma?: number;
  /** Return summed by G_t. Default MiraDefaults.returnKind ('shaped'). */
  returnKind?: ReturnKind;
}

/**
 * A_t = λ·(r'_t + γ·V(s_{t+1}) − V(s_t)) + (1 − λ)·(G_t − V(s_t)),  t = 0..T−1.
 *
 * G_t is the discounted sum of shaped (default) or raw rewards from t to the end. Shapes: shapedRewards [T],
 * rawRewards [T] (optional), values [T + 1]; returns [T]. λ = 1 or λ = 0 are the "no doubly-robust mix"
 * ablations.
 */
export function doublyRobustAdvantages(input: DoublyRobustInput): number[] {
  const {
    shapedRewards: shaped,
    rawRewards,
    values,
    terminal = true,
    lambda = MiraDefaults.lambda,
    gamma = MiraDefaults.gamma,
    returnKind = MiraDefaults.returnKind,
  } = input;
  assertFiniteArray('shapedRewards', shaped);
  assertFiniteArray('values', values);
  assertInRange('lambda', lambda, 0, 1);
  assertInRange('gamma', gamma, 0, 1);
  const T = shaped.length;
  if (values.length !== T + 1) {
    throw new Error(`doublyRobustAdvantages: values must have length T + 1 = ${T + 1} (V(s_0)..V(s_T)), got ${values.length}`);
  }
  let returnRewards: readonly number[];
  if (returnKind === 'shaped') returnRewards = shaped;
  else if (returnKind === 'raw') {
    if (rawRewards === undefined) throw new Error("doublyRobustAdvantages: returnKind 'raw' needs rawRewards");
    assertFiniteArray('rawRewards', rawRewards);
    if (rawRewards.length !== T) {
      throw new Error(`doublyRobustAdvantages: rawRewards must have length T = ${T}, got ${rawRewards.length}`);
    }
    returnRewards = rawRewards;
  } else throw new Error(`doublyRobustAdvantages: unknown returnKind ${JSON.stringify(returnKind)}`);

  // A terminal state has no future: its value is 0 by definition, not whatever the critic guesses.
  const vEnd = terminal ? 0 : values[T];
  const v = (t: number): number => (t === T ? vEnd : values[t]);
  const G = discountedReturns(returnRewards, gamma, vEnd);

  const advantages = new Array<number>(T);
  for (let t = 0; t < T; t++) {
    const td = shaped[t] + gamma * v(t + 1) - v(t);
    const mc = G[t] - v(t);
    advantages[t] = lambda * td + (1 - lambda) * mc;
  }
  return advantages;
}
