// The one matrix product of the encoder, the policy and the critics. tfjs-wasm runs a product on its fast
// XNNPACK path only when neither operand is transposed, but autograd's backward products are the transposed
// kind (dA = dY·Bᵀ, dB = Aᵀ·dY), measured ~7× slower than the forward ones on wasm. This gradient transposes
// explicitly (a copy, O(size)) and then multiplies untransposed, so backward runs at forward speed. On other
// backends it computes the same numbers (docs/design/MIRA.md §4.17 "Speed").
import * as tf from '@tensorflow/tfjs';

/** a·b for a [M, K], b [K, N] → [M, N], differentiable in both. Call inside tf.tidy / variableGrads. */
export function matMulFast(a: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  return product(a, b) as tf.Tensor2D;
}

/** x·w where x is data (no gradient wanted, e.g. a batch's features) and w is differentiable: the backward
 * pass computes only dw = xᵀ·dY, not the unused dx (a customGrad cannot tell which inputs need one). */
export function matMulData(x: tf.Tensor, w: tf.Tensor): tf.Tensor2D {
  const byWeights = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [weights, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    save([]);
    return { value: tf.matMul(x as tf.Tensor2D, weights), gradFunc: (dy: tf.Tensor) => [tf.matMul(tf.transpose(x as tf.Tensor2D), dy as tf.Tensor2D)] };
  });
  return byWeights(w) as tf.Tensor2D;
}

const product = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [a, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor2D, tf.Tensor2D];
      return [tf.matMul(dy as tf.Tensor2D, tf.transpose(sb)), tf.matMul(tf.transpose(sa), dy as tf.Tensor2D)];
    },
  };
});
