// Plain data records shared by the core, the API and the renderer. Types only: the renderer imports this
// file, so nothing here may touch Node, Electron or the DOM.

import type { ActionType } from './registries';

/** The action types are a registry (main/api/registries.ts). */
export type { ActionType };

/** One action in the workbench's normalised form. Every grammar (WebArena, WebRL, BrowserGym) parses into
 * this record and renders back from it (docs/design/WEBARENA.md §4.1). */
export interface Action {
  type: ActionType;
  /** Element id from the observation (click, type, hover, select). */
  elementId?: string;
  /** Text to type, option to select, answer for stop. */
  text?: string;
  /** type: press Enter after typing (WebArena's default is 1). */
  pressEnter?: boolean;
  /** press: key combination such as "Control+a". */
  key?: string;
  /** scroll direction. */
  direction?: 'up' | 'down';
  /** goto target. */
  url?: string;
  /** tab_focus index. */
  tabIndex?: number;
  /** How the grammar's reference runs this action where the grammars differ; absent: the executor's defaults. */
  execution?: ExecutionStyle;
}

/** Per-grammar execution details of a parsed action (docs/design/WEBARENA.md §4.6), so the executor stays
 * grammar-agnostic. Every field is optional; an absent one keeps the executor's default. */
export interface ExecutionStyle {
  /** type: clear the field before typing (default true); WebArena's type appends to the text already there. */
  clearFirst?: boolean;
  /** press: read Meta as Control off macOS, as WebArena's key press does. */
  metaAsControl?: boolean;
  /** scroll: how far and by what means (default: a mouse wheel of 0.8 of the viewport). */
  scroll?: ScrollStyle;
  /** select: 'label' (default) the option's exact label; 'value_or_label' Playwright's match of either;
   * 'contains' the first option whose text contains the argument, ignoring case. */
  optionMatch?: 'label' | 'value_or_label' | 'contains';
}

export interface ScrollStyle {
  /** 'wheel' scrolls what is under the pointer; 'document' moves the document's scrollTop. */
  via: 'wheel' | 'document';
  unit: 'viewport' | 'px';
  /** Distance along the action's direction, in `unit`s (viewport heights or pixels). */
  amount: number;
  /** Pixels to scroll right (negative: left) with the wheel, as BrowserGym's scroll(dx, dy) can. */
  across?: number;
}

export type EpisodeStatus = 'running' | 'finished' | 'interrupted' | 'error';

export type StopReason =
  | 'agent_stop'
  /** The task page itself ended the episode (MiniWoB++'s WOB_DONE_GLOBAL). */
  | 'task_done'
  | 'max_steps'
  | 'parse_failures'
  | 'repeated_actions'
  | 'policy_error'
  | 'browser_error'
  | 'process_killed'
  /** The per-episode time limit of the run scheduler ran out. */
  | 'time_limit'
  | 'cancelled'
  /** A fork's replayed prefix no longer reproduced the source episode (an action failed or the page differed). */
  | 'fork_prefix_diverged'
  /** Infrastructure failures (status 'error'): retried by the scheduler, rerun by resume, never in a success
   * rate. The LLM could not be reached (network, time-out, 5xx), refused the key (401/403), or rate-limited
   * past the retries; the trained checkpoint would not load; the page closed while the episode was scored;
   * a blob or row could not be written (disk full). */
  | 'llm_unavailable'
  | 'llm_auth'
  | 'llm_rate_limited'
  | 'checkpoint_invalid'
  | 'evaluation_interrupted'
  | 'storage_error';

/** Bounding box in CSS pixels of the page's viewport at screenshot time. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ElementBox extends Box {
  id: string;
}

export interface TaskRecord {
  id: string;
  source: 'sandbox' | 'webarena' | 'miniwob';
  sites: string[];
  intent: string;
  startUrl: string;
  /** The full task config in WebArena's format (all fields kept). */
  config: Record<string, unknown>;
  split: 'train' | 'test' | null;
  family: string | null;
}

/** A task as lists show it: everything but the full config (WebArena configs are large; a list of hundreds
 * must stay a small message). `getEpisode` carries the full record. */
export type TaskSummary = Omit<TaskRecord, 'config'> & {
  /** Stored only for a training job (its rollouts or test split, issue 17); lists leave these out unless asked. */
  training?: boolean;
};

