// Fitting MiRA's two critics on a phase's rollouts (docs/design/MIRA.md §4.5, §4.6; issue 16). V and P are fitted one after the
// other, each with its own optimiser and its own minibatch stream, so V's fit is the same whether or not P is
// fitted (the no-potential ablation changes nothing about V). A slice of the episodes is held out, by episode
// (the states of one episode are near-copies of each other, so a split by state would leak), and each
// network stops when its held-out loss has not improved for `patience` epochs and keeps its best weights.
// That bounds the epochs by what the data supports instead of a fixed count that fits V to exactly the
// rollouts it then scores. V's held-out BCE measures only what the slice holds: a slice of failures alone
// rewards the previous phase's "always fail" V (kept at epoch 0, a near-zero held-out BCE) however wrong it is
// on this phase's successes, so V stops early only on a slice with both outcomes; otherwise it trains on
// every episode for all its epochs and its held-out loss is recorded as not available (§4.6).
import * as tf from '@tensorflow/tfjs';
import { potentialCriticLoss, valueCriticLossFromLogits } from '../critic-losses';
import type { CriticModel, CriticNet } from '../model/critic-model';
import type { StateFeatures } from '../model/features';
import { hashSeed, mulberry32 } from '../../random/seeded-random';
import { HeldOutStop } from './held-out-stop';
import { criticStep, minibatches, netLogits, netPredict, type CriticLoss, type CriticSample } from './updates';

/** One judged episode as the critics see it: states s_0..s_T, the outcome r, and the progress labels
 * p*_0..p*_T (null when the task has no subgoals). */
export interface CriticEpisode {
  states: readonly StateFeatures[];
  outcome: number;
  labels: readonly number[] | null;
}

export interface CriticFitOptions {
  /** Upper bound on epochs; the held-out stop usually ends sooner. */
  maxEpochs: number;
  learningRate: number;
  batchSize: number;
  /** Seed of the split and the minibatch order; combined with `phase`. */
  seed: number;
  phase: number;
  /** Fraction of each outcome's episodes held out (default 0.2; see heldOutCount); 0 holds none out. */
  heldOutFraction?: number;
  /** Epochs without a held-out improvement before stopping (default 5: a phase's held-out slice is a handful
   * of episodes, and an epoch of a small phase is only a few Adam steps, so its loss is noisy). */
  patience?: number;
  /** Fit P at all (not in the no-potential ablation). */
  fitPotential: boolean;
  shouldStop?: () => boolean;
  /** After each epoch of a network, with its held-out loss (null without a held-out slice) and a way to compute its
   * loss on the training slice (one more pass: for progress that has no held-out number to show). */
  onEpoch?(net: 'value' | 'potential', epoch: number, heldOutLoss: number | null, trainLoss: () => number | null): void;
}

export interface NetFitStats {
  /** Loss of the kept weights on the training slice. */
  trainLoss: number;
  /** Held-out loss of the kept weights (BCE for V, MSE for P); null without a held-out slice. */
  heldOutLoss: number | null;
  /** Epochs run, and the epoch whose weights were kept (0 = the weights the phase started with). */
  epochs: number;
  keptEpoch: number;
  trainSamples: number;
  heldOutSamples: number;
}

export interface CriticFitStats {
  value: NetFitStats;
  potential: NetFitStats | null;
  /** Indices of the held-out episodes (P's held-out slice; V's too when `valueHeldOutUsed`). */
  heldOut: number[];
  /** Outcomes among the held-out episodes. */
  heldOutSuccesses: number;
  heldOutFailures: number;
  /** Whether V's fit stopped on the held-out slice: only when it holds both outcomes. Otherwise V trained on
   * every episode for all its epochs and `value.heldOutLoss` is null (critics/held-out-note.ts says why). */
  valueHeldOutUsed: boolean;
}

/** Episodes held out of a group of n of one outcome: none from a group of one (it would leave that outcome
 * nothing to train on) or with fraction 0; otherwise round(n·fraction), never the whole group, and at least one
 * when `atLeastOne` — set when both outcomes have two or more, so V's slice holds a success and a failure (a
 * phase with 2 successes rounded to none, and a failures-only slice cannot tell a V that predicts failure
 * everywhere from a good one). n = 2 → 1 (0 without atLeastOne), 3 → 1, 8 → 2, 24 → 5 (fraction 0.2). */
export function heldOutCount(n: number, fraction: number, atLeastOne: boolean): number {
  if (n < 2 || !(fraction > 0)) return 0;
  return Math.min(n - 1, Math.max(atLeastOne ? 1 : 0, Math.round(n * fraction)));
}

