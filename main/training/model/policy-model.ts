// The local policy π_θ(a | s): scores every candidate action of a state (candidates.ts) against the encoded
// state and normalises over the state's candidates (issue 7 "local policy … return log-probabilities for the
// loss"). log π of chosen actions goes through actionLogProbs (oneHot × logSoftmax; MIRA.md §4 losses).
import * as tf from '@tensorflow/tfjs';
import { actionLogProbs } from '../policy-losses';
import { CANDIDATE_KINDS } from './candidates';
import { lookup } from './embedding';
import { embedTexts, encodeStates, encoderSpecs, DEFAULT_ENCODER_DIMS, type EncoderDims } from './encoder';
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

  /** Masked logits [B, C]: padded candidates get −1e9. Call inside tf.tidy / variableGrads. */
  logits(batch: PolicyBatch): tf.Tensor2D {
    const p = this.params;
    const texts = embedTexts(p, batch);
    const { z } = encodeStates(p, batch, texts);
    const B = batch.size;
    const C = batch.maxCandidates;
    const H = this.config.encoder.hidden;
    const candIn = tf.concat([lookup(texts.short, batch.candElem), batch.candKind, lookup(texts.short, batch.candText), batch.candFeats], 1);
    const cand = tf.tanh(tf.add(tf.matMul(candIn, p.get('pol.wc')), p.get('pol.bc')));
    const zRows = tf.reshape(tf.tile(tf.expandDims(z, 1), [1, C, 1]), [B * C, H]);
    const hidden = tf.relu(tf.add(tf.matMul(tf.concat([tf.mul(zRows, cand), cand, batch.candFeats], 1), p.get('pol.w1')), p.get('pol.b1')));
    const scores = tf.add(tf.matMul(hidden, p.get('pol.w2')), tf.matMul(batch.candFeats, p.get('pol.wf'))).reshape([B, C]);
    return tf.add(scores, tf.mul(tf.sub(batch.candMask, 1), 1e9)) as tf.Tensor2D;
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
