// The TrainingRunner behind the workbench's training jobs: each variant of the request trains in its own trainer
// worker (runTraining) with the same seeds and budget (docs/design/MIRA.md §4.12), sharing one cache of
// oracle demonstrations; the worker's messages become the job's progress, loss points and phase results,
// each attributed to its variant. Variants run side by side when cores allow (issue 16): a worker trains on
// one core (tfjs-wasm is single-threaded), so an ablation on two free cores takes the time of one variant.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { TestOutcome } from '../api/study-types';
import type { TrainingPhaseResult, TrainingRequest, TrainingVariant } from '../api/training-types';
import { defaultConcurrency } from '../browser/default-concurrency';
import type { BackendName } from '../training/backend';
import { valueHeldOutGap } from '../training/critics/held-out-note';
import { runTraining } from '../training/phases/run-training';
import { trainerOverrides } from '../training/job-overrides';
import { trainingUnits, type TrainingUnit } from '../training/study/seeds';
import { TrainingUnitQueue } from '../training/study/unit-queue';
import type { TrainerMessage, TrainingOptions } from '../training/worker/protocol';
import type { TrainingRunContext, TrainingRunner } from './training-jobs';
import { UnitProgress } from './unit-progress';

export interface WorkerRunnerOptions {
  /** The sandbox dataset seed of this workbench (tasks are the catalog's instances). */
  datasetSeed: number;
  browserPath(): string | null;
  backend(): BackendName | 'auto';
  /** Further trainer options (epochs, learning rates, concurrency …), e.g. for tests. */
  trainer?: Partial<TrainingOptions>;
  /** Cores this process may use (default os.availableParallelism()); sets how many variants train at once. */
  cores?(): number;
  /** The workbench's data directory: the job's episodes are stored there as its runs (issue 21). */
  dataDir?: string;
}

/** One trainer worker keeps one core busy (tfjs-wasm runs its kernels on the calling thread). */
const CORES_PER_WORKER = 1;

/**
 * How many variants train at once: the request's `parallelVariants` when given, else one per
 * CORES_PER_WORKER free cores; never more than there are variants, never fewer than one.
 */
export function variantConcurrency(variants: number, cores: number, requested?: number): number {
  const wanted = requested ?? Math.floor(cores / CORES_PER_WORKER);
  return Math.min(variants, Math.max(1, wanted));
}

/**
 * Episodes each trainer worker runs at once: the request's `concurrency` when given, else the runs' default
 * (browser/default-concurrency.ts) over the cores each worker has — every worker drives its own Chromium, so the
 * lanes training side by side share the machine.
 */
export function episodesAtOnce(request: TrainingRequest, cores: number = availableParallelism()): number {
  if (request.concurrency !== undefined) return request.concurrency;
  const lanes = variantConcurrency(trainingUnits(request).length, cores, request.parallelVariants);
  return defaultConcurrency(cores / lanes);
}

export function workerTrainingRunner(options: WorkerRunnerOptions): TrainingRunner {
  return async (request, ctx) => {
    // One unit per (seed, variant) (issue 17: the same job per trainer seed); units share the lanes.
    const units = trainingUnits(request);
    const cores = options.cores?.() ?? availableParallelism();
    const lanes = variantConcurrency(units.length, cores, request.parallelVariants);
    // A job's own concurrency wins over the workbench's trainer options (tests set one); the default is the runs'.
    const concurrency = request.concurrency ?? options.trainer?.concurrency ?? episodesAtOnce(request, cores);
    // The job's cancel stops every worker; so does one variant's failure (the job fails with its error).
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    if (ctx.signal.aborted) stop.abort();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    // The first variant records the oracle demonstrations; the others start once they are cached, so
    // parallel workers neither record them twice nor race on the cache file.
    let demosReady!: () => void;
    const demosCached = new Promise<void>((resolve) => (demosReady = resolve));
    // A seed's other variants wait for its first to run the episodes they share (unit-queue.ts).
    const queue = new TrainingUnitQueue(units);
    const lane = async () => {
      for (let next = await queue.next(stop.signal); next !== undefined; next = await queue.next(stop.signal)) {
        const { unit, leadsSeed } = next;
        const first = unit === units[0];
        if (!first) await demosCached;
        if (stop.signal.aborted) return;
        const hooks: UnitHooks = { onDemosCached: first ? demosReady : () => {}, onSharedEpisodes: leadsSeed ? () => queue.sharedEpisodesDone(unit.seed) : () => {} };
        try {
          await trainVariant(unit, request, { ...ctx, signal: stop.signal }, options, hooks, concurrency);
        } catch (err) {
          stop.abort();
          throw err;
        } finally {
          if (first) demosReady();
          hooks.onSharedEpisodes();
        }
      }
    };
    try {
      const results = await Promise.allSettled(Array.from({ length: lanes }, lane));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
    }
  };
}

/** What a unit's worker tells the lanes: the demonstrations are cached; the seed's shared episodes are recorded. */
interface UnitHooks {
  onDemosCached(): void;
  onSharedEpisodes(): void;
}

