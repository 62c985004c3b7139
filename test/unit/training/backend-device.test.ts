import { describe, expect, it } from 'vitest';
import { selectBackend } from '../../../main/training/backend';
import { describeDevice } from '../../../main/training/backend-device';

// Issue 17: the backend line of every job names the device it computes on.
describe('describeDevice', () => {
  it('names wasm with its SIMD support and thread count, once wasm is active', async () => {
    expect((await selectBackend('wasm')).name).toBe('wasm');
    expect(await describeDevice('wasm')).toMatch(/^wasm \((SIMD|no SIMD), \d+ threads?\)$/);
  });

  it('names the GPU from nvidia-smi, or says it is unknown', async () => {
    expect(await describeDevice('tensorflow-gpu')).toMatch(/^tfjs-node-gpu \(CUDA, .+\)$/);
  });

  it('says "unknown" for what a probe cannot read rather than failing', async () => {
    const broken = async () => {
      throw new Error('no module');
    };
    expect(await describeDevice('wasm', broken)).toMatch(/^wasm \((SIMD|no SIMD|SIMD unknown), threads unknown\)$/);
    expect(await describeDevice('cpu')).toBe('cpu (plain JavaScript, 1 thread)');
  });
});