export interface RunRecord {
  id: string;
  kind: 'eval' | 'rollout' | 'ablation';
  config: Record<string, unknown>;
  status: 'running' | 'finished' | 'interrupted' | 'error';
  createdAt: string;
}

export interface EpisodeRecord {
  id: string;
  runId: string | null;
  taskId: string;
  policy: string;
  seed: number;
  status: EpisodeStatus;
  success: boolean | null;
  score: number | null;
  answer: string | null;
  stopReason: StopReason | null;
  /** Human-readable explanation of the outcome (stop reason, errors, evaluator checks). */
  outcome: string | null;
  failureMode: string | null;
  evaluation: EvaluationResult | null;
  /** Why a failed episode failed (docs/design/MIRA.md §1), written by the analyzer; null until analysed. */
  analysis: EpisodeAnalysis | null;
  stepCount: number;
  createdAt: string;
  finishedAt: string | null;
  /** A fork's provenance: steps t < step replayed the source episode's actions. The store always sets it (null
   * for ordinary episodes); optional so hand-built records need not. */
  forkedFrom?: ForkProvenance | null;
  /** The instruction this episode was given when it is not the task's intent (MiniWoB++ generates one per
   * seed; docs/design/WEBARENA.md §5); null/absent: the task's intent. */
  instruction?: string | null;
}

/** Where a forked episode came from: its source episode and the step the new policy took over at. */
export interface ForkProvenance {
  episodeId: string;
  step: number;
}

export interface StepRecord {
  episodeId: string;
  t: number;
  url: string;
  /** Blob hashes (content-addressed store). */
  observationRef: string | null;
  screenshotRef: string | null;
  /** ~160 px wide JPEG of the same viewport for the replay filmstrip (issue 22); absent on steps recorded
   * before thumbnails were, or without a screenshot. Optional so hand-built records need not set it. */
  thumbnailRef?: string | null;
  promptRef: string | null;
  responseRef: string | null;
  action: Action | null;
  /** The raw action text as the policy wrote it. */
  actionText: string;
  actionError: string | null;
  /** Box of the acted element at observation time, for overlays. */
  targetBox: Box | null;
  progress: number[] | null;
  value: number | null;
  potential: number | null;
  latencyMs: number;
  timings: StepTimings;
  /** What the policy read (issue 23); absent on steps recorded before views were stored. Optional so
   * hand-built records need not set it. */
  views?: StepViews | null;
}

/** One rendering of a step's observation, as blobs: its text, and for views with ids of their own (WebRL's
 * sequential ids) the JSON map view id → our node id. */
export interface StepViewRef {
  format: 'axtree' | 'webrl-html' | 'som';
  textRef: string;
  idsRef: string | null;
}

/** The policy's own view (the SoM text for 'som'; the prompt and raw reply are the step's promptRef and
 * responseRef), and WebRL's simplified HTML of the same extraction with its id map, so an export can give
 * the page and the ids a WebRL model expects whatever the policy read. */
export interface StepViews {
  policy: StepViewRef;
  webrl: StepViewRef;
}

/** Per-step timing split, for the replay UI and the harness benchmark. */
export interface StepTimings {
  observeMs: number;
  policyMs: number;
  actMs: number;
  storeMs: number;
}

/** One evaluator check and its explanation, so the UI can show why an episode passed or failed. */
export interface EvaluationCheck {
  kind: 'string_match' | 'url_match' | 'program_html' | 'miniwob_reward';
  rule: string;
  expected: string;
  actual: string;
  passed: boolean;
  score: number;
  note?: string;
}

export interface EvaluationResult {
  profile: string;
  score: number;
  success: boolean;
  checks: EvaluationCheck[];
}

/** The failure analyzer's reading of one failed episode (docs/design/MIRA.md §1), stored with its evidence. */
export interface EpisodeAnalysis {
  category: 'wrong_termination' | 'stuck_midway' | 'no_reasonable_attempt' | 'others';
  /** The rule that fired, e.g. `last_n_identical`. */
  rule: string;
  /** Steps that matched the rule. */
  evidenceSteps: number[];
  explanation: string;
  keyDecision: { t: number; type: 'semantic_deviation' | 'loop_onset' | 'value_drop'; explanation: string } | null;
  /** How many successful episodes of the same task served as references for the key decision step. */
  references: number;
  /** A short factual account written by an LLM, when a provider is configured. */
  summary?: string;
  analyzedAt: string;
}