async function trainVariant(unit: TrainingUnit, request: TrainingRequest, ctx: TrainingRunContext, options: WorkerRunnerOptions, hooks: UnitHooks, concurrency: number): Promise<void> {
  const { variant } = unit;
  const phase = new PhaseAccumulator();
  const progress = new UnitProgress(unit);
  const onMessage = (m: TrainerMessage) => {
    // Any message past the demonstration stage means the demos are recorded and cached.
    if (m.type === 'loss' || m.type === 'phase' || (m.type === 'progress' && m.stage !== 'demos')) hooks.onDemosCached();
    // The seed's shared episodes (shared-episodes.ts) are there once its phase-1 rollouts are (or a later phase is).
    if ((m.type === 'progress' && m.stage === 'rollout' && m.phase === 1 && m.done === m.total) || (m.type === 'phase' && m.result.phase >= 1)) hooks.onSharedEpisodes();
    switch (m.type) {
      case 'backend':
        ctx.onBackend({ name: m.name, ...(m.device ? { device: m.device } : {}), attempts: [...m.tried.map((t) => ({ name: t.name, ok: false, reason: t.error })), { name: m.name, ok: true }] });
        break;
      case 'progress':
        ctx.onProgress(progress.progress(m));
        break;
      case 'loss': {
        // Stored under the stage's name ("critic" is V's training BCE): the renderer's lossLabel shows it as
        // "value BCE", so records old and new read the same.
        const losses: Record<string, number> = { [m.stage]: m.loss };
        if (m.extra?.potentialLoss !== undefined) losses.potential = m.extra.potentialLoss;
        // The critics' held-out losses (issue 16) go to the phase table next to the training losses.
        if (m.extra?.valueHeldOut !== undefined) losses['value held-out BCE'] = m.extra.valueHeldOut;
        if (m.extra?.potentialHeldOut !== undefined) losses['potential held-out MSE'] = m.extra.potentialHeldOut;
        phase.add(losses, m.samplesPerSecond);
        ctx.onProgress(progress.loss(m, losses));
        break;
      }
      case 'phase':
        ctx.onPhase({ ...phase.finish(variant, m.result), seed: unit.seed, ...(m.result.rollouts ? { rollouts: m.result.rollouts } : {}) });
        break;
      case 'log':
        ctx.onProgress(progress.log(m.line));
        break;
      default:
        break;
    }
  };
  await runTraining(
    {
      checkpointDir: join(ctx.dir, unit.dir), demoCacheDir: join(ctx.dir, 'demos'),
      // In a workbench the job's episodes go to its own store, as runs of the job (issue 21; WAL lets the worker's
      // connection write next to the core's); elsewhere each worker keeps a scratch store.
      ...(options.dataDir ? { rolloutDataDir: options.dataDir, trainingJobId: ctx.jobId } : { rolloutDataDir: join(ctx.dir, 'rollouts', unit.dir) }),
      datasetSeed: options.datasetSeed, families: request.families, instancesPerFamily: request.instancesPerFamily, seed: unit.seed,
      phases: request.phases, variant, ...trainerOverrides(request.overrides), ...request.budget, browserPath: options.browserPath(), backend: options.backend(), ...options.trainer, concurrency,
    },
    { onLine: null, onMessage, signal: ctx.signal },
  );
}

/** Means of a phase's losses and throughput, and its wall time, for the phase table. */
class PhaseAccumulator {
  private started = Date.now();
  private sums: Record<string, { total: number; n: number }> = {};
  private rates: number[] = [];

  add(losses: Record<string, number>, samplesPerSecond: number): void {
    for (const [k, v] of Object.entries(losses)) {
      if (!Number.isFinite(v)) continue;
      const s = (this.sums[k] ??= { total: 0, n: 0 });
      s.total += v;
      s.n += 1;
    }
    if (samplesPerSecond > 0) this.rates.push(samplesPerSecond);
  }

  finish(variant: TrainingVariant, r: { phase: number; trainSuccessRate: number; testSuccessRate: number | null; testTasks: number; checkpoint: string; stats?: Record<string, number>; testOutcomes?: TestOutcome[] }): TrainingPhaseResult {
    const notes = heldOutNotes(r.stats);
    const result: TrainingPhaseResult = {
      // An untested phase (its evaluation cut by a cancel, or evaluation off) is testEpisodes 0; its testSuccess 0
      // is a placeholder that every mean skips (seed-means.ts) and the table shows as "not tested".
      variant, phase: r.phase, testSuccess: r.testSuccessRate ?? 0, testEpisodes: r.testSuccessRate === null ? 0 : r.testTasks,
      trainSuccess: r.phase === 0 ? null : r.trainSuccessRate,
      losses: Object.fromEntries(Object.entries(this.sums).map(([k, s]) => [k, s.total / s.n])),
      samples: r.stats?.keptAfterFilter ?? 0,
      samplesPerSecond: this.rates.length ? this.rates.reduce((a, b) => a + b, 0) / this.rates.length : 0,
      seconds: (Date.now() - this.started) / 1000, checkpoint: r.checkpoint,
      ...(r.testOutcomes ? { testOutcomes: r.testOutcomes } : {}), ...filterCounts(r.stats), ...(notes ? { notes } : {}),
    };
    this.started = Date.now();
    this.sums = {};
    this.rates = [];
    return result;
  }
}

/** Why a MiRA phase has no value held-out BCE (docs/design/MIRA.md §4.6), for the phase table; null when it has one
 * or the phase fitted no critics (SFT). */
export function heldOutNotes(stats: Record<string, number> | undefined): Record<string, string> | null {
  if (stats?.valueLoss === undefined || stats.valueHeldOut !== undefined) return null;
  const why = valueHeldOutGap(stats.heldOutSuccesses ?? 0, stats.heldOutFailures ?? 0);
  return why === null ? null : { 'value held-out BCE': why };
}

/** The perplexity filter's counts of a MiRA phase (issue 17: the study plots kept vs filtered). */
function filterCounts(stats: Record<string, number> | undefined): Pick<TrainingPhaseResult, 'filter'> {
  if (stats?.newTrajectories === undefined) return {};
  return { filter: { keptTrajectories: stats.keptTrajectories ?? 0, newTrajectories: stats.newTrajectories, keptSteps: stats.keptAfterFilter ?? 0, newSteps: stats.newSamples ?? 0 } };
}
