import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCandidates, candidateAction, findCandidate, intentValues } from '../../../main/training/model/candidates';
import { checkpointPath, loadCheckpoint, saveCheckpoint } from '../../../main/training/model/checkpoint';
import { CriticModel } from '../../../main/training/model/critic-model';
import { lookup } from '../../../main/training/model/embedding';
import { featurize, CANDIDATE_FEATURES } from '../../../main/training/model/features';
import { LocalScorer } from '../../../main/training/model/local-scorer';
import { PolicyModel } from '../../../main/training/model/policy-model';
import { disposeBatch, packPolicy } from '../../../main/training/model/batch';
import { criticStep, logProbsOf, policyStep, sftStep, type PolicySample } from '../../../main/training/phases/updates';
import { shopState } from './model-fixtures';
import { useCpuBackend } from './tf-setup';

beforeAll(useCpuBackend);

const vocab = { 'Sort By': ['Position', 'Price: Low to High', 'Product Name'] };
const policy = PolicyModel.init(undefined, 7);
afterAll(() => policy.dispose());
const features = () => featurize(shopState(), vocab, policy.config.features);

describe('candidates (issue 7: element × action type, typed text from the intent, stop)', () => {
  it('builds clicks, type × value × Enter, select × (values ∪ learned options) and stop', () => {
    const raw = shopState();
    const cands = buildCandidates(raw.nodes, raw.values, vocab, 500);
    expect(cands[0]).toEqual({ kind: 'stop', text: '' });
    expect(cands.filter((c) => c.kind === 'click')).toHaveLength(4);
    expect(cands.filter((c) => c.kind === 'type')).toHaveLength(2 * 2);
    expect(cands.filter((c) => c.kind === 'select').map((c) => c.text)).toEqual(['Shoes', 'price from low to high', 'Position', 'Price: Low to High', 'Product Name']);
    const action = { type: 'select' as const, elementId: '375', text: 'Price: Low to High' };
    const i = findCandidate(action, cands, raw.nodes);
    expect(candidateAction(cands[i], raw.nodes)).toEqual(action);
    expect(findCandidate({ type: 'type', elementId: '9', text: 'Shoes', pressEnter: true }, cands, raw.nodes)).toBeGreaterThan(0);
    expect(findCandidate({ type: 'type', elementId: '9', text: 'Boots' }, cands, raw.nodes)).toBe(-1);
  });

  it('takes values from the instantiation, else quoted spans and numbers of the intent', () => {
    expect(intentValues('x', { qty: 3, product: 'Trek Pack' })).toEqual([{ key: 'qty', text: '3' }, { key: 'product', text: 'Trek Pack' }]);
    expect(intentValues('Post "hello there" with 5 stars').map((v) => v.text)).toEqual(['hello there', '5']);
  });

  it('gives each candidate the lexical match features (element named in the current subgoal …)', () => {
    const f = features();
    const shoes = f.cands.findIndex((c) => c.kind === 'click' && c.element === 4);
    expect(f.candFeats[shoes]).toHaveLength(CANDIDATE_FEATURES);
    expect(f.candFeats[shoes][7]).toBe(1); // "Shoes" appears in the current subgoal
    expect(f.candFeats[f.cands.findIndex((c) => c.kind === 'click' && c.element === 3)][7]).toBe(0);
  });
});

describe('embedding lookup gradient (ScatterNd instead of gather\'s UnsortedSegmentSum)', () => {
  it('sums the gradient of repeated ids', () => {
    const table = tf.variable(tf.tensor2d([[1, 2], [3, 4], [5, 6]]));
    const { grads, value } = tf.variableGrads(() => tf.sum(tf.mul(lookup(table as unknown as tf.Tensor2D, tf.tensor1d([2, 0, 2], 'int32')), tf.tensor2d([[1, 1], [2, 2], [3, 3]]))) as tf.Scalar, [table]);
    expect(value.dataSync()[0]).toBe(50);
    expect(Object.values(grads)[0].arraySync()).toEqual([[2, 2], [0, 0], [4, 4]]);
    tf.dispose([table, value, ...Object.values(grads)]);
  });
});

/** The policy's formula written plainly for one state (issue 7's model, before issue 16's speed-ups): a bag
 * embedding per text, the query, attention over the elements, z, then per candidate the concatenated input
 * [elem; kind; text; feats]·W_c, [z ⊙ cand; cand; feats]·W_1, and the scores. */
