// Phase 0 (docs/design/MIRA.md §4.15: Phase 0 = SFT policy): behaviour cloning of the oracle's demonstrations on
// the train split. The select-option vocabulary is learned from the demonstrations (select options are
// hidden in the observation), then each demonstrated action is mapped to its candidate. The oracle's answer
// (a sandbox task instance knows it) is the target among the page's answer candidates (docs/design/MIRA.md §4.19).
import * as tf from '@tensorflow/tfjs';
import { findCandidate, type SelectVocab } from '../model/candidates';
import { featurize, type FeatureDims } from '../model/features';
import type { PolicyModel } from '../model/policy-model';
import type { DemoStep, Trajectory } from '../rollout/record';
import { mulberry32 } from '../../random/seeded-random';
import { minibatches, sftStep, type PolicySample } from './updates';

/** Option labels the demonstrations selected, per combobox name. */
export function buildSelectVocab(demos: readonly Trajectory<DemoStep>[]): SelectVocab {
  const vocab: SelectVocab = {};
  for (const d of demos) {
    for (const s of d.steps) {
      if (s.action.type !== 'select' || !s.action.text) continue;
      const name = s.raw.nodes.find((n) => n.id === s.action.elementId)?.name;
      if (name === undefined) continue;
      const list = (vocab[name] ??= []);
      if (!list.includes(s.action.text)) list.push(s.action.text);
    }
  }
  for (const list of Object.values(vocab)) list.sort();
  return vocab;
}

export interface DemoSamples {
  samples: PolicySample[];
  /** Actions no candidate expresses (left out). */
  uncovered: number;
  /** Answers the oracle gave, and how many of them the page offered as a candidate. */
  answers: number;
  answered: number;
}

/** Supervised samples from successful demonstrations. An answer the page does not offer (a sum the task
 * computes, two values joined) becomes the plain stop: the demonstration still shows where to stop. */
export function demoSamples(demos: readonly Trajectory<DemoStep>[], vocab: SelectVocab, dims: FeatureDims): DemoSamples {
  const out: DemoSamples = { samples: [], uncovered: 0, answers: 0, answered: 0 };
  for (const d of demos) {
    if (!d.success) continue;
    for (const s of d.steps) {
      const features = featurize(s.raw, vocab, dims);
      let index = findCandidate(s.action, features.cands, s.raw.nodes);
      if (s.action.type === 'stop' && s.action.text) {
        out.answers++;
        if (index >= 0) out.answered++;
        else index = features.cands.findIndex((c) => c.kind === 'stop' && !c.text);
      }
      if (index < 0) out.uncovered++;
      else out.samples.push({ features, index, logpRef: 0, advantage: 0 });
    }
  }
  return out;
}

export interface SftOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  onEpoch?(epoch: number, loss: number, samplesPerSecond: number): void;
  shouldStop?(): boolean;
}

/** Trains `policy` in place; resolves to the per-epoch mean losses. Yields to the event loop per batch. */
export async function trainSft(policy: PolicyModel, samples: readonly PolicySample[], o: SftOptions): Promise<number[]> {
  const optimizer = tf.train.adam(o.learningRate);
  const rand = mulberry32(o.seed);
  const losses: number[] = [];
  try {
    for (let epoch = 0; epoch < o.epochs && !o.shouldStop?.(); epoch++) {
      const started = performance.now();
      let sum = 0;
      const batches = minibatches(samples.length, o.batchSize, rand);
      for (const b of batches) {
        sum += sftStep(policy, optimizer, b.map((i) => samples[i])) * b.length;
        await new Promise((r) => setImmediate(r));
        if (o.shouldStop?.()) break;
      }
      losses.push(sum / Math.max(1, samples.length));
      o.onEpoch?.(epoch, losses.at(-1)!, samples.length / ((performance.now() - started) / 1000));
    }
  } finally {
    optimizer.dispose();
  }
  return losses;
}
