// One way to run an episode (issue 19): the environment a task runs in, the policy built for it, the episode
// loop, the scorer (eval/score-task.ts) and the store it records into. Runs and forks (run-tasks.ts), the
// trainer's rollouts (training/rollout/episode-runner.ts) and the benchmarks (through runs) all go through
// here, so an episode means the same whoever started it. docs/design/ARCHITECTURE.md §2 (the episode loop).
import type { EpisodeEnvironment } from '../agent/episode-loop';
import { runEpisode } from '../agent/episode-loop';
import type { Policy } from '../agent/policy';
import type { ScreenshotCapture } from '../agent/screenshot-capture';
import type { StopRules } from '../agent/stop-rules';
import type { EpisodeRecord, ForkProvenance, TaskRecord } from '../api/types';
import type { MiniWobSuccessRule } from '../eval/miniwob-reward';
import type { FuzzyJudge } from '../eval/fuzzy';
import { scoreTask } from '../eval/score-task';
import type { SubgoalMonitor } from '../subgoals/monitor';
import { environmentFor, environmentProblem, homepageFor } from './run-environments';
import type { EpisodeRuntimeDeps } from './types';

export interface EpisodeSpec {
  task: TaskRecord;
  seed: number;
  /** Builds the episode's policy once its environment is known (the oracle and a fork's prefix resolve URLs
   * with it). Policies keep per-episode state, so each episode gets a fresh one. */
  policy(environment: EpisodeEnvironment): Policy | Promise<Policy>;
  runId?: string | null;
  episodeId?: string;
  stopRules?: StopRules;
  /** Aborting ends the episode (the scheduler's time limit, a cancel); recorded as such. */
  signal?: AbortSignal;
  monitor?: SubgoalMonitor;
  forkedFrom?: ForkProvenance;
  capture?: ScreenshotCapture;
  /** The MiniWoB++ success rule the run was started with (a resumed run keeps its own, docs/design/WEBARENA.md
   * §5); the one in force by default. */
  miniwobSuccess?: MiniWobSuccessRule;
  /** The LLM judge of the task's fuzzy_match checks (runs/evaluation-judge.ts); absent when it has none. */
  judge?: FuzzyJudge;
}

export class EpisodeRuntime {
  constructor(readonly deps: EpisodeRuntimeDeps) {}

  /** Why a task cannot run here (no sandbox, no MiniWoB++ checkout, missing site URLs), or null. */
  problemWith(task: TaskRecord): string | null {
    return environmentProblem(this.deps, task);
  }

  /** The page listing every site of the task's world, if it has one (cross-site agents are told of it). */
  homepageFor(task: TaskRecord): string | undefined {
    return homepageFor(this.deps, task);
  }

  /** Runs one episode to its recorded end. An episode whose policy cannot be built throws before anything is
   * recorded, and its environment (a sandbox state) is released. */
  async run(spec: EpisodeSpec): Promise<EpisodeRecord> {
    const environment = environmentFor(this.deps, spec.task, spec.seed);
    let policy: Policy;
    try {
      policy = await spec.policy(environment);
    } catch (err) {
      await environment.dispose().catch(() => undefined);
      throw err;
    }
    const rule = spec.miniwobSuccess ?? this.deps.miniwob.successRule;
    return runEpisode({ ...this.deps, evaluate: (task, ctx) => scoreTask(task, { ...ctx, judge: spec.judge }, rule) }, {
      task: spec.task, policy, environment, runId: spec.runId ?? null, seed: spec.seed, stopRules: spec.stopRules, signal: spec.signal,
      monitor: spec.monitor, episodeId: spec.episodeId, forkedFrom: spec.forkedFrom, capture: spec.capture,
    });
  }
}
