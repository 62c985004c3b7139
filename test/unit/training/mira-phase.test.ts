import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { potentialCriticLoss, valueCriticLoss } from '../../../main/training/critic-losses';
import { ReplayBuffer } from '../../../main/training/data-hygiene';
import { CriticModel } from '../../../main/training/model/critic-model';
import { featurize } from '../../../main/training/model/features';
import { PolicyModel } from '../../../main/training/model/policy-model';
import { fitCritics, splitEpisodes, type CriticEpisode } from '../../../main/training/phases/critic-fit';
import { criticEpisode, runMiraUpdate, trajectoryStates } from '../../../main/training/phases/mira-phase';
import { scoreTrajectories, trajectoryScore, type TrainingTrajectory } from '../../../main/training/phases/scoring';
import { criticPredict, netPredict } from '../../../main/training/phases/updates';
import { variantSettings } from '../../../main/training/phases/variants';
import type { PolicyStep, Trajectory } from '../../../main/training/rollout/record';
import { shopState } from './model-fixtures';
import { useCpuBackend } from './tf-setup';

beforeAll(useCpuBackend);

const vocab = { 'Sort By': ['Position', 'Price: Low to High', 'Product Name'] };
const policy = PolicyModel.init(undefined, 7);
afterAll(() => policy.dispose());
const dims = policy.config.features;

/** A 3-step episode on the fixture page; `progress` is the vector judged after each action. */
function episode(success: boolean, progress: number[][], actions = [4, 1, 0]): Trajectory<PolicyStep> {
  return {
    taskId: 't', family: 'shop/sorted-category', success, stopReason: null,
    steps: actions.map((index, t) => ({ raw: shopState({ t, progress: t ? progress[t - 1] : [0, 0, 0] }), index, prob: 0.7, progressAfter: progress[t] })),
  };
}
const solved = () => episode(true, [[1, 0, 0], [1, 1, 0], [1, 1, 1]]);
const failed = () => episode(false, [[1, 0, 0], [1, 0, 0], [1, 0, 0]]);

const weightsOf = (params: { list(): tf.Variable[] }) => params.list().map((v) => Array.from(v.dataSync()));

describe('critic targets (issue 16: P also learns from failed episodes)', () => {
  it('labels a failed episode flat at m/K after its last completed milestone; V gets the outcome', () => {
    const traj = failed();
    const e = criticEpisode(traj, trajectoryStates(traj, vocab, dims));
    // K = 3, subgoal 1 done after action 0 → completes at state 1; T = 3: knots (0, 0), (1, 1/3), flat.
    expect(e.outcome).toBe(0);
    e.labels!.forEach((l, t) => expect(l).toBeCloseTo([0, 1 / 3, 1 / 3, 1 / 3][t], 10));
    const ok = criticEpisode(solved(), trajectoryStates(solved(), vocab, dims));
    // completions at states 1, 2, 3 with the third pinned to T = 3: [0, 1/3, 2/3, 1]
    ok.labels!.forEach((l, t) => expect(l).toBeCloseTo([0, 1 / 3, 2 / 3, 1][t], 10));
    expect(ok.outcome).toBe(1);
  });
});

describe('fitCritics: two independent critics with a held-out stop', () => {
  const episodes = (): CriticEpisode[] =>
    [solved(), failed(), solved(), failed(), solved(), failed()].map((traj) => criticEpisode(traj, trajectoryStates(traj, vocab, dims)));
  const options = { maxEpochs: 4, learningRate: 0.01, batchSize: 4, seed: 3, phase: 1 };

  it("the no-potential ablation leaves V's training unchanged: same weights, same losses (same seed)", async () => {
    const withP = CriticModel.init(undefined, 11);
    const withoutP = CriticModel.init(undefined, 11);
    const a = await fitCritics(withP, episodes(), { ...options, fitPotential: true });
    const b = await fitCritics(withoutP, episodes(), { ...options, fitPotential: false });
    expect(a.potential).not.toBeNull();
    expect(b.potential).toBeNull();
    expect(b.value).toEqual(a.value);
    expect(weightsOf(withoutP.value.params)).toEqual(weightsOf(withP.value.params));
    // P really trained in the first run and not in the second.
    expect(weightsOf(withP.potential.params)).not.toEqual(weightsOf(withoutP.potential.params));
    withP.dispose();
    withoutP.dispose();
  });

  it('holds out whole episodes per outcome and reports the held-out BCE of the weights it keeps', async () => {
    // 3 successes and 3 failures, fraction .2: round(.6) = 1 of each is held out.
    const split = splitEpisodes([1, 0, 1, 0, 1, 0], 0.2, 5);
    expect(split.heldOut).toHaveLength(2);
    expect(split.train).toHaveLength(4);
    expect(split.heldOut.map((i) => [1, 0, 1, 0, 1, 0][i]).sort()).toEqual([0, 1]);
    expect(splitEpisodes([1], 0.2, 5)).toEqual({ train: [0], heldOut: [] });

    const critic = CriticModel.init(undefined, 12);
    const list = episodes();
    const fit = await fitCritics(critic, list, { ...options, fitPotential: true });
    expect(fit.heldOut).toHaveLength(2);
    expect(fit.value.epochs).toBeGreaterThanOrEqual(fit.value.keptEpoch);
    expect(fit.value.epochs).toBeLessThanOrEqual(4);
    // The reported held-out losses are those of the weights the critics now have (the best epoch's).
    const heldStates = fit.heldOut.flatMap((i) => list[i].states);
    expect(heldStates).toHaveLength(8); // two held-out episodes of 4 states each
    const outcomes = fit.heldOut.flatMap((i) => list[i].states.map(() => list[i].outcome));
    expect(fit.value.heldOutLoss!).toBeCloseTo(valueCriticLoss(netPredict(critic.value, heldStates), outcomes), 5);
    const labels = fit.heldOut.flatMap((i) => list[i].labels!);
    expect(fit.potential!.heldOutLoss!).toBeCloseTo(potentialCriticLoss(netPredict(critic.potential, heldStates), labels), 5);
    critic.dispose();
  });
});

