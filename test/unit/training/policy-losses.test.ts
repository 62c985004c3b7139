import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionLogProbs,
  awrFilteredLoss,
  awrWeightedLoss,
  klStyleLoss,
  mseLogRatioLoss,
} from '../../../main/training/policy-losses';
import { useCpuBackend } from './tf-setup';

beforeAll(useCpuBackend);

const value = (make: () => tf.Scalar): number => tf.tidy(() => make().dataSync()[0]);

// Shared hand-worked batch (N = 2):
//   log π_θ = [−1, −2], log π_ref = [−1.5, −1], A = [.1, −.2], β = .1
//   log-ratio = [.5, −1]
const logpTheta = [-1, -2];
const logpRef = [-1.5, -1];
const adv = [0.1, -0.2];

describe('mseLogRatioLoss (docs/design/MIRA.md §4.11)', () => {
  it('matches mean((β·log-ratio − A)²) by hand', () => {
    // β·log-ratio = [.05, −.1]; minus A = [.05 − .1, −.1 + .2] = [−.05, .1]; squares [.0025, .01]; mean .00625
    expect(value(() => mseLogRatioLoss(tf.tensor1d(logpTheta), logpRef, adv, 0.1))).toBeCloseTo(0.00625, 7);
    // default β = .1 gives the same
    expect(value(() => mseLogRatioLoss(tf.tensor1d(logpTheta), logpRef, adv))).toBeCloseTo(0.00625, 7);
    // zero where the log-ratio equals A/β: log-ratio [1, −2] with A = [.1, −.2]
    expect(value(() => mseLogRatioLoss(tf.tensor1d([0, -3]), [-1, -1], adv, 0.1))).toBeCloseTo(0, 7);
  });

  it('refuses mismatched shapes and a non-positive β', () => {
    tf.tidy(() => {
      expect(() => mseLogRatioLoss(tf.tensor1d(logpTheta), [-1], adv)).toThrow(/must match/);
      expect(() => mseLogRatioLoss(tf.tensor1d(logpTheta), logpRef, adv, 0)).toThrow(/beta/);
    });
  });
});

describe('klStyleLoss (ablation: raise sampled actions by A₊, k3 KL to π_ref)', () => {
  it('matches −mean(A₊·log π_θ) + β·mean(ρ − 1 − log ρ) by hand', () => {
    // A₊ = [.1, 0]: −mean(.1·(−1), 0·(−2)) = −(−.1 + 0)/2 = .05
    // k3 with log ρ = [.5, −1]: e^.5 − 1 − .5 = .1487213;  e^−1 − 1 + 1 = .3678794;  mean .2583003
    // total .05 + .1·.2583003 = .0758300
    expect(value(() => klStyleLoss(tf.tensor1d(logpTheta), logpRef, adv, 0.1))).toBeCloseTo(0.07583, 6);
  });

  it('clips the log-ratio so the KL estimate stays finite', () => {
    // log ρ = 100 clipped to 20 with A = 0: β·(e^20 − 1 − 20) = .1·(485165195.41 − 21) ≈ 48516517.4
    const kl = value(() => klStyleLoss(tf.tensor1d([0]), [-100], [0], 0.1));
    expect(Number.isFinite(kl)).toBe(true);
    expect(kl / 48516517.4).toBeCloseTo(1, 5);
  });
});

describe('awrWeightedLoss (ablation: AWR weights exp(A/β))', () => {
  it('matches −mean(exp(A/β)·log π) by hand', () => {
    // A/β = [1, −2]; weights [e, e^−2] = [2.7182818, .1353353]
    // −mean(2.7182818·(−1), .1353353·(−2)) = (2.7182818 + .2706706)/2 = 1.4944762
    expect(value(() => awrWeightedLoss(tf.tensor1d(logpTheta), adv, 0.1))).toBeCloseTo(1.4944762, 5);
  });

  it('clips the weight at maxWeight (default 20)', () => {
    // A/β = 1/.1 = 10, e^10 = 22026 → 20; −(20·(−1)) = 20
    expect(value(() => awrWeightedLoss(tf.tensor1d([-1]), [1], 0.1))).toBeCloseTo(20, 4);
    // a huge advantage does not overflow: still 20
    expect(value(() => awrWeightedLoss(tf.tensor1d([-1]), [1e6], 0.1))).toBeCloseTo(20, 4);
    // custom clip 5: −(5·(−2)) = 10
    expect(value(() => awrWeightedLoss(tf.tensor1d([-2]), [1], 0.1, 5))).toBeCloseTo(10, 4);
  });
});

