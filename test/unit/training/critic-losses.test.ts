import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  potentialCriticLoss,
  potentialCriticLossTensor,
  valueCriticLoss,
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
