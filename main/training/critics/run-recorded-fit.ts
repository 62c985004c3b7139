// One critic fit on recorded runs, start to end (issue 17): read the runs' scored episodes, fit V and P with a
// held-out split, save the critics' checkpoint and every episode's V and P into the fit's folder, and
// return the result the job record keeps. Reaches TensorFlow.js: critic-fit-jobs.ts imports it on use.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CriticFitJob, CriticFitResult, CriticFitStage, CriticNetResult } from '../../api/critic-types';
import type { Store } from '../../store';
import { selectBackend, type BackendName } from '../backend';
import { DEFAULT_CRITIC_CONFIG } from '../model/critic-model';
import type { NetFitStats } from '../phases/critic-fit';
import { saveCriticCheckpoint } from './critic-checkpoint';
import { SCORES_FILE } from './fit-files';
import { fitRecordedCritics } from './fit-recorded';
import { loadRecordedEpisodes } from './recorded-episodes';

export interface RecordedFitContext {
  backend: BackendName | 'auto';
  maxEpochs?: number;
  signal: AbortSignal;
  progress(stage: CriticFitStage, done: number, total: number, message: string): void;
}

export async function runRecordedFit(store: Store, dir: string, job: Pick<CriticFitJob, 'id' | 'request'>, ctx: RecordedFitContext): Promise<CriticFitResult> {
  const started = Date.now();
  const backend = await selectBackend({ preference: ctx.backend });
  const seed = job.request.seed ?? 1;
  const skipped: CriticFitResult['skipped'] = [];
  ctx.progress('episodes', 0, 0, 'Reading the recorded episodes…');
  const episodes = await loadRecordedEpisodes(store, job.request.runIds, {
    maxElements: DEFAULT_CRITIC_CONFIG.features.maxElements,
    onSkip: (episodeId, reason) => skipped.push({ episodeId, reason }),
    onEpisode: (n) => ctx.progress('episodes', n, 0, `Read ${n} episode(s)`),
    shouldStop: () => ctx.signal.aborted,
  });
  if (episodes.length === 0) {
    const why = skipped.length ? ` (${skipped.length} skipped: ${[...new Set(skipped.map((s) => s.reason))].slice(0, 3).join('; ')})` : '';
    throw new Error(`Run(s) ${job.request.runIds.join(', ')} have no scored episodes with stored observations${why}.`);
  }
  const fit = await fitRecordedCritics(episodes, {
    seed, maxEpochs: ctx.maxEpochs, shouldStop: () => ctx.signal.aborted,
    onEpoch: (net, epoch, max, held) =>
      ctx.progress(net, epoch, max, `${net === 'value' ? 'Value critic V' : 'Potential critic P'}: epoch ${epoch} of at most ${max}${held === null ? '' : `, held-out ${net === 'value' ? 'BCE' : 'MSE'} ${held.toFixed(4)}`}`),
  });
  try {
    if (ctx.signal.aborted) throw new Error('cancelled');
    ctx.progress('scoring', 0, 1, 'Saving the critics and every episode\'s V and P…');
    const checkpoint = await saveCriticCheckpoint(dir, fit.critic, { fitId: job.id, runIds: job.request.runIds, seed, createdAt: new Date().toISOString() });
    const scores = Object.fromEntries(episodes.map((e) => [e.episodeId, { runId: e.runId, ...fit.scores.get(e.episodeId)! }]));
    await writeFile(join(dir, SCORES_FILE), JSON.stringify(scores));
    const count = (source: 'steps' | 'verdicts' | null) => episodes.filter((e) => e.labelSource === source).length;
    return {
      episodes: episodes.length,
      trainEpisodes: episodes.length - fit.stats.heldOut.length,
      heldOutEpisodes: fit.stats.heldOut.length,
      skipped,
      labelSources: { steps: count('steps'), verdicts: count('verdicts'), none: count(null) },
      value: netResult(fit.stats.value),
      potential: fit.stats.potential ? netResult(fit.stats.potential) : null,
      calibration: fit.calibration,
      checkpoint,
      backend: backend.name,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    fit.critic.dispose();
  }
}

function netResult(s: NetFitStats): CriticNetResult {
  return { trainLoss: s.trainLoss, heldOutLoss: s.heldOutLoss, epochs: s.epochs, keptEpoch: s.keptEpoch, trainStates: s.trainSamples, heldOutStates: s.heldOutSamples };
}
