// Policy objectives of MiRA and of the ablations the workbench must offer (docs/design/MIRA.md §4.11,
// arXiv 2603.19685 §3). All take per-sample log-probabilities of the sampled actions, so the same code
// serves a small categorical head (see actionLogProbs) and a sequence model (sum of token log-probs).
//
// Every function returns a scalar tf.Tensor that the caller owns: call them inside tf.variableGrads /
// optimizer.minimize (which dispose intermediates) or tf.tidy. Advantages, reference log-probs and weights
// are constants: gradients flow only through logpTheta.

import * as tf from '@tensorflow/tfjs';
import { MiraDefaults } from './defaults';
import { assertPositive, assertSameShape } from './validate';

/** A tensor, or plain numbers turned into a float32 tensor (for constants such as advantages). */
export type TensorInput = tf.Tensor | readonly number[];

/** AWR's weight clip exp(A/β) ≤ 20, as in Peng et al. 2019 (AWR). */
export const DEFAULT_AWR_MAX_WEIGHT = 20;
/** |log(π_θ/π_ref)| is clipped to this before exp in the KL estimate; exp(88) already overflows float32. */
export const DEFAULT_MAX_LOG_RATIO = 20;

/**
 * log π(a_i | s_i) of the sampled actions of a categorical policy.
 * Shapes: logits [N, A], actions [N] integer indices in [0, A); returns [N].
 * Uses oneHot × logSoftmax rather than gather: gather's gradient needs the UnsortedSegmentSum kernel, which
 * the wasm backend lacks, and gather with batchDims is wrong on wasm (docs/design/STACK.md §4).
 */
export function actionLogProbs(logits: tf.Tensor2D, actions: tf.Tensor1D | readonly number[]): tf.Tensor1D {
  const [n, numActions] = logits.shape;
  const actionCount = Array.isArray(actions) ? actions.length : (actions as tf.Tensor1D).shape[0];
  if (actionCount !== n) throw new Error(`actionLogProbs: ${actionCount} actions for ${n} rows of logits`);
  if (Array.isArray(actions)) {
    actions.forEach((a, i) => {
      if (!Number.isInteger(a) || a < 0 || a >= numActions) {
        throw new Error(`actionLogProbs: actions[${i}] = ${String(a)} is not an index in [0, ${numActions})`);
      }
    });
  }
  return tf.tidy(() => {
    const idx = Array.isArray(actions) ? tf.tensor1d(actions as number[], 'int32') : (actions as tf.Tensor1D).toInt();
    // tf.oneHot needs depth ≥ 2; with a single action (a page offering only stop) the mask is all ones.
    const mask = numActions === 1 ? tf.onesLike(logits) : tf.oneHot(idx, numActions).toFloat();
    return tf.sum(tf.mul(tf.logSoftmax(logits), mask), 1) as tf.Tensor1D;
  });
}

/**
 * MiRA's objective: L = mean_i (β·(log π_θ(a_i|s_i) − log π_ref(a_i|s_i)) − A_i)².
 * Shapes: logpTheta, logpRef, advantages [N]; returns a scalar. Its minimum sets the log-ratio to A/β, so
 * A > 0 raises the action, A < 0 lowers it explicitly, and the log-ratio keeps π_θ near π_ref. Valid on any
 * data distribution (off-policy, replay allowed).
 */
export function mseLogRatioLoss(
  logpTheta: tf.Tensor,
  logpRef: TensorInput,
  advantages: TensorInput,
  beta: number = MiraDefaults.beta,
): tf.Scalar {
  assertPositive('beta', beta);
  return tf.tidy(() => {
    const ref = asTensor(logpRef);
    const adv = asTensor(advantages);
    assertSameShape('logpTheta', logpTheta, 'logpRef', ref);
    assertSameShape('logpTheta', logpTheta, 'advantages', adv);
    const logRatio = tf.sub(logpTheta, ref);
    return tf.mean(tf.square(tf.sub(tf.mul(beta, logRatio), adv))) as tf.Scalar;
  });
}

