// The shapes runs, forks and the episode runtime share (issue 19): kept apart from the modules that use them, so
// fork.ts, run-environments.ts and run-tasks.ts import types from here instead of from each other.
import type { GrammarName } from '../actions/grammars';
import type { LlmServices } from '../agent/llm-services';
import type { EpisodeDeps } from '../agent/episode-loop';
import type { ObservationFormat } from '../agent/observation-view';
import type { ScreenshotCapture } from '../agent/screenshot-capture';
import type { SgoSettings } from '../agent/sgo-settings';
import type { StopRules } from '../agent/stop-rules';
import type { LlmSelection } from '../api/inference-types';
import type { WorkbenchSettings } from '../api/settings';
import type { EpisodeRecord, ForkProvenance, RunRecord } from '../api/types';
import type { MiniWobSuccessRule } from '../eval/miniwob-reward';
import type { SandboxServer } from '../sandbox/server';
import type { MiniWobServer } from '../tasks/miniwob/server';
import type { SiteLogins } from '../tasks/site-login';
import type { SiteProfile } from '../tasks/site-profile';
import type { PromptPins } from '../store/prompt-store';
import type { SandboxCatalog } from './sandbox-catalog';
import type { JobProgress, SchedulerSettings } from './scheduler';

export interface RunTasksRequest {
  taskIds: string[];
  policy: string;
  seed?: number;
  /** `--seeds N`: every task runs with seeds seed … seed+N−1, whatever the task list; without it each task
   * runs once with seed + its index in the list. */
  seedsPerTask?: number;
  stopRules?: StopRules;
  /** The grammar the policy writes (oracle: any; LLM policies: the one the model was trained on). */
  grammar?: GrammarName;
  /** How the policy sees the page (oracle: any; LLM policies: what the model was trained on). */
  observationFormat?: ObservationFormat;
  /** Concurrency, per-episode time limit, infrastructure retries. */
  scheduler?: Partial<SchedulerSettings>;
  /** LLM policies: provider/model/thinking budget (Settings fill the rest) and SGO settings (K, re-plan N). */
  llm?: LlmSelection;
  /** The LLM that judges fuzzy_match checks, provider and model named (runs/evaluation-judge.ts); the preflight
   * fixes it from Settings when a run starts, and a resume keeps the recorded one. */
  judge?: LlmSelection;
  sgo?: Partial<SgoSettings>;
  /** 'local': the trained policy's checkpoint (a phase-<n>.json file or a training job's directory). */
  checkpoint?: string;
  /** LLM policies: the version of their policy prompt (policy-react / policy-sgo); the latest by default. */
  promptVersion?: number;
  /** LLM policies: the version of each prompt the run sends (set when the run starts, kept on resume;
   * main/runs/prompt-pins.ts). */
  promptVersions?: PromptPins;
  /** A fork (fork.ts): each episode first replays this episode's steps t < step, then the policy takes over. */
  fork?: ForkProvenance;
  /** Which steps keep a screenshot: 'all' (the default, as replay and the UI's runs need), 'first-last' for
   * sweeps, 'low' (small frames, training rollouts), 'none'. Observations are stored either way. */
  capture?: ScreenshotCapture;
}

/** The MiniWoB++ server when a checkout is configured, else why not; and the success rule in force. */
export interface MiniWobDeps {
  server: MiniWobServer | null;
  problem: string | null;
  successRule: MiniWobSuccessRule;
}

/** Where tasks can run in this process: the sandbox, MiniWoB++ and the imported WebArena sites. Absent ones are
 * null (never left out), so each use says what happens without them. */
export interface EnvironmentDeps {
  sandbox: SandboxServer | null;
  catalog: SandboxCatalog | null;
  miniwob: MiniWobDeps;
  /** Where imported WebArena tasks' sites are (SHOPPING=…, WA_SHOPPING=… or the Settings page's profile). */
  siteProfile(): SiteProfile;
  /** The per-site login step for WebArena tasks that require a login; null where no site needs one. */
  logins: SiteLogins | null;
}

/** What the episode runtime (episode-runtime.ts) needs: the store and browser pool the episode loop records
 * with and the places tasks run in. Scoring is the runtime's own (eval/score-task.ts). */
export interface EpisodeRuntimeDeps extends Omit<EpisodeDeps, 'evaluate'>, EnvironmentDeps {}

export interface RunTasksDeps extends EpisodeRuntimeDeps {
  onRun?(run: RunRecord): void;
  onProgress?(runId: string, progress: JobProgress): void;
  /** Prompts, subgoal sets, verdicts and LLM clients; the LLM policies need them. */
  inference: LlmServices | null;
  /** The settings in effect, for the judge setting (runs/evaluation-judge.ts); without it the judge is the run's LLM. */
  settings?(): Promise<WorkbenchSettings>;
}

export interface StartedRun {
  runId: string;
  /** Settles with one final episode per task when the run has ended. */
  done: Promise<EpisodeRecord[]>;
  cancel(): void;
}
