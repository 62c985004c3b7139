// Critics fits on disk for the export's unit tests: the weights a real `train critics` saves
// (saveCriticCheckpoint) and the fit record beside them, with heads set so V and P are known by hand.
import * as tf from '@tensorflow/tfjs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CriticFitJob } from '../../../main/api/critic-types';
import { saveCriticCheckpoint } from '../../../main/training/critics/critic-checkpoint';
import { CriticModel, DEFAULT_CRITIC_CONFIG, type CriticNet } from '../../../main/training/model/critic-model';

export const logit = (p: number) => Math.log(p / (1 - p));

/** A head that reads only the state feature "fraction of subgoals done" (index hidden + 0, model/features.ts):
 * σ(b + w·frac), whatever the page says. */
export function setHead(net: CriticNet, b: number, w: number): void {
  const hidden = net.config.encoder.hidden;
  const weights = new Float32Array(net.params.get('head.w').size);
  weights[hidden] = w;
  net.params.get('head.w').assign(tf.tensor(weights, net.params.get('head.w').shape));
  net.params.get('head.b').assign(tf.tensor([b]));
}

/** V: 0.4 at frac 0, 0.6 at frac ½. P: 0.2 at frac 0, 0.5 at frac ½, 0.8 at frac 1. */
export function handCritics(): CriticModel {
  const critic = CriticModel.init(DEFAULT_CRITIC_CONFIG, 7);
  setHead(critic.value, logit(0.4), 2 * (logit(0.6) - logit(0.4)));
  setHead(critic.potential, logit(0.2), 2 * (logit(0.5) - logit(0.2)));
  return critic;
}

export function fitJob(fitId: string, over: Partial<CriticFitJob> = {}): CriticFitJob {
  const net = { trainLoss: 0.5, heldOutLoss: 0.61, epochs: 4, keptEpoch: 3, trainStates: 10, heldOutStates: 4 };
  return {
    id: fitId, request: { runIds: ['run-a'], seed: 1, maxEpochs: 4 }, status: 'finished', createdAt: '2026-12-05T19:00:00Z', finishedAt: '2026-12-05T19:01:00Z',
    progress: null, error: null,
    result: {
      episodes: 4, trainEpisodes: 3, heldOutEpisodes: 1, skipped: [], labelSources: { steps: 4, verdicts: 0, none: 0 },
      value: net, potential: { ...net, heldOutLoss: 0.02, trainLoss: 0.03 }, calibration: { bins: [], n: 0, ece: null, heldOut: true },
      checkpoint: 'critics.json', backend: 'cpu', seconds: 1,
    },
    ...over,
  };
}

/** Writes critics.json (and fit.json unless `job` is null) into `dir`; returns critics.json's path. */
export async function writeFit(dir: string, fitId: string, critic: CriticModel, job: CriticFitJob | null = fitJob(fitId)): Promise<string> {
  const path = await saveCriticCheckpoint(dir, critic, { fitId, runIds: ['run-a'], seed: 1, createdAt: '2026-12-05T19:01:00Z' });
  if (job) await writeFile(join(dir, 'fit.json'), JSON.stringify(job));
  return path;
}