/**
 * KL-style ablation ("KL instead of MSE"). The paper names this ablation but gives no formula; this is our
 * reading of it (docs/design/MIRA.md §4.12): raise sampled actions in proportion to their positive
 * advantage, with a KL penalty towards π_ref.
 *   L = −mean_i(max(A_i, 0)·log π_θ(a_i|s_i)) + β·mean_i((ρ_i − 1) − log ρ_i),   ρ_i = π_θ(a_i|s_i)/π_ref(a_i|s_i)
 * Choice of KL estimate: the samples come from the behaviour policy, which is π_ref (the previous phase's
 * policy), so (ρ − 1) − log ρ is Schulman's low-variance "k3" estimator of KL(π_ref ‖ π_θ): non-negative per
 * sample and unbiased because E_ref[ρ] = 1. Its gradient (ρ − 1)·∇log π_θ vanishes at π_θ = π_ref, so the
 * penalty only pulls back actions that drifted; it never pushes an action down because its advantage is
 * negative. That is the difference to MSE the ablation measures. log ρ is clipped to ±maxLogRatio.
 * Shapes: logpTheta, logpRef, advantages [N]; returns a scalar.
 */
export function klStyleLoss(
  logpTheta: tf.Tensor,
  logpRef: TensorInput,
  advantages: TensorInput,
  beta: number = MiraDefaults.beta,
  maxLogRatio: number = DEFAULT_MAX_LOG_RATIO,
): tf.Scalar {
  assertPositive('beta', beta);
  assertPositive('maxLogRatio', maxLogRatio);
  return tf.tidy(() => {
    const ref = asTensor(logpRef);
    const adv = asTensor(advantages);
    assertSameShape('logpTheta', logpTheta, 'logpRef', ref);
    assertSameShape('logpTheta', logpTheta, 'advantages', adv);
    const positiveAdv = tf.relu(adv);
    const pg = tf.neg(tf.mean(tf.mul(positiveAdv, logpTheta)));
    const logRatio = tf.clipByValue(tf.sub(logpTheta, ref), -maxLogRatio, maxLogRatio);
    const kl = tf.mean(tf.sub(tf.sub(tf.exp(logRatio), 1), logRatio));
    return tf.add(pg, tf.mul(beta, kl)) as tf.Scalar;
  });
}

/**
 * AWR ablation, weighted: L = −mean_i(min(exp(A_i/β), maxWeight)·log π_θ(a_i|s_i)).
 * Weights are constants (no gradient through A). exp is taken of min(A/β, log maxWeight), so a large
 * advantage cannot overflow to Infinity. Shapes: logpTheta, advantages [N]; returns a scalar.
 */
export function awrWeightedLoss(
  logpTheta: tf.Tensor,
  advantages: TensorInput,
  beta: number = MiraDefaults.beta,
  maxWeight: number = DEFAULT_AWR_MAX_WEIGHT,
): tf.Scalar {
  assertPositive('beta', beta);
  assertPositive('maxWeight', maxWeight);
  return tf.tidy(() => {
    const adv = asTensor(advantages);
    assertSameShape('logpTheta', logpTheta, 'advantages', adv);
    const weights = tf.exp(tf.minimum(tf.div(adv, beta), Math.log(maxWeight)));
    return tf.neg(tf.mean(tf.mul(weights, logpTheta))) as tf.Scalar;
  });
}

/**
 * AWR ablation, hard filter: L = −mean over {i : A_i > 0} of log π_θ(a_i|s_i) (filtered behaviour cloning).
 * A mask rather than gather keeps it differentiable on wasm; with no positive advantage the loss is 0 and
 * still connected to logpTheta, so variableGrads returns zero gradients instead of throwing.
 * Shapes: logpTheta, advantages [N]; returns a scalar.
 */
export function awrFilteredLoss(logpTheta: tf.Tensor, advantages: TensorInput): tf.Scalar {
  return tf.tidy(() => {
    const adv = asTensor(advantages);
    assertSameShape('logpTheta', logpTheta, 'advantages', adv);
    const keep = tf.greater(adv, 0).toFloat();
    const kept = tf.maximum(tf.sum(keep), 1);
    return tf.neg(tf.div(tf.sum(tf.mul(keep, logpTheta)), kept)) as tf.Scalar;
  });
}

// Array.isArray rather than instanceof tf.Tensor: a second copy of tfjs-core (e.g. under tfjs-node) has its
// own Tensor class.
function asTensor(x: TensorInput): tf.Tensor {
  return Array.isArray(x) ? tf.tensor1d(x as number[], 'float32') : (x as tf.Tensor).toFloat();
}
