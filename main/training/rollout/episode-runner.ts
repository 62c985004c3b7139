// Rollouts for the trainer (docs/design/MIRA.md §4.15: roll out the current policy → judge outcomes and subgoal
// completions). Episodes go through the episode runtime (runs/episode-runtime.ts) on the built-in sandbox, judged
// by the reference-subgoal predicates (predicateMonitor) and scored as any run scores them (eval/score-task.ts),
// and scheduled by the runs' scheduler; only the policy differs. In a workbench job the episodes are recorded
// in the workbench's own store as runs of the job, one per phase and stage (issue 21), replayable with small
// frames; without a job they go to a scratch store with no frames.
import { randomUUID } from 'node:crypto';
import type { Policy } from '../../agent/policy';
import { WEBARENA_STOP_RULES, type StopRules } from '../../agent/stop-rules';
import type { TrainingEpisodeStage } from '../../api/run-config';
import type { TrainingVariant } from '../../api/training-types';
import type { EpisodeRecord, RunRecord } from '../../api/types';
import { runJobs } from '../../runs/scheduler';
import { SandboxCatalog } from '../../runs/sandbox-catalog';
import { openSandboxRuntime, type SandboxRuntime } from '../../runs/sandbox-runtime';
import type { SandboxTaskInstance } from '../../sandbox/types';
import type { Store } from '../../store';
import { predicateMonitor } from '../../subgoals/monitor';

export interface RolloutEnvOptions {
  /** The data directory whose store records the episodes: the workbench's (a job) or a scratch one. */
  dataDir: string;
  datasetSeed: number;
  instancesPerFamily: number;
  browserPath?: string | null;
  /** A running Playwright browser server instead of a launched Chromium (tests share one). */
  browserWsEndpoint?: string | null;
  stopRules?: StopRules;
  /** The workbench job these episodes belong to: each phase's episodes are stored under a run of it. */
  job?: { jobId: string; variant: TrainingVariant; seed: number };
}

export interface RolloutJob {
  instance: SandboxTaskInstance;
  /** Builds the policy for this episode (policies keep per-episode state). */
  policy: (resolveUrl: (text: string) => string) => Policy;
  seed: number;
}

/** Which phase and stage a batch of episodes belongs to (the run they are stored under). */
export interface RolloutStage {
  phase: number;
  stage: TrainingEpisodeStage;
  /** The policy's name in the run's config (oracle for demonstrations, local otherwise). */
  policy: string;
}

/** A stored run of the job's episodes: its id and how many episodes it holds. */
export interface RolloutRunRef {
  runId: string;
  episodes: number;
}

/** An episode is cut off after this long (a hung page), as a run's scheduler would. */
const EPISODE_TIMEOUT_MS = 5 * 60_000;

/** A sandbox, a browser pool and a store for rollouts; one per training session. */
export class RolloutEnv {
  private readonly runs = new Map<string, RolloutRunRef>();
  private readonly registered = new Set<string>();

  private constructor(private readonly runtime: SandboxRuntime, private readonly options: RolloutEnvOptions) {}

  static async open(options: RolloutEnvOptions): Promise<RolloutEnv> {
    const runtime = await openSandboxRuntime({
      dataDir: options.dataDir, browserPath: options.browserPath, browserWsEndpoint: options.browserWsEndpoint, datasetSeed: options.datasetSeed, instancesPerFamily: options.instancesPerFamily,
    });
    return new RolloutEnv(runtime, options);
  }

  get catalog(): SandboxCatalog {
    return this.runtime.catalog;
  }

  get store(): Store {
    return this.runtime.store;
  }

  /** The run holding a phase's episodes of one stage, once it ran (only in a job). */
  runOf(phase: number, stage: TrainingEpisodeStage): RolloutRunRef | undefined {
    return this.runs.get(`${phase}/${stage}`);
  }

  /** Runs one episode; resolves to the finished record (success null when it could not be scored). */
  async runOne(job: RolloutJob, signal?: AbortSignal, runId: string | null = null): Promise<EpisodeRecord> {
    await this.register(job.instance);
    return this.runtime.episodes.run({
      task: SandboxCatalog.toTaskRecord(job.instance),
      seed: job.seed,
      runId,
      policy: (environment) => job.policy(environment.resolveUrl),
      stopRules: this.options.stopRules ?? WEBARENA_STOP_RULES,
      monitor: job.instance.subgoals.length ? predicateMonitor(job.instance.subgoals) : undefined,
      signal,
      // A job's episodes are replayed from the Training page: small frames keep the trainer's pace (browser/scaled-frames.ts).
      // Scratch episodes are read as text only.
      capture: this.options.job ? 'low' : 'none',
    });
  }

  /** Runs jobs through the runs' scheduler (bounded concurrency, per-episode time limit, no retries: a rollout
   * that failed is data). Results in job order; a cancel leaves the jobs that never started out (undefined). */
  async runMany(
    jobs: RolloutJob[], concurrency: number, onDone?: (index: number, e: EpisodeRecord) => void, signal?: AbortSignal, stage?: RolloutStage,
  ): Promise<(EpisodeRecord | undefined)[]> {
    const run = stage && jobs.length ? await this.beginRun(stage, jobs) : null;
    const results = new Array<EpisodeRecord | undefined>(jobs.length).fill(undefined);
    let status: RunRecord['status'] = 'finished';
    try {
      await runJobs(
        jobs.map((job, index) => ({ index, taskId: job.instance.id, seed: job.seed })),
        { concurrency: Math.max(1, concurrency), episodeTimeoutMs: EPISODE_TIMEOUT_MS, infraRetries: 0 },
        async ({ index }, episodeSignal) => {
          const episode = await this.runOne(jobs[index], episodeSignal, run?.runId ?? null);
          results[index] = episode;
          if (run) run.episodes++;
          onDone?.(index, episode);
          return episode;
        },
        undefined,
        signal,
      );
      if (signal?.aborted) status = 'interrupted';
      return results;
    } catch (err) {
      status = 'error';
      throw err;
    } finally {
      if (run) await this.store.runs.setStatus(run.runId, status);
    }
  }

  close(): Promise<void> {
    return this.runtime.close();
  }

  /** A run of the job for this phase and stage (kind 'rollout', kept out of the Runs statistics). */
  private async beginRun(stage: RolloutStage, jobs: RolloutJob[]): Promise<RolloutRunRef | null> {
    const { job } = this.options;
    if (!job) return null;
    const ref: RolloutRunRef = { runId: randomUUID(), episodes: 0 };
    await this.store.runs.create({
      id: ref.runId,
      kind: 'rollout',
      status: 'running',
      createdAt: new Date().toISOString(),
      config: {
        policy: stage.policy, taskIds: [...new Set(jobs.map((j) => j.instance.id))], seed: jobs[0].seed, phase: stage.phase, capture: 'low',
        stopRules: this.options.stopRules ?? WEBARENA_STOP_RULES,
        training: { jobId: job.jobId, variant: job.variant, seed: job.seed, stage: stage.stage },
      },
    });
    this.runs.set(`${stage.phase}/${stage.stage}`, ref);
    return ref;
  }

  /** Episodes refer to their task: a training instance beyond the workbench's catalog is stored first, marked as
   * a training instance so the task lists leave it out (issue 17); a task already stored is left as it is. */
  private async register(instance: SandboxTaskInstance): Promise<void> {
    if (this.registered.has(instance.id)) return;
    if (!(await this.store.tasks.get(instance.id))) await this.store.tasks.upsert(SandboxCatalog.toTaskRecord(instance), { training: true });
    this.registered.add(instance.id);
  }
}
