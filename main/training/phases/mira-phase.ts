// One MiRA phase after the rollouts (docs/design/MIRA.md §4.15): judge → progress labels (successful and failed episodes) →
// fit the value and potential critics, each on its own with a held-out stop (critic-fit.ts) → perplexity
// filter on whole trajectories, new and replayed → score every kept trajectory with the current critics
// (terminal-shaped r', doubly-robust A; scoring.ts) → one epoch of policy update against π_ref = the policy
// before it. Replay stores trajectories, not scored samples, so replayed data is scored again every phase.
import * as tf from '@tensorflow/tfjs';
import { trajectoryPerplexityFilter, type ReplayBuffer } from '../data-hygiene';
import type { SelectVocab } from '../model/candidates';
import type { CriticModel } from '../model/critic-model';
import { featurize, type RawState, type StateFeatures } from '../model/features';
import type { PolicyModel } from '../model/policy-model';
import type { PolicyStep, Trajectory } from '../rollout/record';
import { mulberry32 } from '../../random/seeded-random';
import { fitCritics, type CriticEpisode } from './critic-fit';
import { completionStates, episodeProgressLabels } from './labels';
import { scoreTrajectories, type TrainingTrajectory } from './scoring';
import { logProbsOf, minibatches, policyStep, type PolicySample } from './updates';
import { DEFAULT_CRITIC_BATCH_SIZE } from '../training-defaults';
import type { VariantSettings } from './variants';

export interface PhaseHyper {
  /** Upper bound on critic epochs; the held-out stop decides (critic-fit.ts). */
  criticEpochs: number;
  criticLearningRate: number;
  policyLearningRate: number;
  batchSize: number;
  /** Minibatch size of the critics' steps (default DEFAULT_CRITIC_BATCH_SIZE, see training-defaults.ts). */
  criticBatchSize?: number;
  seed: number;
  /** Apply the perplexity filter (docs/design/MIRA.md §4.13); the bounds are config.perplexityBounds. */
  perplexityFilter: boolean;
  /** Fraction of episodes held out from the critics' fit (default 0.2). */
  criticHeldOut?: number;
}

/** Per-phase numbers, reported with the phase (PhaseResult.stats) and in the progress stream. */
export interface PhaseStats {
  episodes: number;
  successes: number;
  /** New rollouts: trajectories and steps before and after the perplexity filter. */
  newTrajectories: number;
  keptTrajectories: number;
  newSamples: number;
  keptAfterFilter: number;
  /** Replay: trajectories drawn from the buffer, those the filter kept, and the kept steps. */
  replayTrajectories: number;
  replayKeptTrajectories: number;
  replayed: number;
  /** Critics: training loss and held-out loss of the kept weights (BCE for V, MSE for P), epochs run. */
  valueLoss: number;
  valueHeldOut?: number;
  valueEpochs: number;
  potentialLoss?: number;
  potentialHeldOut?: number;
  potentialEpochs?: number;
  heldOutEpisodes: number;
  /** Outcomes among the held-out episodes: V's held-out BCE exists only with both (critic-fit.ts). */
  heldOutSuccesses: number;
  heldOutFailures: number;
  policyLoss: number;
  /** Mean advantage over the policy update's steps, and over those of successful and of failed episodes. */
  meanAdvantage: number;
  meanAdvantageSuccess?: number;
  meanAdvantageFailure?: number;
  samplesPerSecond: number;
}

/** States s_0..s_T of a trajectory: s_t is what the policy saw at step t; s_T is the last page after the
 * final action (history and progress advanced, the page not re-observed). */
export function trajectoryStates(traj: Trajectory<PolicyStep>, vocab: SelectVocab, dims: PolicyModel['config']['features']): StateFeatures[] {
  const states = traj.steps.map((s) => featurize(s.raw, vocab, dims));
  const last = traj.steps.at(-1)!;
  const chosen = featurize(last.raw, vocab, dims).cands[last.index];
  const terminal: RawState = {
    ...last.raw,
    t: last.raw.t + 1,
    progress: last.progressAfter ?? last.raw.progress,
    past: [...last.raw.past, { kind: chosen.kind, elementName: chosen.element === undefined ? '' : last.raw.nodes[chosen.element].name, text: chosen.text ?? '' }],
  };
  states.push(featurize(terminal, vocab, dims));
  return states;
}

/** Critic targets of one trajectory: its outcome for V, progress labels for P (also of failed episodes,
 * flat after the last completed milestone, so P learns what failing looks like; issue 16). */
export function criticEpisode(traj: Trajectory<PolicyStep>, states: readonly StateFeatures[]): CriticEpisode {
  const T = traj.steps.length;
  const K = traj.steps[0].raw.subgoals.length;
  const labels = K > 0 ? episodeProgressLabels(completionStates(traj.steps.map((s) => s.progressAfter), K), T, K, traj.success) : null;
  return { states, outcome: traj.success ? 1 : 0, labels };
}

/** Progress of the update's two fits: critic epochs (at most maxEpochs per network; the held-out stop may end one
 * sooner, so the count jumps to the next network's start) and policy minibatches. */
export type UpdateProgress = (stage: 'critic' | 'policy', done: number, total: number) => void;