/** Splits episode indices into train and held-out, stratified by outcome (heldOutCount of each), seeded. */
export function splitEpisodes(outcomes: readonly number[], fraction: number, seed: number): { train: number[]; heldOut: number[] } {
  const rand = mulberry32(seed);
  const train: number[] = [];
  const heldOut: number[] = [];
  const groups = [outcomes.flatMap((o, i) => (o >= 0.5 ? [i] : [])), outcomes.flatMap((o, i) => (o < 0.5 ? [i] : []))];
  const bothOutcomes = groups.every((g) => g.length >= 2);
  for (const group of groups) {
    const order = minibatches(group.length, group.length, rand)[0] ?? [];
    const hold = heldOutCount(group.length, fraction, bothOutcomes);
    order.forEach((k, j) => (j < hold ? heldOut : train).push(group[k]));
  }
  return { train: train.sort((a, b) => a - b), heldOut: heldOut.sort((a, b) => a - b) };
}

export async function fitCritics(critic: CriticModel, episodes: readonly CriticEpisode[], o: CriticFitOptions): Promise<CriticFitStats> {
  const { train, heldOut } = splitEpisodes(episodes.map((e) => e.outcome), o.heldOutFraction ?? 0.2, hashSeed(o.seed, o.phase, 'critic-split'));
  const samples = (ids: number[], which: 'value' | 'potential'): CriticSample[] =>
    ids.flatMap((i) => {
      const e = episodes[i];
      if (which === 'value') return e.states.map((features) => ({ features, target: e.outcome }));
      return e.labels ? e.states.map((features, t) => ({ features, target: e.labels![t] })) : [];
    });
  const heldOutSuccesses = heldOut.filter((i) => episodes[i].outcome >= 0.5).length;
  const heldOutFailures = heldOut.length - heldOutSuccesses;
  const valueHeldOutUsed = heldOutSuccesses > 0 && heldOutFailures > 0;
  // Without both outcomes in the slice V's held-out BCE cannot judge it (see the header): V then learns from
  // every episode, the held-out ones included, for all its epochs.
  const valueTrain = valueHeldOutUsed ? train : episodes.map((_, i) => i);
  const value = await fitNet(critic.value, 'bce', samples(valueTrain, 'value'), valueHeldOutUsed ? samples(heldOut, 'value') : [], o, hashSeed(o.seed, o.phase, 'value'), 'value');
  let potential: NetFitStats | null = null;
  const potentialTrain = samples(train, 'potential');
  if (o.fitPotential && potentialTrain.length) {
    potential = await fitNet(critic.potential, 'mse', potentialTrain, samples(heldOut, 'potential'), o, hashSeed(o.seed, o.phase, 'potential'), 'potential');
  }
  return { value, potential, heldOut, heldOutSuccesses, heldOutFailures, valueHeldOutUsed };
}

async function fitNet(net: CriticNet, loss: CriticLoss, train: CriticSample[], heldOut: CriticSample[], o: CriticFitOptions, seed: number, name: 'value' | 'potential'): Promise<NetFitStats> {
  const rand = mulberry32(seed);
  const patience = o.patience ?? 5;
  const lossOn = (set: CriticSample[]): number | null => {
    if (!set.length) return null;
    const features = set.map((s) => s.features);
    const targets = set.map((s) => s.target);
    // V's BCE from its logits, as it trains (critic-losses.ts): a saturated wrong V reads as large, not 16.1.
    return loss === 'bce' ? valueCriticLossFromLogits(netLogits(net, features, o.batchSize), targets) : potentialCriticLoss(netPredict(net, features, o.batchSize), targets);
  };
  const evaluate = () => lossOn(heldOut);
  const optimizer = tf.train.adam(o.learningRate);
  const copy = () => net.params.list().map((v) => v.clone());
  const stop = new HeldOutStop(evaluate(), patience);
  // The weights of the best epoch so far, starting with the incoming ones (epoch 0): if fine-tuning on this
  // phase only makes the held-out loss worse, the critic keeps what it knew.
  let snapshot: tf.Tensor[] | null = stop.best.loss === null ? null : copy();
  let epochs = 0;
  try {
    for (let epoch = 1; epoch <= o.maxEpochs && train.length && !o.shouldStop?.(); epoch++) {
      for (const b of minibatches(train.length, o.batchSize, rand)) {
        criticStep(net, optimizer, b.map((i) => train[i]), loss, false);
        await new Promise((r) => setImmediate(r));
      }
      epochs = epoch;
      const held = evaluate();
      o.onEpoch?.(name, epoch, held, () => lossOn(train));
      const verdict = stop.observe(epoch, held);
      if (verdict === 'better' && held !== null) {
        tf.dispose(snapshot ?? []);
        snapshot = copy();
      } else if (verdict === 'stop') break;
    }
    if (snapshot && stop.best.epoch < epochs) net.params.list().forEach((v, i) => v.assign(snapshot![i]));
  } finally {
    tf.dispose(snapshot ?? []);
    optimizer.dispose();
  }
  return { trainLoss: lossOn(train) ?? Number.NaN, heldOutLoss: stop.best.loss, epochs, keptEpoch: stop.best.epoch, trainSamples: train.length, heldOutSamples: heldOut.length };
}
