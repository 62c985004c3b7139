// The compute half of a critic fit on recorded runs (issue 17): given the episodes the core read from the
// store, pick the backend, fit V and P (fit-recorded.ts), save the critics' checkpoint and every episode's V
// and P into the fit's folder, and return what the job record keeps. It runs in the critic fit worker
// (worker/critic-fit-worker.ts), never on the core's event loop (docs/design/ARCHITECTURE.md §6); it is a
// plain function so a test can run the same fit in-process and compare the numbers.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CriticFitResult, CriticFitStage, CriticNetResult } from '../../api/critic-types';
import { selectBackend, type BackendName } from '../backend';
import type { NetFitStats } from '../phases/critic-fit';
import { saveCriticCheckpoint } from './critic-checkpoint';
import { SCORES_FILE } from './fit-files';
import { valueHeldOutGap } from './held-out-note';
import { fitRecordedCritics } from './fit-recorded';
import type { RecordedEpisode } from './recorded-episodes';

export interface FitInput {
  fitId: string;
  runIds: string[];
  seed: number;
  episodes: RecordedEpisode[];
  /** The fit's folder: critics.json and scores.json go here. */
  dir: string;
  backend: BackendName | 'auto';
  maxEpochs?: number;
  /** Epochs without a held-out improvement before a critic stops (default: the trainer's). */
  patience?: number;
}

/** The part of the job's result the compute produces; the core adds what it knows (skips, label sources, time). */
export type FitOutput = Pick<CriticFitResult, 'trainEpisodes' | 'heldOutEpisodes' | 'value' | 'potential' | 'calibration' | 'checkpoint' | 'backend'>;

export type FitProgress = (stage: CriticFitStage, done: number, total: number, message: string) => void;

export async function fitAndSave(input: FitInput, progress: FitProgress, shouldStop?: () => boolean): Promise<FitOutput> {
  const backend = await selectBackend({ preference: input.backend });
  const { episodes, seed } = input;
  const fit = await fitRecordedCritics(episodes, {
    seed, maxEpochs: input.maxEpochs, patience: input.patience, shouldStop,
    onEpoch: (net, epoch, max, held, trained) => progress(net, epoch, max, epochLine(net, epoch, max, held, trained)),
  });
  try {
    if (shouldStop?.()) throw new Error('cancelled');
    progress('scoring', 0, 1, 'Saving the critics and every episode\'s V and P…');
    const checkpoint = await saveCriticCheckpoint(input.dir, fit.critic, { fitId: input.fitId, runIds: input.runIds, seed, createdAt: new Date().toISOString() });
    const scores = Object.fromEntries(episodes.map((e) => [e.episodeId, { runId: e.runId, ...fit.scores.get(e.episodeId)! }]));
    await writeFile(join(input.dir, SCORES_FILE), JSON.stringify(scores));
    return {
      trainEpisodes: episodes.length - fit.stats.heldOut.length,
      heldOutEpisodes: fit.stats.heldOut.length,
      value: netResult(fit.stats.value, valueHeldOutGap(fit.stats.heldOutSuccesses, fit.stats.heldOutFailures)),
      potential: fit.stats.potential ? netResult(fit.stats.potential) : null,
      calibration: fit.calibration,
      checkpoint,
      backend: backend.name,
    };
  } finally {
    fit.critic.dispose();
  }
}

function netResult(s: NetFitStats, heldOutNote: string | null = null): CriticNetResult {
  return {
    trainLoss: s.trainLoss, heldOutLoss: s.heldOutLoss, epochs: s.epochs, keptEpoch: s.keptEpoch, trainStates: s.trainSamples, heldOutStates: s.heldOutSamples,
    ...(heldOutNote === null ? {} : { heldOutNote }),
  };
}

/** "Value critic V: epoch 12 of at most 20, held-out BCE 0.1234"; without a held-out slice (a run of one outcome,
 * docs/design/MIRA.md §4.6) the training loss, said as such. */
function epochLine(net: 'value' | 'potential', epoch: number, max: number, held: number | null, trainLoss: () => number | null): string {
  const loss = net === 'value' ? 'BCE' : 'MSE';
  const head = `${net === 'value' ? 'Value critic V' : 'Potential critic P'}: epoch ${epoch} of at most ${max}`;
  if (held !== null) return `${head}, held-out ${loss} ${held.toFixed(4)}`;
  const trained = trainLoss();
  return trained !== null && Number.isFinite(trained) ? `${head}, training ${loss} ${trained.toFixed(4)} (nothing held out)` : head;
}