function plainLogits(model: PolicyModel, f: ReturnType<typeof featurize>): number[] {
  return tf.tidy(() => {
    const p = (name: string) => model.params.get(name) as unknown as tf.Tensor2D;
    const table = p('enc.embed');
    const bag = (ids: number[]) => (ids.length ? tf.mul(tf.sum(tf.gather(table, ids), 0), 1 / Math.sqrt(ids.length)) : tf.zeros([table.shape[1]])).reshape([1, -1]);
    const dense = (x: tf.Tensor, w: string, b?: string) => (b ? tf.add(tf.matMul(x as tf.Tensor2D, p(w)), p(b)) : tf.matMul(x as tf.Tensor2D, p(w)));
    const q = tf.tanh(dense(tf.concat([bag(f.goal), bag(f.subgoal), bag(f.hist), tf.tensor2d([f.state])], 1), 'enc.wq', 'enc.bq'));
    const elems = tf.tanh(dense(tf.concat(f.elems.map(bag), 0), 'enc.we', 'enc.be'));
    const attention = tf.softmax(tf.div(tf.matMul(q, elems, false, true), Math.sqrt(q.shape[1]!)));
    const z = tf.tanh(dense(tf.concat([q, tf.matMul(attention, elems)], 1), 'enc.wz', 'enc.bz'));
    const kind = tf.oneHot(f.candKind, 4).toFloat();
    const feats = tf.tensor2d(f.candFeats);
    const candIn = tf.concat([tf.concat(f.candElem.map(bag), 0), kind, tf.concat(f.candText.map(bag), 0), feats], 1);
    const cand = tf.tanh(dense(candIn, 'pol.wc', 'pol.bc'));
    const hidden = tf.relu(dense(tf.concat([tf.mul(z, cand), cand, feats], 1), 'pol.w1', 'pol.b1'));
    return Array.from(tf.add(dense(hidden, 'pol.w2'), dense(feats, 'pol.wf')).dataSync());
  });
}

