import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendName } from '../../main/training/backend';
import { describeDevice } from '../../main/training/backend-device';
import { disposeBatch, packPolicy, packStates } from '../../main/training/model/batch';
import { MAX_ANSWER_CANDIDATES } from '../../main/training/answer/answer-candidates';
import { CriticModel } from '../../main/training/model/critic-model';
import { CANDIDATE_FEATURES, featurize, STATE_FEATURES, type RawState, type StateFeatures } from '../../main/training/model/features';
import { PolicyModel, type PolicyModelConfig } from '../../main/training/model/policy-model';
import { criticStep, logProbsOf, policyStep, sftStep, type PolicySample } from '../../main/training/phases/updates';
import { DEFAULT_BATCH_SIZE, DEFAULT_CRITIC_BATCH_SIZE } from '../../main/training/training-defaults';
import { interleaved, matmulFlops, referenceNet, type ReferenceShape } from './trainer-reference';

/** Trainer throughput (issue 7, issue 16): SFT, MiRA policy (MSE log-ratio) and critic steps, and policy
 * inference, on synthetic shop-like states (20–99 elements, ≈ 80 candidates on average) with the default model
 * sizes; next to each, a plain tfjs dense network of the same matmul FLOPs per sample measured in the same
 * run (trainer-reference.ts). Each state offers MAX_ANSWER_CANDIDATES answers (BENCH_TRAINER_ANSWERS=0 for none).
 * BENCH_TRAINER_BACKEND picks a backend, BENCH_TRAINER_BATCH the batch size,
 * BENCH_TRAINER_CRITIC_BATCH the critics' (default: the trainer's, DEFAULT_CRITIC_BATCH_SIZE). */