describe('awrFilteredLoss (ablation: keep A > 0)', () => {
  it('is −mean log π over the kept samples', () => {
    // A = [.1, −.2, .3] keeps samples 0 and 2: −(−1 + −3)/2 = 2
    expect(value(() => awrFilteredLoss(tf.tensor1d([-1, -2, -3]), [0.1, -0.2, 0.3]))).toBeCloseTo(2, 6);
  });

  it('is 0 with zero gradient when nothing has A > 0 (A = 0 is not kept)', () => {
    const x = tf.variable(tf.tensor1d([-1, -2]));
    const { value: loss, grads } = tf.variableGrads(() => awrFilteredLoss(x, [-1, 0]), [x]);
    expect(Math.abs(loss.dataSync()[0])).toBe(0); // −(0/1)
    expect(Array.from(grads[x.name].dataSync()).map(Math.abs)).toEqual([0, 0]);
    tf.dispose([x, loss, grads[x.name]]);
  });
});

describe('actionLogProbs (oneHot × logSoftmax, wasm-safe)', () => {
  it('picks log π(a|s) of the sampled actions', () => {
    // logits [0, ln 2, 0] → probabilities [1, 2, 1]/4 = [.25, .5, .25]
    const lp = tf.tidy(() => Array.from(actionLogProbs(tf.tensor2d([[0, Math.log(2), 0], [0, Math.log(2), 0]]), [1, 0]).dataSync()));
    expect(lp[0]).toBeCloseTo(Math.log(0.5), 6); // −.6931472
    expect(lp[1]).toBeCloseTo(Math.log(0.25), 6); // −1.3862944
  });

  it('rejects out-of-range actions', () => {
    tf.tidy(() => {
      expect(() => actionLogProbs(tf.tensor2d([[0, 0]]), [2])).toThrow(/not an index in \[0, 2\)/);
      expect(() => actionLogProbs(tf.tensor2d([[0, 0]]), [0, 1])).toThrow(/2 actions for 1 rows/);
    });
  });
});

