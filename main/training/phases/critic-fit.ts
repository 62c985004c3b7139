// Fitting MiRA's two critics on a phase's rollouts (docs/design/MIRA.md §4.5, §4.6; issue 16). V and P are fitted one after the
// other, each with its own optimiser and its own minibatch stream, so V's fit is the same whether or not P is
// fitted (the no-potential ablation changes nothing about V). A slice of the episodes is held out, by episode
// (the states of one episode are near-copies of each other, so a split by state would leak), and each
// network stops when its held-out loss has not improved for `patience` epochs and keeps its best weights.
// That bounds the epochs by what the data supports instead of a fixed count that fits V to exactly the
// rollouts it then scores.
import * as tf from '@tensorflow/tfjs';
import { potentialCriticLoss, valueCriticLoss } from '../critic-losses';
import type { CriticModel, CriticNet } from '../model/critic-model';
import type { StateFeatures } from '../model/features';
import { hashSeed, mulberry32 } from '../../random/seeded-random';
import { criticStep, minibatches, netPredict, type CriticLoss, type CriticSample } from './updates';

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
  /** Fraction of each outcome's episodes held out (default 0.2); a group too small to spare one has none. */
  heldOutFraction?: number;
  /** Epochs without a held-out improvement before stopping (default 5: a phase's held-out slice is a handful
   * of episodes, and an epoch of a small phase is only a few Adam steps, so its loss is noisy). */
  patience?: number;
  /** Fit P at all (not in the no-potential ablation). */
  fitPotential: boolean;
  shouldStop?: () => boolean;
  /** After each epoch of a network, with its held-out loss (null without a held-out slice); for progress. */
  onEpoch?(net: 'value' | 'potential', epoch: number, heldOutLoss: number | null): void;
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
  /** Indices of the held-out episodes. */
  heldOut: number[];
}

/** Splits episode indices into train and held-out, stratified by outcome, seeded. */
export function splitEpisodes(outcomes: readonly number[], fraction: number, seed: number): { train: number[]; heldOut: number[] } {
  const rand = mulberry32(seed);
  const train: number[] = [];
  const heldOut: number[] = [];
  for (const group of [outcomes.flatMap((o, i) => (o >= 0.5 ? [i] : [])), outcomes.flatMap((o, i) => (o < 0.5 ? [i] : []))]) {
    const order = minibatches(group.length, group.length, rand)[0] ?? [];
    const hold = group.length >= 2 ? Math.round(group.length * fraction) : 0;
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
  const value = await fitNet(critic.value, 'bce', samples(train, 'value'), samples(heldOut, 'value'), o, hashSeed(o.seed, o.phase, 'value'), 'value');
  let potential: NetFitStats | null = null;
  const potentialTrain = samples(train, 'potential');
  if (o.fitPotential && potentialTrain.length) {
    potential = await fitNet(critic.potential, 'mse', potentialTrain, samples(heldOut, 'potential'), o, hashSeed(o.seed, o.phase, 'potential'), 'potential');
  }
  return { value, potential, heldOut };
}

async function fitNet(net: CriticNet, loss: CriticLoss, train: CriticSample[], heldOut: CriticSample[], o: CriticFitOptions, seed: number, name: 'value' | 'potential'): Promise<NetFitStats> {
  const rand = mulberry32(seed);
  const patience = o.patience ?? 5;
  const lossOn = (set: CriticSample[]): number | null => {
    if (!set.length) return null;
    const out = netPredict(net, set.map((s) => s.features), o.batchSize);
    const targets = set.map((s) => s.target);
    return loss === 'bce' ? valueCriticLoss(out, targets) : potentialCriticLoss(out, targets);
  };
  const evaluate = () => lossOn(heldOut);
  const optimizer = tf.train.adam(o.learningRate);
  const copy = () => net.params.list().map((v) => v.clone());
  let best = { heldOut: evaluate(), epoch: 0 };
  // The weights of the best epoch so far, starting with the incoming ones (epoch 0): if fine-tuning on this
  // phase only makes the held-out loss worse, the critic keeps what it knew.
  let snapshot: tf.Tensor[] | null = best.heldOut === null ? null : copy();
  let epochs = 0;
  try {
    for (let epoch = 1; epoch <= o.maxEpochs && train.length && !o.shouldStop?.(); epoch++) {
      for (const b of minibatches(train.length, o.batchSize, rand)) {
        criticStep(net, optimizer, b.map((i) => train[i]), loss, false);
        await new Promise((r) => setImmediate(r));
      }
      epochs = epoch;
      const held = evaluate();
      o.onEpoch?.(name, epoch, held);
      if (held === null) {
        best = { heldOut: null, epoch };
      } else if (held < best.heldOut!) {
        best = { heldOut: held, epoch };
        tf.dispose(snapshot ?? []);
        snapshot = copy();
      } else if (epoch - best.epoch >= patience) break;
    }
    if (snapshot && best.epoch < epochs) net.params.list().forEach((v, i) => v.assign(snapshot![i]));
  } finally {
    tf.dispose(snapshot ?? []);
    optimizer.dispose();
  }
  return { trainLoss: lossOn(train) ?? Number.NaN, heldOutLoss: best.heldOut, epochs, keptEpoch: best.epoch, trainSamples: train.length, heldOutSamples: heldOut.length };
}
