// The gradient steps of the trainer (MIRA.md §4): supervised fine-tuning on demonstrations (phase 0), the
// critics' fits (BCE on outcomes for V, MSE on progress labels for P) and the policy update with the MSE
// log-ratio objective or an ablation objective. Every step packs its minibatch, differentiates inside
// optimizer.minimize (which disposes intermediates) and disposes the batch: no tensor outlives a step
// except the optimizer's own slots.
import * as tf from '@tensorflow/tfjs';
import { potentialCriticLossTensor, valueCriticLossTensor } from '../critic-losses';
import { awrFilteredLoss, awrWeightedLoss, klStyleLoss, mseLogRatioLoss } from '../policy-losses';
import { disposeBatch, packPolicy, packStates } from '../model/batch';
import type { CriticModel } from '../model/critic-model';
import type { StateFeatures } from '../model/features';
import type { PolicyModel } from '../model/policy-model';

export type PolicyObjective = 'mse' | 'kl' | 'awr' | 'awr-filter';

export interface PolicySample {
  features: StateFeatures;
  /** Index of the taken candidate. */
  index: number;
  /** log π_ref(a | s) (previous phase's policy); unused by SFT. */
  logpRef: number;
  /** A_t (doubly-robust advantage); unused by SFT. */
  advantage: number;
}

export interface CriticSample {
  features: StateFeatures;
  /** Episode outcome r ∈ {0, 1}. */
  outcome: number;
  /** Progress label p*_t, or null (states of failed episodes carry none). */
  label: number | null;
}

/** SFT step: −mean log π(a*|s). Returns the loss. */
export function sftStep(policy: PolicyModel, optimizer: tf.Optimizer, samples: readonly PolicySample[]): number {
  const batch = packPolicy(samples.map((s) => s.features), policy.config.features);
  try {
    const loss = optimizer.minimize(() => tf.neg(tf.mean(policy.logProbs(batch, samples.map((s) => s.index)))) as tf.Scalar, true, policy.params.list());
    const value = loss!.dataSync()[0];
    loss!.dispose();
    return value;
  } finally {
    disposeBatch(batch);
  }
}

/** Policy step with MiRA's objective (MIRA.md §4 "Policy objective") or an ablation. Returns the loss. */
export function policyStep(policy: PolicyModel, optimizer: tf.Optimizer, samples: readonly PolicySample[], objective: PolicyObjective, beta: number): number {
  const batch = packPolicy(samples.map((s) => s.features), policy.config.features);
  const logpRef = samples.map((s) => s.logpRef);
  const adv = samples.map((s) => s.advantage);
  try {
    const loss = optimizer.minimize(() => {
      const logp = policy.logProbs(batch, samples.map((s) => s.index));
      switch (objective) {
        case 'mse':
          return mseLogRatioLoss(logp, logpRef, adv, beta);
        case 'kl':
          return klStyleLoss(logp, logpRef, adv, beta);
        case 'awr':
          return awrWeightedLoss(logp, adv, beta);
        case 'awr-filter':
          return awrFilteredLoss(logp, adv);
      }
    }, true, policy.params.list());
    const value = loss!.dataSync()[0];
    loss!.dispose();
    return value;
  } finally {
    disposeBatch(batch);
  }
}

/** log π(a_i | s_i) of samples under `policy`, without gradients (e.g. π_ref before an update). */
export function logProbsOf(policy: PolicyModel, samples: readonly { features: StateFeatures; index: number }[], batchSize = 64): number[] {
  const out: number[] = [];
  for (let i = 0; i < samples.length; i += batchSize) {
    const chunk = samples.slice(i, i + batchSize);
    const batch = packPolicy(chunk.map((s) => s.features), policy.config.features);
    try {
      out.push(...tf.tidy(() => Array.from(policy.logProbs(batch, chunk.map((s) => s.index)).dataSync())));
    } finally {
      disposeBatch(batch);
    }
  }
  return out;
}

/** Critic step: BCE(V, r) over every state + MSE(P, p*) over labelled states (MIRA.md §4). */
export function criticStep(critic: CriticModel, optimizer: tf.Optimizer, samples: readonly CriticSample[], fitPotential: boolean): { value: number; potential: number } {
  const all = packStates(samples.map((s) => s.features), critic.config.features);
  const labelled = samples.filter((s) => s.label !== null);
  const withLabels = fitPotential && labelled.length ? packStates(labelled.map((s) => s.features), critic.config.features) : null;
  const losses = { value: 0, potential: 0 };
  try {
    const total = optimizer.minimize(() => {
      const vLoss = valueCriticLossTensor(critic.heads(all).value, tf.tensor1d(samples.map((s) => s.outcome)));
      losses.value = vLoss.dataSync()[0];
      if (!withLabels) return vLoss;
      const pLoss = potentialCriticLossTensor(critic.heads(withLabels).potential, tf.tensor1d(labelled.map((s) => s.label!)));
      losses.potential = pLoss.dataSync()[0];
      return tf.add(vLoss, pLoss) as tf.Scalar;
    }, true, critic.params.list());
    total!.dispose();
    return losses;
  } finally {
    disposeBatch(all);
    if (withLabels) disposeBatch(withLabels);
  }
}

/** V(s) and P(s) for many states, batched. */
export function criticPredict(critic: CriticModel, states: readonly StateFeatures[], batchSize = 64): { value: number[]; potential: number[] } {
  const value: number[] = [];
  const potential: number[] = [];
  for (let i = 0; i < states.length; i += batchSize) {
    const batch = packStates(states.slice(i, i + batchSize), critic.config.features);
    try {
      const p = critic.predict(batch);
      value.push(...p.value);
      potential.push(...p.potential);
    } finally {
      disposeBatch(batch);
    }
  }
  return { value, potential };
}

/** Seeded shuffled minibatches of indices. */
export function minibatches(n: number, size: number, rand: () => number): number[][] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i += size) out.push(idx.slice(i, i + size));
  return out;
}

