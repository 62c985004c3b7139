import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../../main/training/backend';
import { lookup } from '../../../main/training/model/embedding';
import { matMulData, matMulFast } from '../../../main/training/model/matmul';
import { useCpuBackend } from './tf-setup';

afterAll(useCpuBackend);

/** Gradients of a scalar loss through `product` with respect to both operands. */
function gradients(product: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor, a: tf.Tensor2D, b: tf.Tensor2D, weights: tf.Tensor2D): number[][] {
  const grad = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.tanh(product(x, y)), weights)));
  return tf.tidy(() => grad([a, b]).map((g) => Array.from(g.dataSync())));
}

/** wasm without IS_TEST: its per-kernel leak check misfires on customGrad ops there (as backend.test.ts notes). */
async function use(backend: 'cpu' | 'wasm'): Promise<void> {
  if (backend === 'cpu') return useCpuBackend();
  tf.env().set('IS_TEST', false);
  expect((await selectBackend('wasm')).name).toBe('wasm');
}

// Issue 16: the custom gradient transposes explicitly so wasm's backward products take the untransposed
// (XNNPACK) path; it must compute the same numbers as autograd's.
describe.each(['cpu', 'wasm'] as const)('matMulFast on %s', (backend) => {
  it('has the value and the gradients of tf.matMul within 1e-5', async () => {
    await use(backend);
    const a = tf.randomNormal([37, 23], 0, 1, 'float32', 1) as tf.Tensor2D;
    const b = tf.randomNormal([23, 11], 0, 1, 'float32', 2) as tf.Tensor2D;
    const w = tf.randomNormal([37, 11], 0, 1, 'float32', 3) as tf.Tensor2D;
    const plain = gradients((x, y) => tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D), a, b, w);
    const fast = gradients((x, y) => matMulFast(x, y), a, b, w);
    const close = (xs: number[], ys: number[]) => xs.forEach((x, i) => expect(Math.abs(x - ys[i])).toBeLessThan(1e-5));
    close(tf.tidy(() => Array.from(matMulFast(a, b).dataSync())), tf.tidy(() => Array.from(tf.matMul(a, b).dataSync())));
    expect(fast[0]).toHaveLength(37 * 23);
    expect(fast[1]).toHaveLength(23 * 11);
    close(fast[0], plain[0]);
    close(fast[1], plain[1]);
    // matMulData: a is data, only b gets a gradient, the same as tf.matMul's.
    const onlyB = tf.tidy(() => Array.from(tf.grad((y: tf.Tensor) => tf.sum(tf.mul(tf.tanh(matMulData(a, y)), w)))(b).dataSync()));
    close(onlyB, plain[1]);
    tf.dispose([a, b, w]);
  });

  it('lookup gathers rows and sums the gradient of repeated ids on this backend too', async () => {
    await use(backend);
    const table = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
    const ids = tf.tensor1d([2, 0, 2], 'int32');
    expect(tf.tidy(() => lookup(table, ids).arraySync())).toEqual([[5, 6], [1, 2], [5, 6]]);
    const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(lookup(t as tf.Tensor2D, ids), tf.tensor2d([[1, 1], [2, 2], [3, 3]]))));
    expect(tf.tidy(() => grad(table).arraySync())).toEqual([[2, 2], [0, 0], [4, 4]]);
    expect(() => tf.tidy(() => lookup(table, tf.tensor1d([3], 'int32')).dataSync())).toThrow(backend === 'wasm' ? /row 3 outside a table of 3 rows/ : /./);
    tf.dispose([table, ids]);
  });
});
