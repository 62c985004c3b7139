import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend, type BackendName } from '../../../main/training/backend';
import { featurize, type RawState } from '../../../main/training/model/features';
import { PolicyModel } from '../../../main/training/model/policy-model';
import { logProbsOf, sftStep, type PolicySample } from '../../../main/training/phases/updates';

// Issue 17, "ready for a GPU": the same computation on tfjs-node-gpu keeps float32 results within tolerance of
// wasm — log π of fixed states from the same initial weights, the SFT loss of one step and log π after it.
// Runs where @tensorflow/tfjs-node-gpu loads (an optional dependency: it needs CUDA and its native binary);
// elsewhere it is skipped and says why.
const gpuMissing = await import('@tensorflow/tfjs-node-gpu' as string).then(() => null, (e: Error) => e.message.split('\n')[0]);
if (gpuMissing) console.log(`backend parity (tfjs-node-gpu vs wasm) skipped: @tensorflow/tfjs-node-gpu is not available here (${gpuMissing})`);

/** Small shop-like states: a search box, links and a button, different per index. */
function state(i: number): RawState {
  const words = ['Laptop', 'Kettle', 'Boots', 'Camera', 'Jacket', 'Mixer'];
  const nodes = [{ id: '0', role: 'textbox', name: 'Search' }, ...Array.from({ length: 8 + i }, (_, k) => ({ id: String(k + 1), role: k % 3 ? 'link' : 'button', name: `${words[(i + k) % 6]} ${k}` }))];
  return { intent: `Add a ${words[i % 6]} to my cart`, values: [{ key: 'product', text: words[i % 6] }], subgoals: ['Find it', 'Add it'], progress: [i % 2, 0], t: i, nodes, past: [] };
}

async function run(backend: BackendName): Promise<{ before: number[]; loss: number; after: number[] }> {
  const selection = await selectBackend(backend);
  expect(selection.name).toBe(backend);
  const policy = PolicyModel.init(undefined, 7);
  const optimizer = tf.train.adam(0.01);
  try {
    const samples: PolicySample[] = Array.from({ length: 12 }, (_, i) => {
      const features = featurize(state(i), {}, policy.config.features);
      return { features, index: i % features.cands.length, logpRef: -2, advantage: 0 };
    });
    const before = logProbsOf(policy, samples);
    const loss = sftStep(policy, optimizer, samples);
    return { before, loss, after: logProbsOf(policy, samples) };
  } finally {
    optimizer.dispose();
    policy.dispose();
  }
}

const close = (a: number[], b: number[]) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(v))));
};

describe('backends keep float32 results within tolerance of wasm', () => {
  it.skipIf(gpuMissing !== null)('tfjs-node-gpu: log π, the SFT loss and log π after one step agree', async () => {
    const wasm = await run('wasm');
    const gpu = await run('tensorflow-gpu');
    close(gpu.before, wasm.before);
    close([gpu.loss], [wasm.loss]);
    close(gpu.after, wasm.after);
  }, 300_000);

  // The same comparison on the fallback every machine has, so the check itself is known to work here.
  it('cpu: log π, the SFT loss and log π after one step agree', async () => {
    const wasm = await run('wasm');
    const cpu = await run('cpu');
    expect(wasm.before.length).toBe(12);
    expect(wasm.after).not.toEqual(wasm.before);
    close(cpu.before, wasm.before);
    close([cpu.loss], [wasm.loss]);
    close(cpu.after, wasm.after);
  }, 300_000);
});
