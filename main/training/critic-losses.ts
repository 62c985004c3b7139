// Losses of MiRA's two critics (docs/design/MIRA.md §4.2, §4.4, arXiv 2603.19685 §3).
// Each comes twice: a number[] version for reports and tests, and a tf.Tensor version for training. The two
// compute the same mean, so the number[] version is also the reference the tensor version is tested against.

import * as tf from '@tensorflow/tfjs';
import { assertFiniteArray, assertInRange, assertNonEmpty, assertSameLength, assertSameShape } from './validate';

/** Clamp used on V before taking logs: a sigmoid saturates to exactly 0 or 1 in float32, and log(0) = −∞. */
export const DEFAULT_BCE_EPSILON = 1e-7;

/**
 * Value-critic loss: mean binary cross-entropy of V(s_t, g) against the episode's binary outcome r.
 *   L = −mean_t [ r_t·log(clamp(V_t)) + (1 − r_t)·log(1 − clamp(V_t)) ],  clamp to [ε, 1 − ε].
 * Shapes: values [N] in [0, 1]; outcomes [N] in [0, 1] (one per state, every state of an episode carries
 * that episode's r) or a single number broadcast to all N. Returns a scalar. Trained on true outcomes only,
 * never on shaped rewards (docs/design/MIRA.md §4.2).
 */
export function valueCriticLoss(
  values: readonly number[],
  outcomes: readonly number[] | number,
  epsilon: number = DEFAULT_BCE_EPSILON,
): number {
  assertNonEmpty('values', values);
  assertFiniteArray('values', values);
  assertInRange('epsilon', epsilon, 0, 0.5);
  const targets = typeof outcomes === 'number' ? values.map(() => outcomes) : outcomes;
  assertFiniteArray('outcomes', targets);
  assertSameLength('values', values, 'outcomes', targets);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    assertInRange(`values[${i}]`, values[i], 0, 1);
    assertInRange(`outcomes[${i}]`, targets[i], 0, 1);
    const v = Math.min(Math.max(values[i], epsilon), 1 - epsilon);
    sum += -(targets[i] * Math.log(v) + (1 - targets[i]) * Math.log(1 - v));
  }
  return sum / values.length;
}

/**
 * The same BCE computed from V's logits z (V = σ(z)), with no clamp (docs/design/MIRA.md §4.2):
 *   L = mean_t [ softplus(z_t) − r_t·z_t ],  softplus(z) = max(z, 0) + log(1 + exp(−|z|))
 * Equal to valueCriticLoss where V is not saturated; where it is, the loss keeps growing with |z| instead of
 * stopping at −log ε, so a confidently wrong V is reported (and, in the tensor version, trained) as such.
 * Shapes: logits [N], finite; outcomes as in valueCriticLoss. Returns a scalar.
 */
export function valueCriticLossFromLogits(logits: readonly number[], outcomes: readonly number[] | number): number {
  assertNonEmpty('logits', logits);
  assertFiniteArray('logits', logits);
  const targets = typeof outcomes === 'number' ? logits.map(() => outcomes) : outcomes;
  assertFiniteArray('outcomes', targets);
  assertSameLength('logits', logits, 'outcomes', targets);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    assertInRange(`outcomes[${i}]`, targets[i], 0, 1);
    const z = logits[i];
    sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - targets[i] * z;
  }
  return sum / logits.length;
}

/**
 * Potential-critic loss: mean squared error of P(s_t, g) against the progress labels p*_t.
 *   L = mean_t (P_t − p*_t)²
 * Shapes: potentials [N], labels [N] (see progressLabels). Returns a scalar.
 */
export function potentialCriticLoss(potentials: readonly number[], labels: readonly number[]): number {
  assertNonEmpty('potentials', potentials);
  assertFiniteArray('potentials', potentials);
  assertFiniteArray('labels', labels);
  assertSameLength('potentials', potentials, 'labels', labels);
  let sum = 0;
  for (let i = 0; i < potentials.length; i++) sum += (potentials[i] - labels[i]) ** 2;
  return sum / potentials.length;
}

/**
 * Tensor version of valueCriticLoss, differentiable in `values`.
 * Shapes: values [N] (or any shape) in [0, 1], outcomes of the same shape; returns a scalar tf.Tensor.
 * The clamp's gradient is zero outside [ε, 1 − ε], so a saturated wrong V gets no gradient: training uses
 * valueCriticLossFromLogitsTensor. The caller owns the returned tensor (call inside tf.tidy or variableGrads).
 */
export function valueCriticLossTensor(
  values: tf.Tensor,
  outcomes: tf.Tensor,
  epsilon: number = DEFAULT_BCE_EPSILON,
): tf.Scalar {
  assertInRange('epsilon', epsilon, 0, 0.5);
  assertSameShape('values', values, 'outcomes', outcomes);
  return tf.tidy(() => {
    const v = tf.clipByValue(values, epsilon, 1 - epsilon);
    const r = outcomes.toFloat();
    const perState = tf.add(tf.mul(r, tf.log(v)), tf.mul(tf.sub(1, r), tf.log(tf.sub(1, v))));
    return tf.neg(tf.mean(perState)) as tf.Scalar;
  });
}

/**
 * Tensor version of valueCriticLossFromLogits, differentiable in `logits`: mean(softplus(z) − r·z). This is what
 * the value critic trains with: dL/dz_i = (σ(z_i) − r_i)/N never vanishes on a wrong prediction, where the
 * clamped form's gradient is zero once σ(z) leaves [ε, 1 − ε] (|z| ≳ 16), so a saturated wrong V could not
 * be moved back (tfjs's softplus is the stable form above). Shapes as valueCriticLossTensor; caller owns it.
 */
export function valueCriticLossFromLogitsTensor(logits: tf.Tensor, outcomes: tf.Tensor): tf.Scalar {
  assertSameShape('logits', logits, 'outcomes', outcomes);
  return tf.tidy(() => tf.mean(tf.sub(tf.softplus(logits), tf.mul(outcomes.toFloat(), logits))) as tf.Scalar);
}

/**
 * Tensor version of potentialCriticLoss: mean((P − p*)²), differentiable in `potentials`.
 * Shapes: potentials and labels of the same shape; returns a scalar tf.Tensor owned by the caller.
 */
export function potentialCriticLossTensor(potentials: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  assertSameShape('potentials', potentials, 'labels', labels);
  return tf.tidy(() => tf.mean(tf.squaredDifference(potentials, labels.toFloat())) as tf.Scalar);
}
