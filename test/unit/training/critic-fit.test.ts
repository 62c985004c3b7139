import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueHeldOutGap } from '../../../main/training/critics/held-out-note';
import { CriticModel } from '../../../main/training/model/critic-model';
import { PolicyModel } from '../../../main/training/model/policy-model';
import { fitCritics, heldOutCount, splitEpisodes, type CriticEpisode } from '../../../main/training/phases/critic-fit';
import { HeldOutStop } from '../../../main/training/phases/held-out-stop';
import { criticEpisode, trajectoryStates } from '../../../main/training/phases/mira-phase';
import type { PolicyStep, Trajectory } from '../../../main/training/rollout/record';
import { shopState } from './model-fixtures';
import { useCpuBackend } from './tf-setup';

// V's held-out split and early stop (docs/design/MIRA.md §4.6). The audit's case: a phase with 2 successes held
// none out (round(2·0.2) = 0), the slice was failures only, and the fit kept epoch 0 — the previous phase's
// "always fail" V — with a held-out BCE of 4e-6. Hand-worked numbers.

beforeAll(useCpuBackend);

describe('heldOutCount: episodes held out of one outcome (fraction 0.2)', () => {
  it('holds none of a group of one, at least one of two or more when both outcomes can spare one, never the whole group', () => {
    // n:           0  1  2  3  4  5  8  24
    // round(0.2n): 0  0  0  1  1  1  2  5   → at least 1 from n ≥ 2 when both outcomes have two or more
    expect([0, 1, 2, 3, 4, 5, 8, 24].map((n) => heldOutCount(n, 0.2, true))).toEqual([0, 0, 1, 1, 1, 1, 2, 5]);
    expect([0, 1, 2, 3, 4, 5, 8, 24].map((n) => heldOutCount(n, 0.2, false))).toEqual([0, 0, 0, 1, 1, 1, 2, 5]);
    // A large fraction still leaves one to train on: round(0.9·5) = 5 → 4; round(0.5·2) = 1.
    expect(heldOutCount(5, 0.9, false)).toBe(4);
    expect(heldOutCount(2, 0.5, false)).toBe(1);
    // Fraction 0 turns the held-out slice off.
    expect(heldOutCount(24, 0, true)).toBe(0);
  });

  it('splitEpisodes: 2 successes and 22 failures hold out 1 success and round(4.4) = 4 failures', () => {
    const outcomes = Array.from({ length: 24 }, (_, i) => (i === 5 || i === 17 ? 1 : 0));
    const { train, heldOut } = splitEpisodes(outcomes, 0.2, 9);
    expect(heldOut.filter((i) => outcomes[i] === 1)).toHaveLength(1);
    expect(heldOut.filter((i) => outcomes[i] === 0)).toHaveLength(4);
    expect(train).toHaveLength(19);
    expect([...train, ...heldOut].sort((a, b) => a - b)).toEqual(outcomes.map((_, i) => i));
    // One success: it cannot be spared, so the slice is failures only (round(0.2·5) = 1 of 5).
    const one = splitEpisodes([1, 0, 0, 0, 0, 0], 0.2, 9);
    expect(one.heldOut.map((i) => [1, 0, 0, 0, 0, 0][i])).toEqual([0]);
    // Two failures and nothing else: V could not use a slice anyway, so plain rounding holds none (round(0.4) = 0).
    expect(splitEpisodes([0, 0], 0.2, 9).heldOut).toEqual([]);
    // 2 and 2: one of each.
    const two = splitEpisodes([1, 0, 1, 0], 0.2, 9);
    expect(two.heldOut.map((i) => [1, 0, 1, 0][i]).sort()).toEqual([0, 1]);
  });
});

