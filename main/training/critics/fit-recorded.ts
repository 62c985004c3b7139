// Fits V and P on recorded episodes (issue 17) with the trainer's own fit (phases/critic-fit.ts: held-out
// split by episode and outcome, early stop, best weights kept; docs/design/MIRA.md §4.6), then scores every
// episode's states and measures V's calibration on the held-out episodes. No policy is involved: the states
// are featurised with an empty select-option vocabulary (the critics read no candidates).
import { CriticModel, DEFAULT_CRITIC_CONFIG } from '../model/critic-model';
import { featurize, type StateFeatures } from '../model/features';
import { fitCritics, type CriticFitStats } from '../phases/critic-fit';
import { criticPredict } from '../phases/updates';
import { DEFAULT_CRITIC_BATCH_SIZE } from '../training-defaults';
import { reliabilityDiagram, type ReliabilityDiagram } from './calibration';
import type { RecordedEpisode } from './recorded-episodes';

export interface RecordedFitOptions {
  seed: number;
  maxEpochs?: number;
  learningRate?: number;
  batchSize?: number;
  heldOutFraction?: number;
  /** Epochs without a held-out improvement before a critic stops (default: the trainer's, phases/critic-fit.ts). */
  patience?: number;
  shouldStop?(): boolean;
  onEpoch?(net: 'value' | 'potential', epoch: number, maxEpochs: number, heldOutLoss: number | null, trainLoss: () => number | null): void;
}

export interface EpisodeScores {
  /** V(s_0)..V(s_T) and P(s_0)..P(s_T); potentials null when P was not fitted. */
  values: number[];
  potentials: number[] | null;
}

export interface RecordedFit {
  critic: CriticModel;
  stats: CriticFitStats;
  /** V on the held-out episodes' states (every episode's when none could be held out). */
  calibration: ReliabilityDiagram & { heldOut: boolean };
  scores: Map<string, EpisodeScores>;
}

/** The trainer's defaults (phases/trainer.ts): at most 20 epochs, Adam at 0.01. */
const DEFAULT_EPOCHS = 20;
const DEFAULT_LEARNING_RATE = 0.01;

export async function fitRecordedCritics(episodes: readonly RecordedEpisode[], o: RecordedFitOptions): Promise<RecordedFit> {
  if (episodes.length === 0) throw new Error('No scored episodes with stored observations to fit the critics on.');
  const config = DEFAULT_CRITIC_CONFIG;
  const features: StateFeatures[][] = episodes.map((e) => e.states.map((raw) => featurize(raw, {}, config.features)));
  const critic = CriticModel.init(config, o.seed);
  const maxEpochs = o.maxEpochs ?? DEFAULT_EPOCHS;
  const batchSize = o.batchSize ?? DEFAULT_CRITIC_BATCH_SIZE;
  try {
    const stats = await fitCritics(critic, episodes.map((e, i) => ({ states: features[i], outcome: e.outcome, labels: e.labels })), {
      maxEpochs, learningRate: o.learningRate ?? DEFAULT_LEARNING_RATE, batchSize, seed: o.seed, phase: 0,
      heldOutFraction: o.heldOutFraction, patience: o.patience, fitPotential: episodes.some((e) => e.labels !== null), shouldStop: o.shouldStop,
      onEpoch: (net, epoch, held, trained) => o.onEpoch?.(net, epoch, maxEpochs, held, trained),
    });
    const scores = new Map<string, EpisodeScores>();
    episodes.forEach((e, i) => {
      const { value, potential } = criticPredict(critic, features[i], batchSize);
      scores.set(e.episodeId, { values: value, potentials: stats.potential ? potential : null });
    });
    // V is calibrated on its held-out episodes only when it kept out of them (both outcomes held out, critic-fit.ts);
    // otherwise it trained on every episode and the diagram is in-sample, and says so.
    const judged = stats.valueHeldOutUsed ? stats.heldOut : episodes.map((_, i) => i);
    const predicted = judged.flatMap((i) => scores.get(episodes[i].episodeId)!.values);
    const outcomes = judged.flatMap((i) => episodes[i].states.map(() => episodes[i].outcome));
    return { critic, stats, calibration: { ...reliabilityDiagram(predicted, outcomes), heldOut: stats.valueHeldOutUsed }, scores };
  } catch (err) {
    critic.dispose();
    throw err;
  }
}
