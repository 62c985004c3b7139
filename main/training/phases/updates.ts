// The gradient steps of the trainer (docs/design/MIRA.md §4): supervised fine-tuning on demonstrations (phase 0), the
// critics' steps (BCE on outcomes for V, MSE on progress labels for P, each network on its own) and the
// policy update with the MSE log-ratio objective or an ablation objective. Every step packs its minibatch, differentiates inside
// optimizer.minimize (which disposes intermediates) and disposes the batch: no tensor outlives a step
// except the optimizer's own slots.
import * as tf from '@tensorflow/tfjs';
import { potentialCriticLossTensor, valueCriticLossFromLogitsTensor } from '../critic-losses';
import { awrFilteredLoss, awrWeightedLoss, klStyleLoss, mseLogRatioLoss } from '../policy-losses';
import { disposeBatch, packPolicy, packStates, type StateBatch } from '../model/batch';
import type { CriticModel, CriticNet } from '../model/critic-model';
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

/** One training example of a critic network: a state and its target (the outcome r for V, p*_t for P). */
export interface CriticSample {
  features: StateFeatures;
  target: number;
}

/** Which critic a network is: V fits BCE against outcomes, P fits MSE against progress labels. */
export type CriticLoss = 'bce' | 'mse';

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

/** Policy step with MiRA's objective (docs/design/MIRA.md §4.11) or an ablation. Returns the loss. */
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

/** One step of one critic network (docs/design/MIRA.md §4): BCE(V, r) for the value critic, MSE(P, p*) for the potential
 * critic. Each state is encoded once. Returns the minibatch loss, or null with `readLoss` false: the fit
 * judges epochs by the held-out loss, and reading a loss back every step is a device sync on GPU backends. */
export function criticStep(net: CriticNet, optimizer: tf.Optimizer, samples: readonly CriticSample[], loss: CriticLoss, readLoss = true): number | null {
  const batch = packStates(samples.map((s) => s.features), net.config.features);
  const targets = samples.map((s) => s.target);
  try {
    const total = optimizer.minimize(() => {
      const y = tf.tensor1d(targets);
      // V's BCE from logits: its gradient does not vanish on a saturated wrong V (critic-losses.ts).
      return loss === 'bce' ? valueCriticLossFromLogitsTensor(net.logits(batch), y) : potentialCriticLossTensor(net.forward(batch), y);
    }, readLoss, net.params.list());
    if (!total) return null;
    const value = total.dataSync()[0];
    total.dispose();
    return value;
  } finally {
    disposeBatch(batch);
  }
}

/** One critic network's outputs for many states, batched. */
export function netPredict(net: CriticNet, states: readonly StateFeatures[], batchSize = 64): number[] {
  return inBatches(net, states, batchSize, (batch) => net.predict(batch));
}

/** One critic network's logits (before the sigmoid) for many states, batched: V's BCE is measured on these. */
export function netLogits(net: CriticNet, states: readonly StateFeatures[], batchSize = 64): number[] {
  return inBatches(net, states, batchSize, (batch) => net.predictLogits(batch));
}

function inBatches(net: CriticNet, states: readonly StateFeatures[], batchSize: number, read: (batch: StateBatch) => number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < states.length; i += batchSize) {
    const batch = packStates(states.slice(i, i + batchSize), net.config.features);
    try {
      out.push(...read(batch));
    } finally {
      disposeBatch(batch);
    }
  }
  return out;
}

/** V(s) and P(s) for many states, batched. */
export function criticPredict(critic: CriticModel, states: readonly StateFeatures[], batchSize = 64): { value: number[]; potential: number[] } {
  return { value: netPredict(critic.value, states, batchSize), potential: netPredict(critic.potential, states, batchSize) };
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