describe('HeldOutStop: which epoch is kept', () => {
  it('keeps the lowest held-out loss and stops after `patience` epochs without a lower one', () => {
    // Incoming weights 0.30; patience 2; epochs 1..4: 0.35, 0.25, 0.26, 0.27.
    const stop = new HeldOutStop(0.3, 2);
    expect(stop.observe(1, 0.35)).toBe('continue'); // 1 − 0 < 2
    expect(stop.observe(2, 0.25)).toBe('better');
    expect(stop.observe(3, 0.26)).toBe('continue'); // 3 − 2 < 2
    expect(stop.observe(4, 0.27)).toBe('stop'); // 4 − 2 = 2
    expect(stop.best).toEqual({ epoch: 2, loss: 0.25 });
  });

  it('on a failures-only slice an "always fail" V wins at epoch 0 (why V no longer stops on such a slice)', () => {
    // The audit's numbers: the incoming V has BCE 4.1e-6 on failures; learning this phase's successes raises it.
    const stop = new HeldOutStop(4.1e-6, 5);
    const verdicts = [0.01, 0.02, 0.015, 0.03, 0.02].map((loss, i) => stop.observe(i + 1, loss));
    expect(verdicts).toEqual(['continue', 'continue', 'continue', 'continue', 'stop']);
    expect(stop.best).toEqual({ epoch: 0, loss: 4.1e-6 });
  });

  it('without a held-out slice runs every epoch and keeps the last', () => {
    const stop = new HeldOutStop(null, 1);
    expect([1, 2, 3].map((e) => stop.observe(e, null))).toEqual(['continue', 'continue', 'continue']);
    expect(stop.best).toEqual({ epoch: 3, loss: null });
  });
});

describe('valueHeldOutGap: why V has no held-out BCE', () => {
  it('is null with both outcomes held out, else names the missing one', () => {
    expect(valueHeldOutGap(1, 4)).toBeNull();
    expect(valueHeldOutGap(0, 4)).toMatch(/^not available: no success could be held out/);
    expect(valueHeldOutGap(2, 0)).toMatch(/^not available: no failure could be held out/);
    expect(valueHeldOutGap(0, 0)).toMatch(/^not available: no episode could be held out/);
  });
});

describe('fitCritics stops V early only on a held-out slice with both outcomes', () => {
  const policy = PolicyModel.init(undefined, 7);
  afterAll(() => policy.dispose());
  const vocab = { 'Sort By': ['Position', 'Price: Low to High', 'Product Name'] };
  const episode = (success: boolean): CriticEpisode => {
    const progress = success ? [[1, 0, 0], [1, 1, 0], [1, 1, 1]] : [[1, 0, 0], [1, 0, 0], [1, 0, 0]];
    const traj: Trajectory<PolicyStep> = {
      taskId: 't', family: 'shop/sorted-category', success, stopReason: null,
      steps: [4, 1, 0].map((index, t) => ({ raw: shopState({ t, progress: t ? progress[t - 1] : [0, 0, 0] }), index, prob: 0.7, progressAfter: progress[t] })),
    };
    return criticEpisode(traj, trajectoryStates(traj, vocab, policy.config.features));
  };
  const options = { maxEpochs: 3, learningRate: 0.01, batchSize: 8, seed: 3, phase: 1, patience: 1, fitPotential: true };

  it('one success: the slice is failures only, so V trains on every episode for all its epochs, held-out BCE not available', async () => {
    const critic = CriticModel.init(undefined, 12);
    const list = [true, false, false, false, false, false].map(episode);
    const fit = await fitCritics(critic, list, options);
    expect(fit).toMatchObject({ heldOutSuccesses: 0, heldOutFailures: 1, valueHeldOutUsed: false });
    expect(fit.value).toMatchObject({ heldOutLoss: null, epochs: 3, keptEpoch: 3, trainSamples: 6 * 4, heldOutSamples: 0 });
    // P's held-out MSE does not depend on outcomes: it still has its slice (1 episode of 4 states).
    expect(fit.potential).toMatchObject({ heldOutSamples: 4 });
    expect(fit.potential!.heldOutLoss).not.toBeNull();
    critic.dispose();
  });

  it('two successes: one is held out with a failure, and V stops on that slice', async () => {
    const critic = CriticModel.init(undefined, 12);
    const list = [true, false, true, false, false, false].map(episode);
    const fit = await fitCritics(critic, list, options);
    expect(fit).toMatchObject({ heldOutSuccesses: 1, heldOutFailures: 1, valueHeldOutUsed: true });
    expect(fit.value.trainSamples).toBe(4 * 4);
    expect(fit.value.heldOutSamples).toBe(2 * 4);
    expect(fit.value.heldOutLoss).toBeGreaterThan(0);
    critic.dispose();
  });
});