// A one-state, three-action categorical policy whose logits are a tf.variable; π_ref = the initial policy.
describe('policy gradients on a small categorical policy', () => {
  const initLogits = [[0, Math.log(2), 0]]; // π = [.25, .5, .25]
  const action = [1];

  /** One SGD step (lr) on `loss`; returns log π(a = 1) before and after. */
  function sgdStep(loss: (logp: tf.Tensor1D) => tf.Scalar, lr = 1): { before: number; after: number; grad: number[] } {
    const logits = tf.variable(tf.tensor2d(initLogits));
    const optimizer = tf.train.sgd(lr);
    const logpOf = (): number => tf.tidy(() => actionLogProbs(logits, action).dataSync()[0]);
    const before = logpOf();
    const { value: v, grads } = tf.variableGrads(() => loss(actionLogProbs(logits, action)), [logits]);
    const grad = Array.from(grads[logits.name].dataSync());
    optimizer.applyGradients(grads);
    const after = logpOf();
    tf.dispose([v, grads[logits.name], logits]);
    optimizer.dispose();
    return { before, after, grad };
  }

  const refLogp = [Math.log(0.5)]; // log π_ref(a = 1): the log-ratio starts at 0

  it('MSE: a positive advantage raises the action, with the hand-derived gradient', () => {
    // dL/dlogp = 2·(β·0 − A)·β = 2·(−1)·.1 = −.2 (N = 1)
    // dlogp/dlogits = onehot(1) − π = [−.25, .5, −.25]  → dL/dlogits = [.05, −.1, .05]
    const { before, after, grad } = sgdStep((lp) => mseLogRatioLoss(lp, refLogp, [1], 0.1));
    expect(grad[0]).toBeCloseTo(0.05, 6);
    expect(grad[1]).toBeCloseTo(-0.1, 6);
    expect(grad[2]).toBeCloseTo(0.05, 6);
    // new logits [−.05, ln 2 + .1, −.05]: π(1) = 2e^.1/(2e^.1 + 2e^−.05) = 1/(1 + e^−.15) = .5374298
    expect(after).toBeGreaterThan(before);
    expect(Math.exp(after)).toBeCloseTo(0.5374298, 5);
  });

  it('MSE: a negative advantage lowers the action explicitly', () => {
    // gradient flips sign: [−.05, .1, −.05]; π(1) = 1/(1 + e^.15) = .4625702
    const { before, after } = sgdStep((lp) => mseLogRatioLoss(lp, refLogp, [-1], 0.1));
    expect(after).toBeLessThan(before);
    expect(Math.exp(after)).toBeCloseTo(0.4625702, 5);
  });

  it('KL-style: a positive advantage raises the action, a negative one leaves it where π_ref has it', () => {
    // A = 1 at π_θ = π_ref: dL/dlogp = −A₊ + β·(ρ − 1) = −1 + 0 → raises
    const up = sgdStep((lp) => klStyleLoss(lp, refLogp, [1], 0.1), 0.1);
    expect(up.after).toBeGreaterThan(up.before);
    // A = −1: A₊ = 0 and the k3 gradient (ρ − 1)·∇logp is 0 at ρ = 1 → no change (unlike MSE)
    const flat = sgdStep((lp) => klStyleLoss(lp, refLogp, [-1], 0.1), 0.1);
    expect(flat.grad.every((g) => Math.abs(g) < 1e-7)).toBe(true);
    expect(flat.after).toBeCloseTo(flat.before, 7);
  });

  it('AWR (both variants): a positive advantage raises the action', () => {
    const weighted = sgdStep((lp) => awrWeightedLoss(lp, [1], 0.1), 0.01);
    expect(weighted.after).toBeGreaterThan(weighted.before);
    const filtered = sgdStep((lp) => awrFilteredLoss(lp, [1]), 0.1);
    expect(filtered.after).toBeGreaterThan(filtered.before);
  });
});

describe('tensor hygiene', () => {
  it('a full loss + gradient + update step leaks no tensors', () => {
    // Everything long-lived (variables, optimizer, batch constants) exists before the count is taken.
    const logits = tf.variable(tf.randomNormal([4, 3], 0, 1, 'float32', 7) as tf.Tensor2D);
    const actions = tf.tensor1d([0, 2, 1, 2], 'int32');
    const refLogp = tf.tidy(() => actionLogProbs(logits, actions));
    const advantages = tf.tensor1d([0.3, -0.2, 0.5, -0.1]);
    const optimizer = tf.train.sgd(0.1);
    const before = tf.memory().numTensors;

    // The production shape of a step: variableGrads inside tidy, apply, dispose what tidy returns.
    for (const loss of [
      () => mseLogRatioLoss(actionLogProbs(logits, actions), refLogp, advantages, 0.1),
      () => klStyleLoss(actionLogProbs(logits, actions), refLogp, advantages, 0.1),
      () => awrWeightedLoss(actionLogProbs(logits, actions), advantages, 0.1),
      () => awrFilteredLoss(actionLogProbs(logits, actions), advantages),
    ]) {
      const lossValue = tf.tidy(() => {
        const { value: v, grads } = tf.variableGrads(loss, [logits]);
        optimizer.applyGradients(grads);
        return v;
      });
      expect(Number.isFinite(lossValue.dataSync()[0])).toBe(true);
      lossValue.dispose();
      // optimizer.minimize is the other way production code may call it.
      optimizer.minimize(loss, true, [logits])?.dispose();
    }

    expect(tf.memory().numTensors).toBe(before);

    // Called bare (e.g. to report a loss), each function leaves exactly one tensor behind: its result.
    const bare = mseLogRatioLoss(refLogp, refLogp, advantages, 0.1);
    expect(tf.memory().numTensors).toBe(before + 1);
    bare.dispose();
    const bareLogp = actionLogProbs(logits, [0, 1, 2, 0]);
    expect(tf.memory().numTensors).toBe(before + 1);
    bareLogp.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([logits, actions, refLogp, advantages]);
    optimizer.dispose();
  });
});