export async function benchTrainer(
  steps = 10,
  batchSize = Number(process.env.BENCH_TRAINER_BATCH ?? DEFAULT_BATCH_SIZE),
  criticBatchSize = Number(process.env.BENCH_TRAINER_CRITIC_BATCH ?? DEFAULT_CRITIC_BATCH_SIZE),
  backend: BackendName | 'auto' = (process.env.BENCH_TRAINER_BACKEND as BackendName | undefined) ?? 'auto',
): Promise<TrainerBench> {
  const selection = await selectBackend(backend);
  const device = await describeDevice(selection.name);
  const results: TrainerBench['steps'] = [];
  console.log(`\n${selection.reason} Device: ${device}.`);
  console.log(`  batch size ${batchSize} (critics ${criticBatchSize}, as the trainer runs them); median of ${steps} steps after one warm-up, each step alternating with one of the reference;`);
  console.log('  samples/s is wall-clock; "per CPU-second" counts this process\'s CPU time only, which a loaded machine does not dilute');
  const policy = PolicyModel.init();
  const critic = CriticModel.init();
  const states = Array.from({ length: Math.max(batchSize, criticBatchSize) * 4 }, (_, i) => featurize(syntheticState(i), {}, policy.config.features));
  const samples: PolicySample[] = states.map((features, i) => ({ features, index: (i * 7) % features.cands.length, logpRef: -3, advantage: i % 2 ? 0.2 : -0.2 }));
  const batches = Array.from({ length: 4 }, (_, b) => samples.slice(b * batchSize, (b + 1) * batchSize));
  const criticBatches = Array.from({ length: 4 }, (_, b) => samples.slice(b * criticBatchSize, (b + 1) * criticBatchSize));
  // A critic step fits V on every state of the batch and P on the labelled half (in a phase P's labels cover
  // the episodes with subgoals; half is the conservative case for the samples/s figure).
  const valueBatches = criticBatches.map((b) => b.map((s, i) => ({ features: s.features, target: i % 2 })));
  const potentialBatches = criticBatches.map((b) => b.filter((_, i) => i % 2).map((s) => ({ features: s.features, target: 0.5 })));
  const policyOpt = tf.train.adam(0.001);
  const valueOpt = tf.train.adam(0.001);
  const potentialOpt = tf.train.adam(0.001);

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = batches[0].map((s) => s.features);
  // The reference is sized by the models' FLOPs as their formulas are written (formulaFlops), so that it
  // does not shrink when the implementation finds a cheaper way to compute the same function.
  const policyShape: ReferenceShape = { rowsPerSample: mean(first.map((f) => f.cands.length)), flopsPerSample: mean(first.map((f) => formulaFlops(f, policy.config, 'policy'))) };
  // One critic step runs V forward on every state and P on the labelled half.
  const criticShape: ReferenceShape = { rowsPerSample: mean(first.map((f) => f.elems.length)), flopsPerSample: 1.5 * mean(first.map((f) => formulaFlops(f, policy.config, 'critic'))) };
  // What the implementation executes, from tf.profile, one state at a time (no padding).
  const executed = async (work: (f: PolicySample['features']) => tf.TensorContainer) => {
    const flops: number[] = [];
    for (const f of first) flops.push(await matmulFlops(() => work(f)));
    return mean(flops);
  };
  const policyExecuted = await executed((f) => {
    const batch = packPolicy([f], policy.config.features);
    const out = policy.logits(batch);
    disposeBatch(batch);
    return out;
  });
  const criticExecuted = 1.5 * (await executed((f) => {
    const batch = packStates([f], critic.config.features);
    const out = critic.value.forward(batch);
    disposeBatch(batch);
    return out;
  }));

  const report = (label: string, fn: (b: number) => void, shape: ReferenceShape, mode: 'train' | 'infer', size = batchSize) => {
    const ref = referenceNet(shape, size);
    const t = interleaved(steps, (r) => fn(r % batches.length), () => ref.step(mode));
    ref.dispose();
    const rate = (ms: number) => size / (ms / 1000);
    const ours = rate(t.ours.wallMs);
    const reference = rate(t.reference.wallMs);
    results.push({ label, samplesPerSecond: ours, perCpuSecond: rate(t.ours.cpuMs), referenceRatio: ours / reference });
    console.log(
      `  ${label.padEnd(40)} ${ours.toFixed(0).padStart(6)} samples/s (${t.ours.wallMs.toFixed(1)} ms/batch)` +
        `   reference ${reference.toFixed(0).padStart(6)} samples/s (${ref.layers}×64 dense on ${Math.round(shape.rowsPerSample)} rows)` +
        `   ratio ${((100 * ours) / reference).toFixed(0)}%` +
        `   | per CPU-second: ${rate(t.ours.cpuMs).toFixed(0)} vs ${rate(t.reference.cpuMs).toFixed(0)}, ratio ${((100 * t.reference.cpuMs) / t.ours.cpuMs).toFixed(0)}%`,
    );
  };
  try {
    const m = (x: number) => `${(x / 1e6).toFixed(2)} M`;
    console.log(`  forward FLOPs per sample as the formulas are written (the reference's size): policy ${m(policyShape.flopsPerSample)} over ${policyShape.rowsPerSample.toFixed(0)} candidates, critic step ${m(criticShape.flopsPerSample)} over ${criticShape.rowsPerSample.toFixed(0)} elements; matmul FLOPs executed: ${m(policyExecuted)}, ${m(criticExecuted)}`);
    report('SFT step (−log π of demonstrated action)', (b) => sftStep(policy, policyOpt, batches[b]), policyShape, 'train');
    report('MiRA policy step (MSE log-ratio)', (b) => policyStep(policy, policyOpt, batches[b], 'mse', 0.1), policyShape, 'train');
    report('critic step (BCE value + MSE potential)', (b) => {
      // As the fit runs them (critic-fit.ts): no loss read back per step.
      criticStep(critic.value, valueOpt, valueBatches[b], 'bce', false);
      criticStep(critic.potential, potentialOpt, potentialBatches[b], 'mse', false);
    }, criticShape, 'train', criticBatchSize);
    report('policy inference (log π, no gradient)', (b) => logProbsOf(policy, batches[b], batchSize), policyShape, 'infer');
    console.log(`  model: policy ${policy.params.size().toLocaleString()} parameters, critics ${critic.size().toLocaleString()} (two networks); tensors alive ${tf.memory().numTensors}, data buffers ${tf.memory().numDataBuffers}`);
  } finally {
    policyOpt.dispose();
    valueOpt.dispose();
    potentialOpt.dispose();
    policy.dispose();
    critic.dispose();
  }
  return { backend: selection.name, device, steps: results };
}

