// One critic fit on recorded runs, start to end (issue 17), as the core runs it: read the runs' scored
// episodes from the store (the only part on the core's event loop: the reads and each episode's states
// rebuilt from its observations, an episode at a time), send them to the critic fit worker, which fits V and
// P with a held-out split and saves the checkpoint and every episode's V and P into the fit's folder
// (fit-and-save.ts), and return the result the job record keeps. The signal cancels: between episode reads,
// or by terminating the worker at once.
import type { CriticFitJob, CriticFitResult, CriticFitStage } from '../../api/critic-types';
import type { Store } from '../../store';
import type { BackendName } from '../backend';
import { DEFAULT_FEATURE_DIMS } from '../model/features';
import { CANCELLED, startCriticFitWorker } from '../worker/start-critic-fit-worker';
import { loadRecordedEpisodes } from './recorded-episodes';

export interface RecordedFitContext {
  backend: BackendName | 'auto';
  maxEpochs?: number;
  patience?: number;
  signal: AbortSignal;
  progress(stage: CriticFitStage, done: number, total: number, message: string): void;
}

export async function runRecordedFit(store: Store, dir: string, job: Pick<CriticFitJob, 'id' | 'request'>, ctx: RecordedFitContext): Promise<CriticFitResult> {
  const started = Date.now();
  const seed = job.request.seed ?? 1;
  const skipped: CriticFitResult['skipped'] = [];
  ctx.progress('episodes', 0, 0, 'Reading the recorded episodes…');
  const episodes = await loadRecordedEpisodes(store, job.request.runIds, {
    // The critics' feature size (model/critic-model.ts DEFAULT_CRITIC_CONFIG.features).
    maxElements: DEFAULT_FEATURE_DIMS.maxElements,
    onSkip: (episodeId, reason) => skipped.push({ episodeId, reason }),
    onEpisode: (n) => ctx.progress('episodes', n, 0, `Read ${n} episode(s)`),
    shouldStop: () => ctx.signal.aborted,
  });
  if (ctx.signal.aborted) throw new Error(CANCELLED);
  if (episodes.length === 0) {
    const why = skipped.length ? ` (${skipped.length} skipped: ${[...new Set(skipped.map((s) => s.reason))].slice(0, 3).join('; ')})` : '';
    throw new Error(`Run(s) ${job.request.runIds.join(', ')} have no scored episodes with stored observations${why}.`);
  }
  ctx.progress('value', 0, 0, `Starting the fit on ${episodes.length} episode(s)…`);
  const worker = startCriticFitWorker(
    { fitId: job.id, runIds: job.request.runIds, seed, episodes, dir, backend: ctx.backend, maxEpochs: ctx.maxEpochs, patience: ctx.patience },
    ctx.progress,
  );
  const cancel = () => worker.cancel();
  ctx.signal.addEventListener('abort', cancel, { once: true });
  let output: Awaited<typeof worker.done>;
  try {
    output = await worker.done;
  } finally {
    ctx.signal.removeEventListener('abort', cancel);
  }
  const count = (source: 'steps' | 'verdicts' | null) => episodes.filter((e) => e.labelSource === source).length;
  return {
    episodes: episodes.length,
    trainEpisodes: output.trainEpisodes,
    heldOutEpisodes: output.heldOutEpisodes,
    skipped,
    labelSources: { steps: count('steps'), verdicts: count('verdicts'), none: count(null) },
    value: output.value,
    potential: output.potential,
    calibration: output.calibration,
    checkpoint: output.checkpoint,
    backend: output.backend,
    seconds: (Date.now() - started) / 1000,
  };
}