export async function runMiraUpdate(
  phase: number,
  rollouts: readonly Trajectory<PolicyStep>[],
  models: { policy: PolicyModel; critic: CriticModel; vocab: SelectVocab },
  variant: VariantSettings,
  replay: ReplayBuffer<TrainingTrajectory>,
  h: PhaseHyper,
  shouldStop: () => boolean = () => false,
  onProgress: UpdateProgress = () => undefined,
): Promise<PhaseStats> {
  const { policy, critic, vocab } = models;
  const { config } = variant;
  const dims = policy.config.features;
  const trajs = rollouts.filter((r) => r.steps.length > 0);
  const states = trajs.map((r) => trajectoryStates(r, vocab, dims));

  const criticEpochs = h.criticEpochs * (variant.fitPotential ? 2 : 1);
  onProgress('critic', 0, criticEpochs);
  const fit = await fitCritics(critic, trajs.map((r, e) => criticEpisode(r, states[e])), {
    maxEpochs: h.criticEpochs, learningRate: h.criticLearningRate, batchSize: h.criticBatchSize ?? DEFAULT_CRITIC_BATCH_SIZE, seed: h.seed, phase,
    heldOutFraction: h.criticHeldOut, fitPotential: variant.fitPotential, shouldStop,
    onEpoch: (net, epoch) => onProgress('critic', (net === 'potential' ? h.criticEpochs : 0) + epoch, criticEpochs),
  });

  // Perplexity filter on whole trajectories under the current policy (= π_ref: it has not moved since the
  // rollouts), new ones first; then the replay, filtered the same way.
  const fresh: TrainingTrajectory[] = trajs.map((r, e) => ({ states: states[e], actions: r.steps.map((s) => s.index), success: r.success }));
  const filter = (list: TrainingTrajectory[]) => {
    const flat = logProbsOf(policy, list.flatMap((t) => t.actions.map((index, i) => ({ features: t.states[i], index }))), h.batchSize);
    let offset = 0;
    const logp = list.map((t) => flat.slice(offset, (offset += t.actions.length)));
    // min(1, ·): a float32 log-softmax can round to a hair above 0.
    const result = trajectoryPerplexityFilter(logp.map((l) => l.map((x) => Math.min(1, Math.exp(x)))), config.perplexityBounds);
    const keep = h.perplexityFilter ? result.keep : list.map(() => true);
    const kept = list.flatMap((trajectory, i) => (keep[i] ? [{ trajectory, logpRef: logp[i] }] : []));
    return { kept, steps: kept.reduce((n, k) => n + k.trajectory.actions.length, 0), total: result.totalSteps };
  };
  const newKept = filter(fresh);
  replay.add(phase, newKept.kept.map((k) => k.trajectory));
  // Replay at most replayCapRatio (default 2) × the new trajectories collected, counted before the filter
  // (docs/design/MIRA.md §4.14): counted after it, a phase whose filter dropped every new one replayed nothing.
  const drawn = replay.sample(phase, fresh.length);
  const replayKept = filter(drawn);
  const kept = [...newKept.kept, ...replayKept.kept];

  // Every kept trajectory, new or replayed, is scored with the critics just fitted.
  const scores = scoreTrajectories(critic, kept.map((k) => k.trajectory), config, h.batchSize);
  const training: (PolicySample & { success: boolean })[] = kept.flatMap((k, j) =>
    k.trajectory.actions.map((index, t) => ({ features: k.trajectory.states[t], index, logpRef: k.logpRef[t], advantage: scores[j].advantages[t], success: k.trajectory.success })));

  const rand = mulberry32(h.seed + phase);
  const policyOpt = tf.train.adam(h.policyLearningRate);
  const started = performance.now();
  let policyLoss = 0;
  const batches = minibatches(training.length, h.batchSize, rand);
  onProgress('policy', 0, batches.length);
  for (const [k, b] of batches.entries()) {
    if (shouldStop()) break;
    policyLoss += policyStep(policy, policyOpt, b.map((i) => training[i]), variant.objective, config.beta) * b.length;
    onProgress('policy', k + 1, batches.length);
    await new Promise((r) => setImmediate(r));
  }
  policyOpt.dispose();
  const seconds = (performance.now() - started) / 1000;
  const meanOf = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);
  const advantages = (success: boolean) => training.filter((s) => s.success === success).map((s) => s.advantage);
  return {
    episodes: rollouts.length,
    successes: rollouts.filter((r) => r.success).length,
    newTrajectories: fresh.length,
    keptTrajectories: newKept.kept.length,
    newSamples: newKept.total,
    keptAfterFilter: newKept.steps,
    replayTrajectories: drawn.length,
    replayKeptTrajectories: replayKept.kept.length,
    replayed: replayKept.steps,
    valueLoss: fit.value.trainLoss,
    ...(fit.value.heldOutLoss === null ? {} : { valueHeldOut: fit.value.heldOutLoss }),
    valueEpochs: fit.value.epochs,
    ...(fit.potential ? { potentialLoss: fit.potential.trainLoss, potentialEpochs: fit.potential.epochs } : {}),
    ...(fit.potential?.heldOutLoss != null ? { potentialHeldOut: fit.potential.heldOutLoss } : {}),
    heldOutEpisodes: fit.heldOut.length,
    heldOutSuccesses: fit.heldOutSuccesses,
    heldOutFailures: fit.heldOutFailures,
    policyLoss: training.length ? policyLoss / training.length : 0,
    meanAdvantage: meanOf(training.map((s) => s.advantage)) ?? 0,
    ...(advantages(true).length ? { meanAdvantageSuccess: meanOf(advantages(true)) } : {}),
    ...(advantages(false).length ? { meanAdvantageFailure: meanOf(advantages(false)) } : {}),
    samplesPerSecond: seconds > 0 ? training.length / seconds : 0,
  };
}
