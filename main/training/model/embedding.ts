// Bag-of-hashed-n-gram embeddings that train on every backend. tf.gather's gradient needs the
// UnsortedSegmentSum kernel, which the wasm backend lacks (STACK.md), so the lookup has a custom gradient
// that scatters with ScatterNd (present on cpu, wasm and tfjs-node; duplicates are summed).
import * as tf from '@tensorflow/tfjs';

/** Rows of a [N, L] id table, padded with id 0 (weight 0); weights 1/√len per real id. */
export interface Bag {
  ids: tf.Tensor1D;
  weights: tf.Tensor2D;
  rows: number;
  len: number;
}

export function makeBag(lists: readonly number[][], len: number): Bag {
  const rows = lists.length;
  const ids = new Int32Array(rows * len);
  const weights = new Float32Array(rows * len);
  lists.forEach((list, r) => {
    const n = Math.min(list.length, len);
    const w = n ? 1 / Math.sqrt(n) : 0;
    for (let i = 0; i < n; i++) {
      ids[r * len + i] = list[i];
      weights[r * len + i] = w;
    }
  });
  return { ids: tf.tensor1d(ids, 'int32'), weights: tf.tensor2d(weights, [rows, len]), rows, len };
}

export function disposeBag(bag: Bag): void {
  bag.ids.dispose();
  bag.weights.dispose();
}

/** gather(table, ids) with a ScatterNd gradient for the table. Shapes: table [V, D], ids [N] → [N, D]. */
export function lookup(table: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  const f = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [t, i, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    save([i]);
    return {
      value: tf.gather(t, i as tf.Tensor1D),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [tf.scatterND(tf.expandDims(saved[0], 1), dy, t.shape), tf.zeros(saved[0].shape)],
    };
  });
  return f(table, ids) as tf.Tensor2D;
}

/** Weighted sum of a bag's embeddings. Shapes: table [V, D] → [rows, D]. */
export function embedBag(table: tf.Tensor2D, bag: Bag): tf.Tensor2D {
  return tf.tidy(() => {
    const d = table.shape[1];
    const vectors = lookup(table, bag.ids).reshape([bag.rows, bag.len, d]);
    return tf.sum(tf.mul(vectors, tf.expandDims(bag.weights, 2)), 1) as tf.Tensor2D;
  });
}