describe('policy model', () => {
  it('packed candidates, block products and per-text layers compute the plain formula (within 1e-5)', () => {
    const states = [shopState(), shopState({ t: 2, progress: [1, 1, 0], past: [{ kind: 'click', elementName: 'Shoes', text: '' }] }), shopState({ nodes: shopState().nodes.slice(0, 3) })];
    const feats = states.map((raw) => featurize(raw, vocab, policy.config.features));
    expect(new Set(feats.map((f) => f.cands.length)).size).toBeGreaterThan(1); // padding is exercised
    const batch = packPolicy(feats, policy.config.features);
    const logits = tf.tidy(() => policy.logits(batch).arraySync());
    disposeBatch(batch);
    feats.forEach((f, b) => {
      const expected = plainLogits(policy, f);
      expected.forEach((x, c) => expect(Math.abs(logits[b][c] - x)).toBeLessThan(1e-5));
      logits[b].slice(f.cands.length).forEach((x) => expect(x).toBeLessThan(-1e8));
    });
  });

  it('scores a page without actionable elements (only stop) alone and next to others', () => {
    const empty = featurize(shopState({ nodes: [] }), vocab, policy.config.features);
    expect(empty.elems).toHaveLength(0);
    for (const states of [[empty], [empty, features()]]) {
      const batch = packPolicy(states, policy.config.features);
      const probs = policy.probabilities(batch, states.map((f) => f.cands.length));
      disposeBatch(batch);
      expect(probs[0]).toEqual([1]);
      expect(probs.at(-1)!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    // A batch of such pages alone has one candidate column: log π(stop) = 0, and a step still runs.
    expect(logProbsOf(policy, [{ features: empty, index: 0 }])).toEqual([0]);
    const optimizer = tf.train.sgd(0.01);
    expect(sftStep(policy, optimizer, [{ features: empty, index: 0, logpRef: 0, advantage: 0 }])).toBeCloseTo(0, 6);
    optimizer.dispose();
  });
});

describe('training steps', () => {
  it('leak no tensors across a step (after the optimizer has made its slots)', () => {
    const samples: PolicySample[] = [{ features: features(), index: 5, logpRef: -2, advantage: 0.3 }];
    const optimizer = tf.train.adam(0.01);
    const critic = CriticModel.init(undefined, 3);
    // One optimizer per network: tfjs's Adam keeps its moments by position in the variable list.
    const valueOpt = tf.train.adam(0.01);
    const potentialOpt = tf.train.adam(0.01);
    const criticSamples = [{ features: features(), target: 1 }, { features: features(), target: 0 }];
    // Warm-up creates Adam's moment variables.
    policyStep(policy, optimizer, samples, 'mse', 0.1);
    sftStep(policy, optimizer, samples);
    criticStep(critic.value, valueOpt, criticSamples, 'bce');
    criticStep(critic.potential, potentialOpt, criticSamples, 'mse');
    const before = tf.memory().numTensors;
    policyStep(policy, optimizer, samples, 'mse', 0.1);
    policyStep(policy, optimizer, samples, 'kl', 0.1);
    policyStep(policy, optimizer, samples, 'awr', 0.1);
    sftStep(policy, optimizer, samples);
    criticStep(critic.value, valueOpt, criticSamples, 'bce');
    criticStep(critic.potential, potentialOpt, criticSamples, 'mse');
    criticStep(critic.value, valueOpt, criticSamples, 'bce', false); // the fit's step: no loss kept or read
    logProbsOf(policy, samples);
    new LocalScorer(policy, vocab).score(shopState());
    expect(tf.memory().numTensors).toBe(before);
    optimizer.dispose();
    valueOpt.dispose();
    potentialOpt.dispose();
    critic.dispose();
  });

  it('a critic step that does not read its loss back trains exactly as one that does', () => {
    const samples = [{ features: features(), target: 1 }, { features: features(), target: 0 }];
    const [read, silent] = [CriticModel.init(undefined, 5), CriticModel.init(undefined, 5)];
    const [readOpt, silentOpt] = [tf.train.adam(0.01), tf.train.adam(0.01)];
    for (let i = 0; i < 3; i++) {
      expect(criticStep(read.value, readOpt, samples, 'bce')).toBeGreaterThan(0);
      expect(criticStep(silent.value, silentOpt, samples, 'bce', false)).toBeNull();
    }
    const weights = (c: CriticModel) => c.value.params.list().map((v) => Array.from(v.dataSync()));
    expect(weights(silent)).toEqual(weights(read));
    const untrained = CriticModel.init(undefined, 5);
    expect(weights(silent)).not.toEqual(weights(untrained));
    readOpt.dispose();
    silentOpt.dispose();
    [read, silent, untrained].forEach((c) => c.dispose());
  });

  it('an MSE log-ratio step moves log π of a positive-advantage action up and of a negative one down', () => {
    const model = PolicyModel.init(undefined, 11);
    const f = features();
    const up = f.cands.findIndex((c) => c.kind === 'click' && c.element === 4);
    const down = f.cands.findIndex((c) => c.kind === 'click' && c.element === 3);
    const other = featurize(shopState({ t: 1, progress: [1, 0, 0] }), vocab, model.config.features);
    const samples = [{ features: f, index: up }, { features: other, index: down }];
    const ref = logProbsOf(model, samples);
    const optimizer = tf.train.sgd(0.05);
    policyStep(model, optimizer, [
      { ...samples[0], logpRef: ref[0], advantage: 0.5 },
      { ...samples[1], logpRef: ref[1], advantage: -0.5 },
    ], 'mse', 0.1);
    const after = logProbsOf(model, samples);
    expect(after[0]).toBeGreaterThan(ref[0]);
    expect(after[1]).toBeLessThan(ref[1]);
    optimizer.dispose();
    model.dispose();
  });
});

describe('checkpoints', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mira-ckpt-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('save → load gives identical scores (policy and critics)', async () => {
    const critic = CriticModel.init(undefined, 5);
    const path = await saveCheckpoint(dir, { meta: { phase: 3, variant: 'full', createdAt: 'now' }, vocab, policy, critic });
    expect(path).toBe(checkpointPath(dir, 3));
    const loaded = await loadCheckpoint(dir); // a directory loads its latest phase
    expect(loaded.meta.phase).toBe(3);
    expect(loaded.vocab).toEqual(vocab);
    const batch = packPolicy([features()], policy.config.features);
    const a = tf.tidy(() => Array.from(policy.logits(batch).dataSync()));
    const b = tf.tidy(() => Array.from(loaded.policy.logits(batch).dataSync()));
    expect(b).toEqual(a);
    expect(loaded.critic!.predict(batch)).toEqual(critic.predict(batch));
    disposeBatch(batch);
    loaded.policy.dispose();
    loaded.critic!.dispose();
    critic.dispose();
  });

  it('reads a critic saved before issue 16 (one shared encoder, heads val.* and pot.*) into two networks', () => {
    const critic = CriticModel.init(undefined, 6);
    const value = critic.value.params.toJSON();
    const legacy = { ...Object.fromEntries(Object.entries(value).filter(([k]) => k.startsWith('enc.'))), 'val.w': value['head.w'], 'val.b': value['head.b'], 'pot.w': value['head.w'], 'pot.b': value['head.b'] };
    const loaded = CriticModel.fromJSON(critic.config, legacy);
    const batch = packPolicy([features()], policy.config.features);
    // Both networks start from the shared encoder; with the same head they agree with the original V.
    expect(loaded.predict(batch)).toEqual({ value: critic.value.predict(batch), potential: critic.value.predict(batch) });
    expect(loaded.value.params.get('enc.embed')).not.toBe(loaded.potential.params.get('enc.embed'));
    expect(() => CriticModel.fromJSON(critic.config, { 'enc.embed': value['enc.embed'] })).toThrow(/legacy "val.w"/);
    disposeBatch(batch);
    loaded.dispose();
    critic.dispose();
  });
});
