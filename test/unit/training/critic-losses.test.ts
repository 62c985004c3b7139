import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  potentialCriticLoss,
  potentialCriticLossTensor,
  valueCriticLoss,
  valueCriticLossFromLogits,
  valueCriticLossFromLogitsTensor,
  valueCriticLossTensor,
} from '../../../main/training/critic-losses';
import { useCpuBackend } from './tf-setup';

beforeAll(useCpuBackend);

describe('valueCriticLoss (docs/design/MIRA.md §4.2: BCE against the outcome)', () => {
  it('matches hand-worked cross-entropy for a successful episode', () => {
    // r = 1: −mean(ln .8, ln .5) = (0.2231436 + 0.6931472)/2 = 0.4581454
    expect(valueCriticLoss([0.8, 0.5], 1)).toBeCloseTo(0.4581454, 6);
    expect(valueCriticLoss([0.8, 0.5], [1, 1])).toBeCloseTo(0.4581454, 6);
  });

  it('matches hand-worked cross-entropy for a failed episode', () => {
    // r = 0: −mean(ln(1 − .2), ln(1 − .9)) = (0.2231436 + 2.3025851)/2 = 1.2628643
    expect(valueCriticLoss([0.2, 0.9], 0)).toBeCloseTo(1.2628643, 6);
  });

  it('clamps V to [ε, 1 − ε] so a saturated critic gives a finite loss', () => {
    // V = 1 with r = 0: −ln(1 − (1 − 1e-7)) = −ln(1e-7) = 16.1180957
    expect(valueCriticLoss([1], 0)).toBeCloseTo(16.1180957, 4);
    // V = 0 with r = 1: −ln(1e-7) = 16.1180957; a larger ε bounds it lower: −ln(1e-3) = 6.9077553
    expect(valueCriticLoss([0], 1)).toBeCloseTo(16.1180957, 4);
    expect(valueCriticLoss([0], 1, 1e-3)).toBeCloseTo(6.9077553, 6);
  });

  it('rejects mismatched or out-of-range input', () => {
    expect(() => valueCriticLoss([0.5, 0.5], [1])).toThrow(/same length/);
    expect(() => valueCriticLoss([1.2], 1)).toThrow(/values\[0\]/);
    expect(() => valueCriticLoss([0.5], 2)).toThrow(/outcomes\[0\]/);
    expect(() => valueCriticLoss([], 1)).toThrow(/must not be empty/);
    expect(() => valueCriticLoss([Number.NaN], 1)).toThrow(/finite/);
  });
});

describe('potentialCriticLoss (docs/design/MIRA.md §4.4: MSE against p*)', () => {
  it('matches hand-worked mean squared error', () => {
    // ((.2 − 0)² + (.5 − .5)² + (1 − .8)²)/3 = (.04 + 0 + .04)/3 = 0.0266667
    expect(potentialCriticLoss([0.2, 0.5, 1.0], [0, 0.5, 0.8])).toBeCloseTo(0.0266667, 6);
    expect(potentialCriticLoss([0.3], [0.3])).toBe(0);
  });

  it('rejects mismatched lengths', () => {
    expect(() => potentialCriticLoss([0.1, 0.2], [0.1])).toThrow(/same length/);
  });
});

describe('critic losses on tensors', () => {
  it('give the same values as the number[] versions (float32 precision)', () => {
    const bce = tf.tidy(() => valueCriticLossTensor(tf.tensor1d([0.8, 0.5]), tf.tensor1d([1, 1])).dataSync()[0]);
    expect(bce).toBeCloseTo(0.4581454, 5);
    const saturated = tf.tidy(() => valueCriticLossTensor(tf.tensor1d([1]), tf.tensor1d([0])).dataSync()[0]);
    expect(Number.isFinite(saturated)).toBe(true); // float32 1 − 1e-7 rounds, but the clamp still keeps it finite
    expect(saturated).toBeGreaterThan(10);
    const mse = tf.tidy(() =>
      potentialCriticLossTensor(tf.tensor1d([0.2, 0.5, 1.0]), tf.tensor1d([0, 0.5, 0.8])).dataSync()[0],
    );
    expect(mse).toBeCloseTo(0.0266667, 6);
  });

  it('have the hand-derived gradients', () => {
    // BCE, r = 1, N = 2: dL/dV_i = −1/(N·V_i) → −1/(2·.8) = −.625, −1/(2·.5) = −1
    const bceGrad = tf.tidy(() =>
      tf.grad((v: tf.Tensor) => valueCriticLossTensor(v, tf.tensor1d([1, 1])))(tf.tensor1d([0.8, 0.5])).arraySync(),
    ) as number[];
    expect(bceGrad[0]).toBeCloseTo(-0.625, 5);
    expect(bceGrad[1]).toBeCloseTo(-1, 5);
    // MSE, N = 3: dL/dP_i = 2(P_i − p*_i)/N → 2·.2/3 = .1333, 0, 2·.2/3 = .1333
    const mseGrad = tf.tidy(() =>
      tf
        .grad((p: tf.Tensor) => potentialCriticLossTensor(p, tf.tensor1d([0, 0.5, 0.8])))(tf.tensor1d([0.2, 0.5, 1.0]))
        .arraySync(),
    ) as number[];
    expect(mseGrad[0]).toBeCloseTo(0.133333, 5);
    expect(mseGrad[1]).toBeCloseTo(0, 6);
    expect(mseGrad[2]).toBeCloseTo(0.133333, 5);
  });

  it('refuse shapes that would broadcast', () => {
    tf.tidy(() => {
      expect(() => potentialCriticLossTensor(tf.tensor1d([0.1, 0.2]), tf.tensor2d([[0.1], [0.2]]))).toThrow(/must match/);
      expect(() => valueCriticLossTensor(tf.tensor1d([0.1, 0.2]), tf.tensor1d([1]))).toThrow(/must match/);
    });
  });
});

