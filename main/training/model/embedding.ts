// Bag-of-hashed-n-gram embeddings that train on every backend. tf.gather's gradient needs the
// UnsortedSegmentSum kernel, which the wasm backend lacks (docs/design/STACK.md §4), so the lookup has a custom gradient
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

/** gather(table, ids) with a ScatterNd gradient for the table. Shapes: table [V, D], ids [N] → [N, D].
 * Also the packed policy batch's join of each candidate with its state's vector (batch.ts). */
export function lookup(table: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  return gatherRows(table, ids) as tf.Tensor2D;
}

const gatherRows = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [t, i, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  save([i]);
  return {
    value: tf.getBackend() === 'wasm' ? copyRows(t, i) : tf.gather(t, i),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [tf.scatterND(tf.expandDims(saved[0], 1), dy, t.shape), tf.zerosLike(saved[0])],
  };
});

/** The gather as a row copy in JavaScript. tfjs-wasm's Gather kernel is ~20× slower than this copy (measured
 * 8–10 ms vs 0.4 ms for 8,448 rows of 32), and on wasm reading a tensor is a plain memory copy, not a device
 * sync; the other backends keep tf.gather. */
function copyRows(table: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  const [rows, width] = table.shape;
  const source = table.dataSync() as Float32Array;
  const index = ids.dataSync();
  const out = new Float32Array(index.length * width);
  for (let r = 0; r < index.length; r++) {
    const from = index[r];
    if (from < 0 || from >= rows) throw new Error(`lookup: row ${from} outside a table of ${rows} rows`);
    out.set(source.subarray(from * width, (from + 1) * width), r * width);
  }
  return tf.tensor2d(out, [index.length, width]);
}

/** Row sums per segment: out[s] = Σ_{i : segments[i] = s} x[i]. Shapes: x [N, D], segments [N] → [count, D].
 * ScatterNd sums duplicate indices; the gradient is the lookup of dy by segment. (tf.unsortedSegmentSum has
 * no wasm kernel.) */
export function segmentSum(x: tf.Tensor2D, segments: tf.Tensor1D, count: number): tf.Tensor2D {
  const sum = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [rows, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    save([]);
    return { value: tf.scatterND(tf.expandDims(segments, 1), rows, [count, rows.shape[1]]), gradFunc: (dy: tf.Tensor) => [lookup(dy as tf.Tensor2D, segments)] };
  });
  return sum(x) as tf.Tensor2D;
}

/** Weighted sum of a bag's embeddings. Shapes: table [V, D] → [rows, D]. */
export function embedBag(table: tf.Tensor2D, bag: Bag): tf.Tensor2D {
  return tf.tidy(() => {
    const d = table.shape[1];
    const vectors = lookup(table, bag.ids).reshape([bag.rows, bag.len, d]);
    return tf.sum(tf.mul(vectors, tf.expandDims(bag.weights, 2)), 1) as tf.Tensor2D;
  });
}
