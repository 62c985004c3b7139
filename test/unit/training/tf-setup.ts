import * as tf from '@tensorflow/tfjs';

/** Tensor tests run on the pure-JS cpu backend: always registered, deterministic, and fast for tiny tensors
 * (the wasm backend is exercised by backend.test.ts). IS_TEST silences tfjs's "install tfjs-node" banner. */
export async function useCpuBackend(): Promise<void> {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
  await tf.ready();
}
