// The TrainingRunner behind the workbench's training jobs: each variant of the request trains in the trainer
// worker (runTraining) with the same seeds and budget (docs/design/MIRA.md §4.12), sharing one cache of
// oracle demonstrations; the worker's messages become the job's progress, loss points and phase results.
import { join } from 'node:path';
import type { TrainingPhaseResult, TrainingRequest, TrainingStage, TrainingVariant } from '../../api/training-types';
import type { BackendName } from '../backend';
import { runTraining } from '../phases/run-training';
import type { TrainerMessage, TrainingOptions } from '../worker/protocol';
import type { TrainingRunContext, TrainingRunner } from './training-jobs';

export interface WorkerRunnerOptions {
  /** The sandbox dataset seed of this workbench (tasks are the catalog's instances). */
  datasetSeed: number;
  browserPath(): string | null;
  backend(): BackendName | 'auto';
  /** Further trainer options (epochs, learning rates, concurrency …), e.g. for tests. */
  trainer?: Partial<TrainingOptions>;
}

const STAGES: Record<string, TrainingStage> = { demos: 'demonstrations', rollout: 'rollout', evaluate: 'evaluation', sft: 'sft', critic: 'critics', policy: 'policy' };

export function workerTrainingRunner(options: WorkerRunnerOptions): TrainingRunner {
  return async (request, ctx) => {
    for (const variant of request.variants) {
      if (ctx.signal.aborted) return;
      await trainVariant(variant, request, ctx, options);
    }
  };
}

async function trainVariant(variant: TrainingVariant, request: TrainingRequest, ctx: TrainingRunContext, options: WorkerRunnerOptions): Promise<void> {
  const phase = new PhaseAccumulator();
  const onMessage = (m: TrainerMessage) => {
    switch (m.type) {
      case 'backend':
        ctx.onBackend({ name: m.name, attempts: [...m.tried.map((t) => ({ name: t.name, ok: false, reason: t.error })), { name: m.name, ok: true }] });
        break;
      case 'progress':
        ctx.onProgress({ variant, phase: m.phase, stage: STAGES[m.stage] ?? 'rollout', done: m.done, total: m.total, message: `${variant}: phase ${m.phase} ${m.stage} ${m.done}/${m.total}` });
        break;
      case 'loss': {
        const losses: Record<string, number> = { [m.stage]: m.loss };
        if (m.extra?.potentialLoss !== undefined) losses.potential = m.extra.potentialLoss;
        // The critics' held-out losses (issue 16) go to the phase table next to the training losses.
        if (m.extra?.valueHeldOut !== undefined) losses['value held-out BCE'] = m.extra.valueHeldOut;
        if (m.extra?.potentialHeldOut !== undefined) losses['potential held-out MSE'] = m.extra.potentialHeldOut;
        phase.add(losses, m.samplesPerSecond);
        ctx.onProgress({
          variant, phase: m.phase, stage: STAGES[m.stage], done: m.epoch, total: m.epoch, losses, samplesPerSecond: m.samplesPerSecond || undefined,
          message: `${variant}: phase ${m.phase} ${m.stage} loss ${m.loss.toFixed(4)}`,
        });
        break;
      }
      case 'phase':
        ctx.onPhase(phase.finish(variant, m.result));
        break;
      case 'log':
        ctx.onProgress({ variant, phase: phase.current, stage: 'rollout', done: 0, total: 0, message: `${variant}: ${m.line}` });
        break;
      default:
        break;
    }
  };
  await runTraining(
    {
      checkpointDir: join(ctx.dir, variant), demoCacheDir: join(ctx.dir, 'demos'), rolloutDataDir: join(ctx.dir, 'rollouts'),
      datasetSeed: options.datasetSeed, families: request.families, instancesPerFamily: request.instancesPerFamily, seed: request.seed,
      phases: request.phases, variant, mira: request.overrides, ...request.budget, browserPath: options.browserPath(), backend: options.backend(), ...options.trainer,
    },
    { onLine: null, onMessage, signal: ctx.signal },
  );
}

/** Means of a phase's losses and throughput, and its wall time, for the phase table. */
class PhaseAccumulator {
  current = 0;
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

  finish(variant: TrainingVariant, r: { phase: number; trainSuccessRate: number; testSuccessRate: number | null; testTasks: number; checkpoint: string; stats?: Record<string, number> }): TrainingPhaseResult {
    const result: TrainingPhaseResult = {
      variant, phase: r.phase, testSuccess: r.testSuccessRate ?? 0, testEpisodes: r.testSuccessRate === null ? 0 : r.testTasks,
      trainSuccess: r.phase === 0 ? null : r.trainSuccessRate,
      losses: Object.fromEntries(Object.entries(this.sums).map(([k, s]) => [k, s.total / s.n])),
      samples: r.stats?.keptAfterFilter ?? 0,
      samplesPerSecond: this.rates.length ? this.rates.reduce((a, b) => a + b, 0) / this.rates.length : 0,
      seconds: (Date.now() - this.started) / 1000, checkpoint: r.checkpoint,
    };
    this.current = r.phase + 1;
    this.started = Date.now();
    this.sums = {};
    this.rates = [];
    return result;
  }
}
