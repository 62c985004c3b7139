// Rollouts for the trainer (docs/design/MIRA.md §4.15: roll out the current policy → judge outcomes and subgoal
// completions). Episodes go through the real episode loop (observe → policy → grammar → executor → Chromium)
// on the built-in sandbox, judged offline by the reference-subgoal predicates (predicateMonitor) and scored
// by the WebArena evaluator, exactly as a run would; only the policy differs.
import type { EpisodeRecord, TaskRecord } from '../../api/types';
import { runEpisode, type EpisodeDeps } from '../../agent/episode-loop';
import type { Policy } from '../../agent/policy';
import { WEBARENA_STOP_RULES, type StopRules } from '../../agent/stop-rules';
import { createCore, type Core } from '../../core';
import { evaluateEpisode } from '../../eval/evaluate';
import { SandboxCatalog } from '../../runs/sandbox-catalog';
import { sandboxEnvironment } from '../../runs/environments';
import { predicateMonitor } from '../../subgoals/monitor';
import type { SandboxTaskInstance } from '../../sandbox/types';

export interface RolloutEnvOptions {
  /** Scratch data directory for the rollout episodes (SQLite + screenshots). */
  dataDir: string;
  datasetSeed: number;
  instancesPerFamily: number;
  browserPath?: string | null;
  stopRules?: StopRules;
}

export interface RolloutJob {
  instance: SandboxTaskInstance;
  /** Builds the policy for this episode (policies keep per-episode state). */
  policy: (resolveUrl: (text: string) => string) => Policy;
  seed: number;
}

/** A sandbox, a browser pool and a store for rollouts; one per training session. */
export class RolloutEnv {
  private constructor(readonly core: Core, private readonly stopRules: StopRules) {}

  static async open(options: RolloutEnvOptions): Promise<RolloutEnv> {
    const core = await createCore({
      dataDir: options.dataDir,
      browserPath: options.browserPath,
      sandbox: { datasetSeed: options.datasetSeed, instancesPerFamily: options.instancesPerFamily },
    });
    return new RolloutEnv(core, options.stopRules ?? WEBARENA_STOP_RULES);
  }

  get catalog(): SandboxCatalog {
    return this.core.catalog!;
  }

  /** Runs one episode; resolves to the finished record (success null when it could not be scored). */
  async runOne(job: RolloutJob, signal?: AbortSignal): Promise<EpisodeRecord> {
    const { core } = this;
    const task: TaskRecord = SandboxCatalog.toTaskRecord(job.instance);
    const environment = sandboxEnvironment(core.sandbox!);
    const deps: EpisodeDeps = {
      store: core.store,
      pool: core.pool,
      // As core.ts scores sandbox tasks: original WebArena rules, no settle wait (server-rendered pages).
      evaluate: (t, ctx) =>
        evaluateEpisode(t.config, { answer: ctx.answer, finalUrl: ctx.finalUrl, page: ctx.page, placeholders: ctx.resolveUrl, profile: 'webarena', settleMs: 0 }),
    };
    return runEpisode(deps, {
      task,
      policy: job.policy(environment.resolveUrl),
      environment,
      seed: job.seed,
      stopRules: this.stopRules,
      monitor: job.instance.subgoals.length ? predicateMonitor(job.instance.subgoals) : undefined,
      signal,
      // Rollouts are scratch data the trainer reads as text; nobody views their frames.
      capture: 'none',
    });
  }

  /** Runs jobs with bounded concurrency, in order of completion; results in job order. */
  async runMany(jobs: RolloutJob[], concurrency: number, onDone?: (index: number, e: EpisodeRecord) => void, signal?: AbortSignal): Promise<EpisodeRecord[]> {
    const results = new Array<EpisodeRecord>(jobs.length);
    let next = 0;
    const worker = async () => {
      while (next < jobs.length && !signal?.aborted) {
        const i = next++;
        results[i] = await this.runOne(jobs[i], signal);
        onDone?.(i, results[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    return results;
  }

  close(): Promise<void> {
    return this.core.close();
  }
}
