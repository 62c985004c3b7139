// The local policy π_θ(a | s): scores every candidate action of a state (candidates.ts) against the encoded
// state and normalises over the state's candidates (issue 7 "local policy … return log-probabilities for the
// loss"). log π of chosen actions goes through actionLogProbs (oneHot × logSoftmax; docs/design/MIRA.md §4.11).
import * as tf from '@tensorflow/tfjs';
import { actionLogProbs } from '../policy-losses';
import { CANDIDATE_KINDS } from './candidates';
import { lookup } from './embedding';
import { embedTexts, encodeStates, encoderSpecs, DEFAULT_ENCODER_DIMS, type EncoderDims } from './encoder';
import { matMulData, matMulFast } from './matmul';
import type { PolicyBatch } from './batch';
import { CANDIDATE_FEATURES, DEFAULT_FEATURE_DIMS, type FeatureDims } from './features';
import { ParamSet, type ParamSpec } from './params';

export interface PolicyModelConfig {
  features: FeatureDims;
  encoder: EncoderDims;
  /** Width of the scorer's hidden layer. */
  scorerHidden: number;
}

export const DEFAULT_POLICY_CONFIG: PolicyModelConfig = { features: DEFAULT_FEATURE_DIMS, encoder: DEFAULT_ENCODER_DIMS, scorerHidden: 64 };

export function policySpecs(c: PolicyModelConfig): Record<string, ParamSpec> {
  const { embed: D, hidden: H } = c.encoder;
  const F = CANDIDATE_FEATURES;
  return {
    ...encoderSpecs(c.features.vocab, c.encoder),
    'pol.wc': { shape: [2 * D + CANDIDATE_KINDS.length + F, H], init: 'glorot' },
    'pol.bc': { shape: [H], init: 'zeros' },
    'pol.w1': { shape: [2 * H + F, c.scorerHidden], init: 'glorot' },
    'pol.b1': { shape: [c.scorerHidden], init: 'zeros' },
    'pol.w2': { shape: [c.scorerHidden, 1], init: 'glorot' },
    'pol.wf': { shape: [F, 1], init: 'zeros' },
  };
}

export class PolicyModel {
  constructor(readonly config: PolicyModelConfig, readonly params: ParamSet) {}

  static init(config: PolicyModelConfig = DEFAULT_POLICY_CONFIG, seed = 1): PolicyModel {
    return new PolicyModel(config, ParamSet.init(policySpecs(config), seed));
  }

  /** Masked logits [B, C]: padded candidates get −1e9. Call inside tf.tidy / variableGrads.
   * Every candidate is scored once, on the packed rows [N, ·] (batch.ts); only the final scores are laid out
   * per state [B, C] for the softmax. Each candidate meets its state's vector z through a row lookup (its
   * gradient is one scatter), not a [B, C, H] tile, whose gradient on wasm is C slice + add kernels that
   * each copy the whole gradient. */
  logits(batch: PolicyBatch): tf.Tensor2D {
    const p = this.params;
    const texts = embedTexts(p, batch);
    const { z } = encodeStates(p, batch, texts);
    const { embed: D, hidden: H } = this.config.encoder;
    // [elem; kind; text; feats]·W_c as a sum of block products (no [N, 88] concat and its split in the
    // backward pass); the text blocks act on the distinct texts [U, D] before the lookup, not on N rows.
    const [wcElem, wcKind, wcText, wcFeats] = tf.split(p.get('pol.wc'), [D, CANDIDATE_KINDS.length, D, CANDIDATE_FEATURES], 0);
    const candIn = sum([
      lookup(matMulFast(texts.short, wcElem), batch.candElem),
      lookup(matMulFast(texts.short, wcText), batch.candText),
      matMulData(batch.candKind, wcKind),
      matMulData(batch.candFeats, wcFeats),
    ]);
    const cand = tf.tanh(tf.add(candIn, p.get('pol.bc')));
    const zRows = lookup(z, batch.candState);
    const [w1Join, w1Cand, w1Feats] = tf.split(p.get('pol.w1'), [H, H, CANDIDATE_FEATURES], 0);
    const hiddenIn = sum([matMulFast(tf.mul(zRows, cand), w1Join), matMulFast(cand, w1Cand), matMulData(batch.candFeats, w1Feats)]);
    const hidden = tf.relu(tf.add(hiddenIn, p.get('pol.b1')));
    const scores = tf.add(matMulFast(hidden, p.get('pol.w2')), matMulData(batch.candFeats, p.get('pol.wf')));
    // Row N of the padded table is a zero score for padding slots; the mask then sends them to −1e9.
    const perSlot = lookup(tf.concat([scores, tf.zeros([1, 1])], 0) as tf.Tensor2D, batch.candSlot).reshape([batch.size, batch.maxCandidates]);
    return tf.add(perSlot, tf.mul(tf.sub(batch.candMask, 1), 1e9)) as tf.Tensor2D;
  }

  /** log π(a_i | s_i) of the given candidate indices, [B]. Call inside tf.tidy / variableGrads. */
  logProbs(batch: PolicyBatch, actions: readonly number[]): tf.Tensor1D {
    return actionLogProbs(this.logits(batch), actions);
  }

  /** Probabilities of every candidate of each state (padding excluded), as plain arrays. */
  probabilities(batch: PolicyBatch, counts: readonly number[]): number[][] {
    const probs = tf.tidy(() => tf.softmax(this.logits(batch), 1).arraySync() as number[][]);
    return probs.map((row, b) => row.slice(0, counts[b]));
  }

  dispose(): void {
    this.params.dispose();
  }
}

/** Σ of same-shape tensors as a chain of adds: tf.addN's gradient hands each input a copy of dy (an Identity
 * kernel per input), tf.add's hands it dy itself. */
function sum(terms: tf.Tensor[]): tf.Tensor {
  return terms.slice(1).reduce((acc, t) => tf.add(acc, t), terms[0]);
}