/** What one backend's run measured (for `--backend a,b`, trainer-backends.ts). */
export interface TrainerBench {
  backend: BackendName;
  device: string;
  steps: Array<{ label: string; samplesPerSecond: number; perCpuSecond: number; referenceRatio: number }>;
}

/** Multiply-add FLOPs (2 per multiply-add) of one state's forward pass, layer by layer as the model is
 * written (model/encoder.ts, policy-model.ts, critic-model.ts): query, elements, z, then per candidate the
 * input layer, the hidden layer and the score (policy), or the head (a critic). */
function formulaFlops(f: StateFeatures, c: PolicyModelConfig, model: 'policy' | 'critic'): number {
  const { embed: D, hidden: H } = c.encoder;
  const encoder = (3 * D + STATE_FEATURES) * H + f.elems.length * D * H + 2 * H * H;
  const head = model === 'critic' ? H + STATE_FEATURES : f.cands.length * ((2 * D + 4 + CANDIDATE_FEATURES) * H + (2 * H + CANDIDATE_FEATURES) * c.scorerHidden + c.scorerHidden + CANDIDATE_FEATURES);
  return 2 * (encoder + head);
}

const WORDS = ['Laptops', 'Headphones', 'Cameras', 'Kitchen', 'Appliances', 'Home', 'Decor', 'Outdoor', 'Gear', 'Clothing', 'Shoes', 'Blender', 'Kettle', 'Mixer', 'Jacket', 'Boots', 'Clock', 'Toaster', 'Pro', 'Classic', 'Smart', 'Deluxe'];

function syntheticState(seed: number): RawState {
  const word = (i: number) => WORDS[(seed * 31 + i * 17) % WORDS.length];
  // Pages differ in size (20–99 nodes, mean ≈ 60), as real ones do, so padding to the batch maximum shows.
  const nodes = Array.from({ length: 20 + ((seed * 37) % 80) }, (_, i) => ({ id: String(i), role: i % 20 === 3 ? 'textbox' : i % 25 === 7 ? 'combobox' : i % 9 === 0 ? 'button' : 'link', name: `${word(i)} ${word(i + 1)}` }));
  return {
    intent: `Add 2 ${word(1)} ${word(2)} in Red to my cart.`,
    values: [{ key: 'qty', text: '2' }, { key: 'product', text: `${word(1)} ${word(2)}` }, { key: 'color', text: 'Red' }],
    subgoals: ['Search the store', 'Open the product page', 'Add it to the cart', 'The cart holds it'],
    progress: [1, seed % 2, 0, 0],
    t: seed % 10,
    nodes,
    past: [{ kind: 'type', elementName: 'Search', text: `${word(1)} ${word(2)}` }],
    // Every page offers answer candidates (issue 17), as many as the extractor keeps (BENCH_TRAINER_ANSWERS: fewer).
    answers: Array.from({ length: Number(process.env.BENCH_TRAINER_ANSWERS ?? MAX_ANSWER_CANDIDATES) }, (_, i) => (i % 3
      ? { text: `${word(i)} ${word(i + 2)}`, kind: 'text' as const, context: `cell ${word(i + 3)}` }
      : { text: `${(seed * 13 + i * 7) % 500}.99`, kind: 'number' as const, context: 'StaticText Price' })),
  };
}
