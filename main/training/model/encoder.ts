// The state encoder shared by the local policy and the critics (issue 7 "Models"; docs/design/MIRA.md §4.17: V(s, g) and
// P(s, g) read the state and the goal). A query q from the goal (intent), the current subgoal, the recent
// action history and the progress features attends over the page's element embeddings; the state vector
// z = tanh([q; attention context] W_z) feeds the policy's scorer or the critics' heads.
import * as tf from '@tensorflow/tfjs';
import type { StateBatch } from './batch';
import { embedBag, lookup, segmentSum } from './embedding';
import { matMulFast } from './matmul';
import { STATE_FEATURES } from './features';
import type { ParamSet, ParamSpec } from './params';

export interface EncoderDims {
  /** Embedding width D. */
  embed: number;
  /** Hidden width H (query, element and state vectors). */
  hidden: number;
}

export const DEFAULT_ENCODER_DIMS: EncoderDims = { embed: 32, hidden: 64 };

export function encoderSpecs(vocab: number, d: EncoderDims): Record<string, ParamSpec> {
  return {
    'enc.embed': { shape: [vocab, d.embed], init: 'embedding' },
    'enc.wq': { shape: [3 * d.embed + STATE_FEATURES, d.hidden], init: 'glorot' },
    'enc.bq': { shape: [d.hidden], init: 'zeros' },
    'enc.we': { shape: [d.embed, d.hidden], init: 'glorot' },
    'enc.be': { shape: [d.hidden], init: 'zeros' },
    'enc.wz': { shape: [2 * d.hidden, d.hidden], init: 'glorot' },
    'enc.bz': { shape: [d.hidden], init: 'zeros' },
  };
}

/** The batch's distinct texts embedded once: long [U_long, D], short [U_short, D]. */
export interface Embedded {
  long: tf.Tensor2D;
  short: tf.Tensor2D;
}

export function embedTexts(p: ParamSet, batch: StateBatch): Embedded {
  const table = p.get('enc.embed') as unknown as tf.Tensor2D;
  return { long: embedBag(table, batch.long), short: embedBag(table, batch.short) };
}

export interface Encoded {
  /** Query [B, H]. */
  q: tf.Tensor2D;
  /** State vector [B, H]. */
  z: tf.Tensor2D;
}

/** Call inside tf.tidy / variableGrads. */
export function encodeStates(p: ParamSet, batch: StateBatch, texts: Embedded = embedTexts(p, batch)): Encoded {
  const H = p.get('enc.bq').shape[0];
  const queryIn = tf.concat([lookup(texts.long, batch.goal), lookup(texts.short, batch.subgoal), lookup(texts.long, batch.hist), batch.state], 1);
  const q = tf.tanh(tf.add(matMulFast(queryIn, p.get('enc.wq')), p.get('enc.bq'))) as tf.Tensor2D;
  // Row-wise layers commute with the lookup: each distinct element text is transformed once, then gathered.
  const elemTable = tf.tanh(tf.add(matMulFast(texts.short, p.get('enc.we')), p.get('enc.be'))) as tf.Tensor2D;
  // Scaled dot-product attention of q over the elements, on the packed element rows [N_e, H] (batch.ts);
  // only the scores are laid out per state [B, E] for the softmax, padding at −1e9.
  const elems = lookup(elemTable, batch.elems);
  const scores = tf.div(tf.sum(tf.mul(elems, lookup(q, batch.elemState)), 1, true), Math.sqrt(H));
  const perSlot = lookup(tf.concat([scores, tf.zeros([1, 1])], 0) as tf.Tensor2D, batch.elemSlot).reshape([batch.size, batch.maxElements]);
  const attention = tf.softmax(tf.add(perSlot, tf.mul(tf.sub(batch.elemMask, 1), 1e9)), 1);
  const weights = lookup(attention.reshape([-1, 1]) as tf.Tensor2D, batch.elemFlat);
  const context = segmentSum(tf.mul(elems, weights) as tf.Tensor2D, batch.elemState, batch.size);
  const z = tf.tanh(tf.add(matMulFast(tf.concat([q, context], 1), p.get('enc.wz')), p.get('enc.bz'))) as tf.Tensor2D;
  return { q, z };
}
