// The phase loop (docs/design/MIRA.md §4.15; issue 7): phase 0 = SFT on oracle demonstrations of the train
// split; each MiRA phase rolls out the current policy on its tasks, updates critics and policy
// (mira-phase.ts), saves a checkpoint, evaluates on the test split and picks the next phase's tasks
// (curriculum from failures and the value critic's predicted success). Runs inside the trainer worker.
import { existsSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { selectBackend } from '../backend';
import { describeDevice } from '../backend-device';
import { orderCurriculum, selectCurriculumTasks, type CurriculumSignals } from '../curriculum';
import { ReplayBuffer } from '../data-hygiene';
import { saveCheckpoint } from '../model/checkpoint';
import { CriticModel } from '../model/critic-model';
import { featurize } from '../model/features';
import { LocalScorer } from '../model/local-scorer';
import { PolicyModel } from '../model/policy-model';
import { RolloutEnv } from '../rollout/episode-runner';
import { recordOracle, rolloutLocal, type DemoStep, type PolicyStep, type RecordedStep, type Trajectory } from '../rollout/record';
import type { SandboxTaskInstance } from '../../sandbox/types';
import type { PhaseResult, TrainerMessage, TrainingOptions, TrainingSummary } from '../worker/protocol';
import { hashSeed } from '../../random/seeded-random';
import { demonstrationRun } from './demonstration-run';
import { runMiraUpdate } from './mira-phase';
import { rolloutJobs } from './rollout-jobs';
import { episodesKey, sharedEvaluation, sharedRollouts, type SharedReport } from './shared-episodes';
import { buildSelectVocab, demoSamples, trainSft } from './sft';
import type { PhaseStats } from './mira-phase';
import type { TrainingTrajectory } from './scoring';
import { criticPredict } from './updates';
import { variantSettings } from './variants';
import { trainerStopRules, withTrainingDefaults, type ResolvedTrainingOptions } from '../training-defaults';
import type { TestOutcome } from '../../api/study-types';
import { testOutcomes } from '../study/test-outcomes';

export async function runTrainer(options: TrainingOptions, emit: (m: TrainerMessage) => void, shouldStop: () => boolean): Promise<TrainingSummary> {
  const o = withTrainingDefaults(options);
  const seed = o.seed;
  const variantName = o.variant;
  const variant = variantSettings(variantName, o.mira);
  const concurrency = o.concurrency;
  const backend = await selectBackend(o.backend);
  emit({ type: 'backend', name: backend.name, reason: backend.reason, tried: backend.tried, device: await describeDevice(backend.name) });
  await mkdir(o.checkpointDir, { recursive: true });
  const env = await RolloutEnv.open({
    dataDir: o.rolloutDataDir, datasetSeed: o.datasetSeed, instancesPerFamily: o.instancesPerFamily,
    browserPath: o.browserPath, stopRules: trainerStopRules(o.maxSteps),
    // A workbench job's episodes are stored as its runs, per phase (issue 21).
    ...(o.trainingJobId ? { job: { jobId: o.trainingJobId, variant: variantName, seed } } : {}),
  });
  const summary: TrainingSummary = { backend: backend.name, variant: variantName, trainTasks: 0, testTasks: 0, phases: [], cancelled: false };
  const policy = PolicyModel.init(undefined, seed);
  const critic = CriticModel.init(undefined, seed + 1);
  try {
    const families = o.families;
    const all = env.catalog.all().filter((i) => families.includes(i.family));
    const train = all.filter((i) => i.split === 'train');
    const test = all.filter((i) => i.split === 'test');
    summary.trainTasks = train.length;
    summary.testTasks = test.length;
    emit({ type: 'log', line: `${train.length} train / ${test.length} test tasks over ${families.join(', ')}; variant ${variantName}` });

    // Phase 0: oracle demonstrations (recorded once through the real episode loop, cached) → SFT.
    const demos = await loadOrRecordDemos(o, env, train, concurrency, policy.config.features.maxElements, emit, shouldStop);
    // Select-option labels are page facts (a combobox's options), so every recorded demo contributes them.
    const vocab = buildSelectVocab(demos);
    const sftDemos = demosPerFamily(demos, train, o.sftDemosPerFamily);
    const { samples, uncovered, answers, answered } = demoSamples(sftDemos, vocab, policy.config.features);
    const answerNote = answers ? `; ${answered} of ${answers} answers among the page's answer candidates, the rest learned as a plain stop` : '';
    emit({ type: 'log', line: `SFT on ${samples.length} demonstrated actions from ${sftDemos.length} demonstrations (${uncovered} outside the action space${answerNote})` });
    // Training on nothing would save a checkpoint that only looks trained (issue 14): fail with the reason.
    if (samples.length === 0 && o.sftDemosPerFamily !== 0 && !shouldStop()) throw new Error(`No SFT samples: ${noSamplesWhy(demos, uncovered)}`);
    // SFT, the critics' fit and the policy update report their own progress: a person sees the stage the job is in,
    // not the last rollout count (the training audit of 2026-12-05).
    emit({ type: 'progress', stage: 'sft', phase: 0, done: 0, total: o.sftEpochs });
    await trainSft(policy, samples, {
      epochs: o.sftEpochs, batchSize: o.batchSize, learningRate: o.sftLearningRate, seed, shouldStop,
      onEpoch: (epoch, loss, sps) => {
        emit({ type: 'progress', stage: 'sft', phase: 0, done: epoch + 1, total: o.sftEpochs });
        emit({ type: 'loss', phase: 0, stage: 'sft', epoch, loss, samplesPerSecond: sps });
      },
    });
    const scorer = new LocalScorer(policy, vocab);
    const sharedReport = (phase: number, stage: 'evaluate' | 'rollout'): SharedReport => ({
      log: (line) => emit({ type: 'log', line }),
      progress: (done, total) => emit({ type: 'progress', stage, phase, done, total }),
    });
    // The same weights on the same tasks are the same episodes: run once per checkpoint (shared-episodes.ts).
    // The run holding this phase's rollouts: this unit's own, or the one whose rollouts it reused.
    let phaseRolloutRun: { runId: string; episodes: number } | undefined;
    const finishPhase = async (phase: number, trainSuccessRate: number, stats?: Record<string, number>) => {
      const evaluateNow = () => evaluate(env, test, scorer, concurrency, phase, emit, shouldStop);
      const outcomes = !o.evaluate || shouldStop() ? null
        : await sharedEvaluation(o.demoCacheDir, episodesKey('evaluation', policy, vocab, test.map((i) => `${i.id}#${o.maxSteps}`)), phase, evaluateNow, sharedReport(phase, 'evaluate'), shouldStop);
      const testSuccessRate = outcomes === null ? null : outcomes.filter((r) => r.success).length / Math.max(1, outcomes.length);
      const checkpoint = await saveCheckpoint(o.checkpointDir, {
        meta: { phase, variant: variantName, createdAt: new Date().toISOString(), ...(testSuccessRate === null ? {} : { testSuccessRate }) }, vocab, policy, critic,
      });
      const rolloutRun = phase === 0 ? await demonstrationRun(env, demos, sftDemos) : phaseRolloutRun;
      const result: PhaseResult = { phase, trainSuccessRate, testSuccessRate, checkpoint, testTasks: test.length, stats, ...(rolloutRun ? { rollouts: { ...rolloutRun } } : {}), ...(outcomes ? { testOutcomes: outcomes } : {}) };
      summary.phases.push(result);
      emit({ type: 'phase', result });
    };
    // A cancel during SFT leaves weights half-trained: no phase 0 is kept from them (nor below, from a MiRA
    // update cut short), so no checkpoint is offered and no untested result is plotted.
    if (!shouldStop()) await finishPhase(0, sftDemos.filter((d) => d.success).length / Math.max(1, sftDemos.length));

    // MiRA phases.
    const replay = new ReplayBuffer<TrainingTrajectory>({ capRatio: variant.config.replayCapRatio, seed, isSuccessful: (t) => t.success });
    const perPhase = Math.min(o.tasksPerPhase ?? train.length, train.length);
    // Tasks rolled out in any phase so far: only they can have failed (docs/design/MIRA.md §4.16).
    const tried = new Set<string>();
    let tasks = curriculumTasks(train, { failed: new Set(), inBand: new Set(), tried }, perPhase, seed, 1);
    for (let phase = 1; phase <= o.phases && !shouldStop(); phase++) {
      emit({ type: 'log', line: `phase ${phase}: ${tasks.length} tasks (${familyMix(tasks)})` });
      const jobs = rolloutJobs(tasks, o.rolloutsPerTask, seed, phase);
      const rollNow = async () => {
        const trajectories = await rolloutLocal(env, jobs, scorer, 'sample', concurrency, (done) => emit({ type: 'progress', stage: 'rollout', phase, done, total: jobs.length }), undefined, phase);
        return { trajectories, run: env.runOf(phase, 'rollout') };
      };
      // Only phase 1's rollouts can be another unit's (after it, each variant's update has made its own weights).
      const batch = phase !== 1 ? await rollNow() : await sharedRollouts(
        o.demoCacheDir, episodesKey('rollouts', policy, vocab, jobs.map((j) => `${j.instance.id}#${j.seed}#${o.maxSteps}`)), phase, jobs.length, rollNow, sharedReport(phase, 'rollout'), shouldStop,
      );
      const rollouts = batch.trajectories;
      for (const r of rollouts) tried.add(r.taskId);
      phaseRolloutRun = batch.run;
      if (shouldStop()) break;
      if (rollouts.every((r) => r.steps.length === 0)) throw new Error(`No phase ${phase} samples: ${noSamplesWhy(rollouts, 0)}`);
      const stats = await runMiraUpdate(phase, rollouts, { policy, critic, vocab }, variant, replay, {
        criticEpochs: o.criticEpochs, criticLearningRate: o.criticLearningRate, policyLearningRate: o.policyLearningRate,
        batchSize: o.batchSize, criticBatchSize: o.criticBatchSize, seed, perplexityFilter: o.perplexityFilter, criticHeldOut: o.criticHeldOut,
      }, shouldStop, (stage, done, total) => emit({ type: 'progress', stage, phase, done, total }));
      if (shouldStop()) break;
      emit({ type: 'loss', phase, stage: 'critic', epoch: stats.valueEpochs, loss: stats.valueLoss, samplesPerSecond: 0, extra: criticExtra(stats) });
      emit({ type: 'log', line: `phase ${phase}: perplexity filter kept ${stats.keptTrajectories}/${stats.newTrajectories} new trajectories (${stats.keptAfterFilter}/${stats.newSamples} steps) and ${stats.replayKeptTrajectories}/${stats.replayTrajectories} replayed (${stats.replayed} steps)` });
      emit({ type: 'loss', phase, stage: 'policy', epoch: 0, loss: stats.policyLoss, samplesPerSecond: stats.samplesPerSecond, extra: { kept: stats.keptAfterFilter, replayed: stats.replayed, keptTrajectories: stats.keptTrajectories, replayKeptTrajectories: stats.replayKeptTrajectories } });
      await finishPhase(phase, stats.successes / Math.max(1, stats.episodes), { ...stats });
      tasks = nextTasks(train, demos, rollouts, tried, critic, vocab, policy, variant.config.curriculumBand, perPhase, seed, phase + 1);
    }
    summary.cancelled = shouldStop();
    await writeFile(join(o.checkpointDir, 'summary.json'), JSON.stringify(summary, null, 2));
    return summary;
  } finally {
    policy.dispose();
    critic.dispose();
    await env.close();
  }
}

async function loadOrRecordDemos(o: ResolvedTrainingOptions, env: RolloutEnv, train: SandboxTaskInstance[], concurrency: number, maxElements: number, emit: (m: TrainerMessage) => void, shouldStop: () => boolean): Promise<Trajectory<DemoStep>[]> {
  await mkdir(o.demoCacheDir, { recursive: true });
  const cache = join(o.demoCacheDir, `demos-${o.datasetSeed}-${train.length}.json`);
  if (existsSync(cache)) {
    const cached = JSON.parse(await readFile(cache, 'utf8')) as Trajectory<DemoStep>[];
    if (cached.map((d) => d.taskId).join() === train.map((i) => i.id).join()) return cached;
  }
  const controller = new AbortController();
  const poll = setInterval(() => shouldStop() && controller.abort('cancelled'), 200);
  try {
    const demos = await recordOracle(env, train, concurrency, maxElements, (done) => emit({ type: 'progress', stage: 'demos', phase: 0, done, total: train.length }), controller.signal);
    if (!shouldStop()) await writeFile(cache, JSON.stringify(demos));
    return demos;
  } finally {
    clearInterval(poll);
  }
}

/** Greedy episodes on the test split, each with its failure mode and milestones (issue 17). */
async function evaluate(env: RolloutEnv, test: SandboxTaskInstance[], scorer: LocalScorer, concurrency: number, phase: number, emit: (m: TrainerMessage) => void, shouldStop: () => boolean): Promise<TestOutcome[]> {
  if (shouldStop() || test.length === 0) return [];
  const runs = await rolloutLocal(env, test.map((instance, k) => ({ instance, seed: k })), scorer, 'greedy', concurrency, (done) => emit({ type: 'progress', stage: 'evaluate', phase, done, total: test.length }), undefined, phase);
  return testOutcomes(env.store, runs);
}

/** The first `perFamily` successful demonstrations of each family (all when unset), in train order. */
/** Why episodes gave no training samples: how many there were, how many succeeded, how they stopped. */
function noSamplesWhy(episodes: readonly Trajectory<RecordedStep>[], uncovered: number): string {
  const stops = [...new Set(episodes.map((e) => e.stopReason ?? 'unknown'))].join(', ');
  return `${episodes.length} episode(s), ${episodes.filter((e) => e.success).length} successful, ${episodes.reduce((n, e) => n + e.steps.length, 0)} step(s) ` +
    `(${uncovered} outside the action space), stopped by: ${stops || 'none ran'}.`;
}

function demosPerFamily(demos: Trajectory<DemoStep>[], train: SandboxTaskInstance[], perFamily: number | undefined): Trajectory<DemoStep>[] {
  if (perFamily === undefined) return demos;
  const familyOf = new Map(train.map((i) => [i.id, i.family]));
  const taken = new Map<string, number>();
  return demos.filter((d) => {
    const family = familyOf.get(d.taskId) ?? '';
    const n = taken.get(family) ?? 0;
    if (!d.success || n >= perFamily) return false;
    taken.set(family, n + 1);
    return true;
  });
}

/** Next phase's tasks (docs/design/MIRA.md §4.16): failed in this phase's rollouts and/or with the value critic's
 * V(s_0) within the band, never-tried before tried, ordered by orderCurriculum. */
function nextTasks(
  train: SandboxTaskInstance[], demos: Trajectory<DemoStep>[], rollouts: Trajectory<PolicyStep>[], tried: ReadonlySet<string>, critic: CriticModel,
  vocab: Parameters<typeof featurize>[1], policy: PolicyModel, band: readonly [number, number], perPhase: number, seed: number, phase: number,
): SandboxTaskInstance[] {
  const starts = demos.filter((d) => d.steps.length > 0);
  const v0 = criticPredict(critic, starts.map((d) => featurize(d.steps[0].raw, vocab, policy.config.features))).value;
  const predicted = new Map(starts.map((d, i) => [d.taskId, v0[i]]));
  const inBand = new Set(selectCurriculumTasks(predicted, band));
  const failed = new Set(rollouts.filter((r) => !r.success).map((r) => r.taskId));
  return curriculumTasks(train, { failed, inBand, tried }, perPhase, seed, phase);
}

/** A phase's tasks in curriculum order, cut to the budget; the interleave across families is drawn from
 * (trainer seed, phase), so every variant of one seed starts from the same phase-1 tasks (shared-episodes.ts). */
function curriculumTasks(train: SandboxTaskInstance[], signals: CurriculumSignals, perPhase: number, seed: number, phase: number): SandboxTaskInstance[] {
  const byId = new Map(train.map((i) => [i.id, i]));
  return orderCurriculum(train, signals, perPhase, hashSeed('curriculum', seed, phase)).map((id) => byId.get(id)!);
}

/** "admin/moderate-reviews 4, code/filtered-issues 4": how many of the tasks each family has. */
function familyMix(tasks: readonly SandboxTaskInstance[]): string {
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(t.family, (counts.get(t.family) ?? 0) + 1);
  return [...counts].map(([family, n]) => `${family} ${n}`).join(', ');
}

/** The critics' numbers of a phase for the progress stream: P's training loss, each network's held-out loss
 * (BCE for V, MSE for P) and epochs (the held-out stop decides them). */
function criticExtra(stats: PhaseStats): Record<string, number> {
  const extra: Record<string, number> = { valueEpochs: stats.valueEpochs, heldOutEpisodes: stats.heldOutEpisodes };
  if (stats.valueHeldOut !== undefined) extra.valueHeldOut = stats.valueHeldOut;
  if (stats.potentialLoss !== undefined) extra.potentialLoss = stats.potentialLoss;
  if (stats.potentialHeldOut !== undefined) extra.potentialHeldOut = stats.potentialHeldOut;
  if (stats.potentialEpochs !== undefined) extra.potentialEpochs = stats.potentialEpochs;
  return extra;
}
