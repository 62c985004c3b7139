import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendName } from '../../main/training/backend';
import { CriticModel } from '../../main/training/model/critic-model';
import { featurize, type RawState } from '../../main/training/model/features';
import { PolicyModel } from '../../main/training/model/policy-model';
import { criticStep, logProbsOf, policyStep, sftStep, type PolicySample } from '../../main/training/phases/updates';
import { median } from './stats';

/** Trainer throughput (issue 7: "npm run bench prints trainer samples/s for the backend in use"): SFT,
 * MiRA policy (MSE log-ratio) and critic steps, and policy inference, on synthetic shop-like states (≈ 60
 * elements, ≈ 80 candidates each) with the default model sizes. BENCH_TRAINER_BACKEND picks a backend. */
export async function benchTrainer(steps = 10, batchSize = 16): Promise<void> {
  const selection = await selectBackend((process.env.BENCH_TRAINER_BACKEND as BackendName | undefined) ?? 'auto');
  console.log(`\n${selection.reason}`);
  const policy = PolicyModel.init();
  const critic = CriticModel.init();
  const states = Array.from({ length: batchSize * 4 }, (_, i) => featurize(syntheticState(i), {}, policy.config.features));
  const samples: PolicySample[] = states.map((features, i) => ({ features, index: (i * 7) % features.cands.length, logpRef: -3, advantage: i % 2 ? 0.2 : -0.2 }));
  const batches = Array.from({ length: 4 }, (_, b) => samples.slice(b * batchSize, (b + 1) * batchSize));
  const policyOpt = tf.train.adam(0.001);
  const criticOpt = tf.train.adam(0.001);
  const rate = (label: string, fn: (b: PolicySample[]) => void, perStep = batchSize) => {
    fn(batches[0]); // warm-up (kernels, optimizer slots)
    const times: number[] = [];
    for (let s = 0; s < steps; s++) {
      const started = performance.now();
      fn(batches[s % batches.length]);
      times.push(performance.now() - started);
    }
    const perSecond = perStep / (median(times) / 1000);
    console.log(`  ${label.padEnd(44)} ${perSecond.toFixed(0).padStart(7)} samples/s   (median ${median(times).toFixed(1)} ms per batch of ${perStep})`);
  };
  try {
    rate('SFT step (−log π of demonstrated action)', (b) => sftStep(policy, policyOpt, b));
    rate('MiRA policy step (MSE log-ratio)', (b) => policyStep(policy, policyOpt, b, 'mse', 0.1));
    rate('critic step (BCE value + MSE potential)', (b) => criticStep(critic, criticOpt, b.map((s, i) => ({ features: s.features, outcome: i % 2, label: i % 2 ? 0.5 : null })), true));
    rate('policy inference (log π, no gradient)', (b) => logProbsOf(policy, b));
    console.log(`  model: policy ${policy.params.size().toLocaleString()} parameters, critics ${critic.params.size().toLocaleString()}; tensors alive ${tf.memory().numTensors}, data buffers ${tf.memory().numDataBuffers}`);
  } finally {
    policyOpt.dispose();
    criticOpt.dispose();
    policy.dispose();
    critic.dispose();
  }
}

const WORDS = ['Laptops', 'Headphones', 'Cameras', 'Kitchen', 'Appliances', 'Home', 'Decor', 'Outdoor', 'Gear', 'Clothing', 'Shoes', 'Blender', 'Kettle', 'Mixer', 'Jacket', 'Boots', 'Clock', 'Toaster', 'Pro', 'Classic', 'Smart', 'Deluxe'];

function syntheticState(seed: number): RawState {
  const word = (i: number) => WORDS[(seed * 31 + i * 17) % WORDS.length];
  const nodes = Array.from({ length: 60 }, (_, i) => ({ id: String(i), role: i % 20 === 3 ? 'textbox' : i % 25 === 7 ? 'combobox' : i % 9 === 0 ? 'button' : 'link', name: `${word(i)} ${word(i + 1)}` }));
  return {
    intent: `Add 2 ${word(1)} ${word(2)} in Red to my cart.`,
    values: [{ key: 'qty', text: '2' }, { key: 'product', text: `${word(1)} ${word(2)}` }, { key: 'color', text: 'Red' }],
    subgoals: ['Search the store', 'Open the product page', 'Add it to the cart', 'The cart holds it'],
    progress: [1, seed % 2, 0, 0],
    t: seed % 10,
    nodes,
    past: [{ kind: 'type', elementName: 'Search', text: `${word(1)} ${word(2)}` }],
  };
}


