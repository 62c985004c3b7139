// One MiRA phase after the rollouts (MIRA.md §4): judge → progress labels (successful episodes only) → fit
// the value and potential critics → shaped rewards r' = r + α·ΔP → doubly-robust advantages → perplexity
// filter → replay of earlier successes → one epoch of policy update against π_ref = the policy before it.
import * as tf from '@tensorflow/tfjs';
import { doublyRobustAdvantages } from '../advantage';
import { perplexityFilter, type ReplayBuffer } from '../data-hygiene';
import { shapedRewards } from '../shaped-reward';
import type { SelectVocab } from '../model/candidates';
import type { CriticModel } from '../model/critic-model';
import { featurize, type RawState, type StateFeatures } from '../model/features';
import type { PolicyModel } from '../model/policy-model';
import type { PolicyStep, Trajectory } from '../rollout/record';
import { mulberry32 } from '../../sandbox/random';
import { completionStates, episodeProgressLabels } from './labels';
import { criticPredict, criticStep, logProbsOf, minibatches, policyStep, type CriticSample, type PolicySample } from './updates';
import type { VariantSettings } from './variants';

export interface PhaseHyper {
  criticEpochs: number;
  criticLearningRate: number;
  policyLearningRate: number;
  batchSize: number;
  seed: number;
  /** Apply the perplexity filter (MIRA.md §4 "Data hygiene"); the bounds are config.perplexityBounds. */
  perplexityFilter: boolean;
}

export interface PhaseStats {
  episodes: number;
  successes: number;
  newSamples: number;
  keptAfterFilter: number;
  replayed: number;
  valueLoss: number;
  potentialLoss: number;
  policyLoss: number;
  meanAdvantage: number;
  samplesPerSecond: number;
}

/** States s_0..s_T of a trajectory: s_t is what the policy saw at step t; s_T is the last page after the
 * final action (history and progress advanced, the page not re-observed). */
export function trajectoryStates(traj: Trajectory<PolicyStep>, vocab: SelectVocab, dims: PolicyModel['config']['features']): StateFeatures[] {
  const states = traj.steps.map((s) => featurize(s.raw, vocab, dims));
  const last = traj.steps.at(-1)!;
  const chosen = featurize(last.raw, vocab, dims).cands[last.index];
  const terminal: RawState = {
    ...last.raw,
    t: last.raw.t + 1,
    progress: last.progressAfter ?? last.raw.progress,
    past: [...last.raw.past, { kind: chosen.kind, elementName: chosen.element === undefined ? '' : last.raw.nodes[chosen.element].name, text: chosen.text ?? '' }],
  };
  states.push(featurize(terminal, vocab, dims));
  return states;
}

export async function runMiraUpdate(
  phase: number,
  rollouts: readonly Trajectory<PolicyStep>[],
  models: { policy: PolicyModel; critic: CriticModel; vocab: SelectVocab },
  variant: VariantSettings,
  replay: ReplayBuffer<PolicySample & { success: boolean }>,
  h: PhaseHyper,
  shouldStop: () => boolean = () => false,
): Promise<PhaseStats> {
  const { policy, critic, vocab } = models;
  const { config } = variant;
  const dims = policy.config.features;
  const trajs = rollouts.filter((r) => r.steps.length > 0);
  const states = trajs.map((r) => trajectoryStates(r, vocab, dims));

  // Critic targets: outcome r for every state (V); p*_t for states of successful episodes (P).
  const criticSamples: CriticSample[] = [];
  trajs.forEach((r, e) => {
    const T = r.steps.length;
    const K = r.steps[0].raw.subgoals.length;
    const labels = r.success && K > 0 ? episodeProgressLabels(completionStates(r.steps.map((s) => s.progressAfter), K), T, K) : null;
    states[e].forEach((features, t) => criticSamples.push({ features, outcome: r.success ? 1 : 0, label: labels ? labels[t] : null }));
  });
  const rand = mulberry32(h.seed + phase);
  const criticOpt = tf.train.adam(h.criticLearningRate);
  let valueLoss = 0;
  let potentialLoss = 0;
  for (let epoch = 0; epoch < h.criticEpochs && !shouldStop(); epoch++) {
    let v = 0;
    let p = 0;
    for (const b of minibatches(criticSamples.length, h.batchSize, rand)) {
      const l = criticStep(critic, criticOpt, b.map((i) => criticSamples[i]), variant.fitPotential);
      v += l.value * b.length;
      p += l.potential * b.length;
      await new Promise((r) => setImmediate(r));
    }
    valueLoss = v / criticSamples.length;
    potentialLoss = p / criticSamples.length;
  }
  criticOpt.dispose();

  // Shaped rewards and doubly-robust advantages per episode, from the refitted critics.
  const newSamples: (PolicySample & { success: boolean })[] = [];
  const probs: number[] = [];
  trajs.forEach((r, e) => {
    const T = r.steps.length;
    const { value, potential } = criticPredict(critic, states[e]);
    const rewards = Array.from({ length: T }, (_, t) => (t === T - 1 && r.success ? 1 : 0));
    const shaped = shapedRewards(rewards, potential, config.alpha);
    const advantages = doublyRobustAdvantages({ shapedRewards: shaped, rawRewards: rewards, values: value, lambda: config.lambda, gamma: config.gamma, returnKind: config.returnKind });
    r.steps.forEach((s, t) => {
      newSamples.push({ features: states[e][t], index: s.index, logpRef: 0, advantage: advantages[t], success: r.success });
      probs.push(s.prob);
    });
  });

  // Data hygiene: drop actions the actor finds too surprising or too obvious; replay earlier successes.
  const kept = h.perplexityFilter ? perplexityFilter(probs, config.perplexityBounds).kept.map((i) => newSamples[i]) : newSamples;
  replay.add(phase, kept);
  const training = replay.mix(phase, kept);
  // π_ref = the previous phase's policy = this policy before its update: log-probs frozen now.
  const logpRef = logProbsOf(policy, training);
  training.forEach((s, i) => (s.logpRef = logpRef[i]));

  const policyOpt = tf.train.adam(h.policyLearningRate);
  const started = performance.now();
  let policyLoss = 0;
  for (const b of minibatches(training.length, h.batchSize, rand)) {
    if (shouldStop()) break;
    policyLoss += policyStep(policy, policyOpt, b.map((i) => training[i]), variant.objective, config.beta) * b.length;
    await new Promise((r) => setImmediate(r));
  }
  policyOpt.dispose();
  const seconds = (performance.now() - started) / 1000;
  return {
    episodes: rollouts.length,
    successes: rollouts.filter((r) => r.success).length,
    newSamples: newSamples.length,
    keptAfterFilter: kept.length,
    replayed: training.length - kept.length,
    valueLoss,
    potentialLoss,
    policyLoss: training.length ? policyLoss / training.length : 0,
    meanAdvantage: newSamples.length ? newSamples.reduce((a, s) => a + s.advantage, 0) / newSamples.length : 0,
    samplesPerSecond: seconds > 0 ? training.length / seconds : 0,
  };
}
