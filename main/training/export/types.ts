// The export's record shapes (issue 7 "Export", issue 23). Three formats: `mira` (one line per step with
// MiRA's signals, plus a manifest), `vab-traces` (VisualAgentBench's raw WebRL trace folder) and
// `webrl-trainer` (WebRL's trainer trajectories). Every field is documented in docs/export.md with the
// docs/design/MIRA.md §4 equation it comes from.
import type { MiraConfig } from '../defaults';
import type { LocalScorer } from '../model/local-scorer';
import type { CriticsFit } from './critics-fit';

export const EXPORT_SCHEMA = 'mira-export/2';

export type ExportFormat = 'mira' | 'vab-traces' | 'webrl-trainer';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['mira', 'vab-traces', 'webrl-trainer'];

export interface ExportOptions {
  /** A checkpoint file or directory (its latest phase), or an already loaded scorer. Supplies V and P when
   * the steps carry none, and log π_ref of every action in its candidate space. */
  checkpoint?: string | LocalScorer;
  /** A critics fit on recorded runs (`train critics`; its folder, critics.json or fit.json), or one already loaded:
   * the source of V and P for every episode, ahead of stored columns and the checkpoint's critics. π_ref still
   * comes from `checkpoint` only. */
  criticsFit?: string | CriticsFit;
  format: ExportFormat;
  /** Overrides of α, λ, γ and the return kind; the rest of MiraDefaults applies (docs/design/MIRA.md §6). */
  mira?: Partial<MiraConfig>;
  /** Called once per episode, exported or skipped (the CLI's progress line). */
  onEpisode?(report: EpisodeReport): void;
  /** Where skip reasons go; default: one line on stderr per skipped episode. */
  onSkip?(episodeId: string, reason: string): void;
}

export interface EpisodeReport {
  episodeId: string;
  taskId: string;
  /** Lines written for this episode (0 when skipped). */
  steps: number;
  success: boolean | null;
  /** Why the episode was not exported; absent when it was. */
  skipped?: string;
  criticSource: CriticSource;
}

/** Where V(s_t) and P(s_t) came from: the given critics fit, the step columns the acting policy recorded, the
 * given checkpoint's critics, or nowhere (then value, potential, shaped_reward and advantage are null). */
export type CriticSource = 'critics_fit' | 'stored' | 'checkpoint' | null;

/** The MiRA annotations of one step (docs/design/MIRA.md §4). */
export interface MiraStepFields {
  /** p*_{t+1}: progress label of the state this step's action leads to (failed episodes: flat after the last milestone); episodes with subgoals only. */
  progress_label: number | null;
  /** V(s_t) of this line's observation. */
  value: number | null;
  /** P(s_t) of this line's observation. */
  potential: number | null;
  /** r'_t = r_t + α·(P(s_{t+1}) − P(s_t)). */
  shaped_reward: number | null;
  /** A_t = λ·(r'_t + γ·V(s_{t+1}) − V(s_t)) + (1 − λ)·(G_t − V(s_t)). */
  advantage: number | null;
  /** log π_ref(a_t | s_t) under the *local* policy of the given checkpoint (not an LLM's); null without
   * one or outside its candidate space. */
  local_policy_ref_logprob: number | null;
  /** The stored progress vector z after this step's action (1 = milestone done); null without subgoals. */
  milestones: number[] | null;
  /** r_t: the binary outcome on the last step, 0 before it. */
  outcome_reward: number;
  /** Subgoals done after this step's action (the stored progress vector's sum); null without subgoals. */
  subgoals_done: number | null;
  /** K, the number of subgoals the episode was judged against; null without subgoals. */
  subgoals_total: number | null;
  critic_source: CriticSource;
}

/** One JSONL line: WebRL's trace fields (task, html observation, history, action as the target output,
 * done, trajectory reward) plus `mira`. */
export interface ExportLine {
  schema: typeof EXPORT_SCHEMA;
  run_id: string;
  episode_id: string;
  task_id: string;
  t: number;
  url: string;
  /** The task intent (WebRL: `task` / `target`). */
  task: string;
  /** The observation the policy saw (WebRL: `html`); null when no observation was stored. */
  observation: string | null;
  /** 'webrl-html' when the stored text is WebRL's simplified HTML, 'axtree' for WebArena's AX-tree text. */
  observation_format: 'webrl-html' | 'axtree' | null;
  /** Earlier steps' actions in WebRL's grammar, oldest first. */
  previous_actions: string[];
  /** This step's action in WebRL's grammar: the fine-tuning target (WebRL: `action` / `response`). */
  action: string | null;
  /** The action exactly as the policy wrote it, in its own grammar. */
  action_text: string;
  /** Why the action failed to parse or execute, if it did. */
  action_error: string | null;
  /** The format of the view the policy read (null for steps recorded before views were stored). */
  policy_observation_format: 'axtree' | 'webrl-html' | 'som' | null;
  /** The prompt the policy sent (LLM policies), and its raw reply. */
  prompt: string | null;
  reply: string | null;
  /** Last step of the episode (WebRL: `done`). */
  done: boolean;
  /** The episode's outcome, 1 success / 0 failure, on every line (WebRL: `trajectory_reward`). */
  trajectory_reward: number;
  mira: MiraStepFields;
}
