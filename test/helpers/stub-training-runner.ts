// A scripted TrainingRunner for tests of what sits around the trainer: the jobs API, the events it streams,
// the Training page. It follows the runner contract (test/helpers/training-runner-contract.ts) that the real
// trainer worker is checked against in test/integration/trainer-phases.test.ts, with made-up but consistent
// numbers, in well under a second (or paced, or held, as a test needs). Never a substitute for the trainer
// in a test of training itself.
import { join } from 'node:path';
import type { TrainingJob, TrainingPhaseResult, TrainingRequest, TrainingStage, TrainingVariant } from '../../main/api/training-types';
import type { TrainingRunContext, TrainingRunner } from '../../main/services/training-jobs';
import type { TestOutcome } from '../../main/api/study-types';
import { requestSeeds, trainingUnits, type TrainingUnit } from '../../main/training/study/seeds';
import { saveCheckpoint } from '../../main/training/model/checkpoint';
import { PolicyModel } from '../../main/training/model/policy-model';

export interface StubRunnerOptions {
  /** Pause after each progress event, in ms (default 0). */
  stepMs?: number;
  /** Awaited while a variant's phase 0 is fitting, before it is evaluated: a test holds the job running (a
   * visible stage and progress bar) until it has looked at it. */
  hold?: (variant: TrainingVariant, ctx: TrainingRunContext) => Promise<void>;
  /** Where the hold is: phase 0's SFT (default) or phase 1's critic training, after its first of two epochs. */
  holdAt?: 'sft' | 'critics';
  /** MiRA phases record no value held-out BCE, with this reason in the phase's notes (docs/design/MIRA.md §4.6). */
  valueHeldOutNote?: string;
}

/** Test tasks of a request: every fifth instance of each family (the split is fixed by the dataset seed). */
export const testTasksOf = (request: TrainingRequest) => request.families.length * Math.ceil(request.instancesPerFamily / 5);

export function stubTrainingRunner(options: StubRunnerOptions = {}): TrainingRunner {
  return async (request, ctx) => {
    // One unit per (seed, variant), as the worker runner does (issue 17); the hold applies to the first seed.
    for (const unit of trainingUnits(request)) {
      if (ctx.signal.aborted) return;
      await stubVariant(unit, request, ctx, unit.seed === requestSeeds(request)[0] ? options : { ...options, hold: undefined });
    }
  };
}

async function stubVariant({ variant, seed, dir }: TrainingUnit, request: TrainingRequest, ctx: TrainingRunContext, options: StubRunnerOptions): Promise<void> {
  const step = async (phase: number, stage: TrainingStage, done: number, total: number, losses?: Record<string, number>) => {
    ctx.onProgress({ variant, seed, phase, stage, done, total, losses, message: `${variant}: phase ${phase} ${stage} ${done}/${total}` });
    await pause(options.stepMs ?? 0, ctx.signal);
  };
  ctx.onBackend({ name: 'cpu', attempts: [{ name: 'tensorflow', ok: false, reason: "Cannot find package '@tensorflow/tfjs-node' imported from /stub/main/training/backend.ts" }, { name: 'cpu', ok: true }] });
  const tests = testTasksOf(request);
  // Each later seed's losses a tenth higher, so a multi-seed job's loss curves are told apart.
  const k = 1 + requestSeeds(request).indexOf(seed) / 10;
  for (let phase = 0; phase <= request.phases; phase++) {
    const started = Date.now();
    const losses: Record<string, number> = {};
    if (phase === 0) {
      const demos = request.families.length * 2;
      for (let d = 1; d <= demos; d++) await step(0, 'demonstrations', d, demos);
      for (let epoch = 1; epoch <= 3; epoch++) await step(0, 'sft', epoch, 3, { sft: (losses.sft = k / (epoch + 1)) });
      if (options.hold && (options.holdAt ?? 'sft') === 'sft') await Promise.race([options.hold(variant, ctx), aborted(ctx.signal)]);
    } else {
      for (let r = 1; r <= 2; r++) await step(phase, 'rollout', r, 2);
      // Two critic epochs, as the trainer counts them (the loss comes with the last).
      await step(phase, 'critics', 1, 2);
      if (options.hold && options.holdAt === 'critics' && phase === 1) await Promise.race([options.hold(variant, ctx), aborted(ctx.signal)]);
      await step(phase, 'critics', 2, 2, { critic: (losses.critic = (0.5 * k) / phase), potential: (losses.potential = (0.4 * k) / phase) });
      if (options.valueHeldOutNote === undefined) losses['value held-out BCE'] = 0.6 / phase;
      losses['potential held-out MSE'] = 0.2 / phase;
      await step(phase, 'policy', 1, 1, { policy: (losses.policy = (0.3 * k) / phase) });
    }
    if (ctx.signal.aborted) return;
    for (let e = 1; e <= tests; e++) await step(phase, 'evaluation', e, tests);
    // Every variant starts from the same SFT result, as the real ablation does; later phases improve a little.
    // Later seeds do one task worse, so a study over seeds has an interval to draw.
    const successes = Math.max(0, Math.min(tests, Math.floor(tests / 2) + phase - requestSeeds(request).indexOf(seed)));
    const testSuccess = successes / tests;
    // A real, loadable checkpoint of an untrained policy (saved by the trainer's own save function), so "run
    // on the test split" and "fork with this policy" can be driven end to end without training anything.
    const checkpoint = await saveCheckpoint(join(ctx.dir, dir), {
      meta: { phase, variant, testSuccessRate: testSuccess, createdAt: new Date().toISOString(), stub: 'test/helpers/stub-training-runner.ts: untrained weights' },
      vocab: {}, policy: PolicyModel.init(undefined, request.seed),
    });
    const result: TrainingPhaseResult = {
      variant, phase, testSuccess, testEpisodes: tests, trainSuccess: phase === 0 ? null : 0.5, losses, samples: 10 * (phase + 1),
      samplesPerSecond: 100, seconds: (Date.now() - started) / 1000, checkpoint, seed,
      testOutcomes: stubOutcomes(tests, successes, phase),
      ...(phase > 0 ? { filter: { keptTrajectories: 1 + phase, newTrajectories: 4, keptSteps: 8 + phase, newSteps: 30 } } : {}),
      ...(phase > 0 && options.valueHeldOutNote !== undefined ? { notes: { 'value held-out BCE': options.valueHeldOutNote } } : {}),
    };
    ctx.onPhase(result);
  }
}

function aborted(signal: AbortSignal): Promise<void> {
  return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Made-up test episodes consistent with the SR: the first `successes` tasks solved; failures stuck midway
 * at phase 0, then more often wrong terminations (the shift MiRA is meant to show, as a picture to draw). */
function stubOutcomes(tests: number, successes: number, phase: number): TestOutcome[] {
  return Array.from({ length: tests }, (_, k) => {
    const success = k < successes;
    const failureMode = success ? null : (k + phase) % 3 === 0 ? 'wrong_termination' : k % 4 === 3 ? 'others' : 'stuck_midway';
    return { taskId: `stub-task-${k}`, success, failureMode, milestones: success ? 4 : Math.min(3, phase + 1), milestonesTotal: 4, steps: 8 };
  });
}

/** The job once it has stopped running, polled as the Training page polls it. */
export async function settledJob(api: { getTrainingJob(jobId: string): Promise<TrainingJob> }, jobId: string): Promise<TrainingJob> {
  let job = await api.getTrainingJob(jobId);
  while (job.status === 'running') {
    await new Promise((r) => setTimeout(r, 50));
    job = await api.getTrainingJob(jobId);
  }
  return job;
}