describe('valueCriticLossFromLogits (docs/design/MIRA.md §4.2: the same BCE from V\'s logits, no clamp)', () => {
  it('matches the hand-worked BCE: z = [2, −1], r = [1, 0]', () => {
    // softplus(2) − 2 = log(1 + e²) − 2 = 2.1269280 − 2 = 0.1269280 (= −log σ(2) = −log .8807971)
    // softplus(−1) − 0 = log(1 + e⁻¹) = 0.3132617 (= −log(1 − σ(−1)) = −log .7310586); mean 0.2200948
    expect(valueCriticLossFromLogits([2, -1], [1, 0])).toBeCloseTo(0.2200948, 6);
    expect(valueCriticLossFromLogits([2, -1], [1, 0])).toBeCloseTo(valueCriticLoss([1 / (1 + Math.exp(-2)), 1 / (1 + Math.exp(1))], [1, 0]), 6);
    expect(valueCriticLossFromLogits([0], 1)).toBeCloseTo(Math.LN2, 10);
  });

  it('keeps growing where the clamped form stops at −log ε: z = 20, r = 0 → 20 (clamped: 16.118)', () => {
    expect(valueCriticLossFromLogits([20], 0)).toBeCloseTo(20, 6);
    expect(valueCriticLossFromLogits([-30], 1)).toBeCloseTo(30, 6);
    expect(valueCriticLossFromLogits([30], 1)).toBeCloseTo(0, 10);
  });

  it('refuses bad input', () => {
    expect(() => valueCriticLossFromLogits([1, 2], [1])).toThrow(/same length/);
    expect(() => valueCriticLossFromLogits([Number.POSITIVE_INFINITY], 1)).toThrow(/finite/);
    expect(() => valueCriticLossFromLogits([1], 2)).toThrow(/outcomes\[0\]/);
    expect(() => valueCriticLossFromLogits([], 1)).toThrow(/must not be empty/);
  });

  it('the tensor version gives the same values and dL/dz = (σ(z) − r)/N', () => {
    const loss = tf.tidy(() => valueCriticLossFromLogitsTensor(tf.tensor1d([2, -1]), tf.tensor1d([1, 0])).dataSync()[0]);
    expect(loss).toBeCloseTo(0.2200948, 5);
    // (σ(2) − 1)/2 = (.8807971 − 1)/2 = −.0596015; (σ(−1) − 0)/2 = .2689414/2 = .1344707
    const grad = tf.tidy(() =>
      tf.grad((z: tf.Tensor) => valueCriticLossFromLogitsTensor(z, tf.tensor1d([1, 0])))(tf.tensor1d([2, -1])).arraySync(),
    ) as number[];
    expect(grad[0]).toBeCloseTo(-0.0596015, 5);
    expect(grad[1]).toBeCloseTo(0.1344707, 5);
  });

  it('a saturated wrong V still gets a gradient (the clamped form gives none)', () => {
    // z = 17 and 20 with r = 0: σ(z) ≈ 1, so dL/dz ≈ (1 − 0)/2 = .5 each; through sigmoid + clamp it is 0.
    const z = () => tf.tensor1d([17, 20]);
    const r = () => tf.tensor1d([0, 0]);
    const fromLogits = tf.tidy(() => tf.grad((x: tf.Tensor) => valueCriticLossFromLogitsTensor(x, r()))(z()).arraySync()) as number[];
    expect(fromLogits[0]).toBeCloseTo(0.5, 5);
    expect(fromLogits[1]).toBeCloseTo(0.5, 5);
    const clamped = tf.tidy(() => tf.grad((x: tf.Tensor) => valueCriticLossTensor(tf.sigmoid(x), r()))(z()).arraySync()) as number[];
    expect(clamped).toEqual([0, 0]);
    const value = tf.tidy(() => valueCriticLossFromLogitsTensor(z(), r()).dataSync()[0]);
    expect(value).toBeCloseTo(18.5, 4); // (17 + 20)/2, float32
  });

  it('refuses shapes that would broadcast', () => {
    tf.tidy(() => {
      expect(() => valueCriticLossFromLogitsTensor(tf.tensor1d([0.1, 0.2]), tf.tensor1d([1]))).toThrow(/must match/);
    });
  });
});