describe('replay is scored with the current critics (issue 16)', () => {
  it('scoreTrajectories recomputes r′ and A from the critics it is given', () => {
    const traj = solved();
    const stored: TrainingTrajectory = { states: trajectoryStates(traj, vocab, dims), actions: traj.steps.map((s) => s.index), success: true };
    const config = variantSettings('full').config;
    const oldCritic = CriticModel.init(undefined, 21);
    const newCritic = CriticModel.init(undefined, 22);
    const before = scoreTrajectories(oldCritic, [stored], config)[0];
    const after = scoreTrajectories(newCritic, [stored], config)[0];
    const { value, potential } = criticPredict(newCritic, stored.states);
    expect(after).toEqual(trajectoryScore(true, value, potential, config));
    expect(after.advantages).not.toEqual(before.advantages);
    oldCritic.dispose();
    newCritic.dispose();
  });
});

describe('runMiraUpdate', () => {
  it('fits both critics, filters whole trajectories and replays earlier successes, reporting each count', async () => {
    const critic = CriticModel.init(undefined, 31);
    const replay = new ReplayBuffer<TrainingTrajectory>({ seed: 1, isSuccessful: (t) => t.success });
    const h = { criticEpochs: 3, criticLearningRate: 0.01, policyLearningRate: 0.001, batchSize: 8, seed: 1, perplexityFilter: false };
    const rollouts = [solved(), failed(), solved(), failed(), solved(), failed()];
    const one = await runMiraUpdate(1, rollouts, { policy, critic, vocab }, variantSettings('full'), replay, h);
    expect(one).toMatchObject({ episodes: 6, successes: 3, newTrajectories: 6, keptTrajectories: 6, newSamples: 18, keptAfterFilter: 18, replayTrajectories: 0, heldOutEpisodes: 2 });
    expect(one.valueHeldOut).toBeGreaterThan(0);
    expect(one.potentialHeldOut).toBeGreaterThanOrEqual(0);
    expect(one.meanAdvantageSuccess!).toBeGreaterThan(one.meanAdvantageFailure!);
    // Phase 2: the three successes of phase 1 are in the buffer (cap 2 × 2 new trajectories collected = 4).
    const two = await runMiraUpdate(2, [solved(), failed()], { policy, critic, vocab }, variantSettings('full'), replay, h);
    expect(two).toMatchObject({ newTrajectories: 2, keptTrajectories: 2, replayTrajectories: 3, replayKeptTrajectories: 3, replayed: 9 });
    // With the filter on, under this untrained policy (near-uniform over the fixture's candidates, mean
    // perplexity ≫ 2) the new trajectory is dropped, and the counts say so. The replay cap counts the collected
    // new data, not the kept: 2 × 1 = 2 of the 4 stored successes (3 of phase 1, 1 of phase 2) are still drawn
    // (docs/design/MIRA.md §4.14; counted after the filter it was 2 × 0 = 0).
    const three = await runMiraUpdate(3, [solved()], { policy, critic, vocab }, variantSettings('full'), replay, { ...h, perplexityFilter: true });
    expect(replay.size(3)).toBe(4);
    expect(three).toMatchObject({ newTrajectories: 1, keptTrajectories: 0, keptAfterFilter: 0, newSamples: 3, replayTrajectories: 2 });
    expect(netPredict(critic.value, [featurize(shopState(), vocab, dims)])[0]).toBeGreaterThan(0);
    critic.dispose();
  });

  // The training audit of 2026-12-05: progress sat at "rollout 32/32" while the critics trained. The update
  // reports its critic epochs (V then P, each at most criticEpochs) and its policy minibatches.
  it('reports the critic fit by epoch and the policy update by minibatch', async () => {
    const h = { criticEpochs: 3, criticLearningRate: 0.01, policyLearningRate: 0.001, batchSize: 8, seed: 1, perplexityFilter: false };
    const rollouts = [solved(), failed(), solved(), failed(), solved(), failed()];
    for (const [name, nets] of [['full', 2], ['no-potential', 1]] as const) {
      const critic = CriticModel.init(undefined, 31);
      const events: [string, number, number][] = [];
      const replay = new ReplayBuffer<TrainingTrajectory>({ seed: 1, isSuccessful: (t) => t.success });
      const stats = await runMiraUpdate(1, rollouts, { policy, critic, vocab }, variantSettings(name), replay, h, () => false, (stage, done, total) => events.push([stage, done, total]));
      const critics = events.filter(([stage]) => stage === 'critic');
      const policySteps = events.filter(([stage]) => stage === 'policy');
      // Critic progress first, starting at 0 of 3 epochs per network; the epochs each network ran, in order.
      expect(events.indexOf(critics[0])).toBe(0);
      expect(critics[0]).toEqual(['critic', 0, 3 * nets]);
      expect(critics.map(([, done]) => done)).toEqual([0, ...Array.from({ length: stats.valueEpochs }, (_, k) => k + 1), ...Array.from({ length: stats.potentialEpochs ?? 0 }, (_, k) => 3 + k + 1)]);
      // 18 kept steps in minibatches of 8: 3 policy steps, counted 0 … 3 after the critics.
      expect(policySteps).toEqual([['policy', 0, 3], ['policy', 1, 3], ['policy', 2, 3], ['policy', 3, 3]]);
      expect(events.slice(critics.length)).toEqual(policySteps);
      critic.dispose();
    }
  });
});
