// Records of the inference-time half (docs/design/MIRA.md §2, §3): prompts as data, versioned subgoal sets, AutoRater
// verdicts and the LLM calls behind them. Types only: the renderer imports this file.
import type { LlmProviderId, PromptName } from './registries';

/** A milestone check the AutoRater can make without an LLM (docs/design/SANDBOX.md §3.3); the same shape as the
 * sandbox's reference predicates. */
export type SubgoalPredicateSpec =
  | { kind: 'url_matches'; pattern: string }
  | { kind: 'text_present'; text: string }
  | { kind: 'element_state'; query: { role?: string; name?: string; nameContains?: string; nth?: number }; prop: string; value: string }
  | { kind: 'site_state'; check: string; args: Record<string, unknown> };

/** One milestone: its text, and a machine check when there is one. */
export interface SubgoalItem {
  text: string;
  predicate?: SubgoalPredicateSpec | null;
}

/** generated: written by the teacher LLM; hand: written or corrected in the UI; reference: shipped with a
 * sandbox task (its catalog instance). */
export type SubgoalOrigin = 'generated' | 'hand' | 'reference';

/** One version of a task's ordered milestones. Saving never overwrites: it adds a version. */
export interface SubgoalSet {
  id: number;
  taskId: string;
  /** 1, 2, 3 … per task. */
  version: number;
  origin: SubgoalOrigin;
  items: SubgoalItem[];
  note: string | null;
  /** The prompt version that generated it ('generated' only). */
  promptName: string | null;
  promptVersion: number | null;
  /** The model that generated it ('generated' only). */
  model: string | null;
  createdAt: string;
  /** listSubgoalSets only: what new runs do with it (main/subgoals/version-use.ts). */
  use?: SubgoalSetUse;
}

/** How a run that takes the task's newest set (sgo with subgoals "latest", react without reference subgoals)
 * treats a version: 'current' it starts from it; 'replan' an episode's mid-run re-plan, never a starting point
 * (docs/design/MIRA.md §3.2); 'earlier' a later version replaced it; 'per-seed' a MiniWoB++ task, whose runs
 * start from the newest version an episode of their own seed used. */
export type SubgoalSetUse = 'current' | 'replan' | 'earlier' | 'per-seed';

/** One plan an SGO episode acted on: the set, from step `fromT` (0-based) until the next re-plan. */
export interface SubgoalPlanPeriod {
  fromT: number;
  set: SubgoalSet;
}

export type PromptKind = 'subgoal' | 'autorater' | 'policy' | 'analyzer';

/** The prompts the workbench knows: a registry (main/api/registries.ts), since policies name theirs. */
export { PROMPT_NAMES, type PromptName } from './registries';

/** One version of a prompt template. The text uses {{slot}} placeholders and may be split into a system
 * and a user part by lines `[system]` and `[user]`. */
export interface PromptVersion {
  name: PromptName;
  kind: PromptKind;
  version: number;
  text: string;
  /** The slots this prompt may use (anything else is refused on save). */
  slots: string[];
  note: string | null;
  /** True for the text shipped in resources/prompts (version 1). */
  isDefault: boolean;
  createdAt: string;
}

/** One AutoRater judgement of milestone `subgoalIndex` after step t's action. */
export interface VerdictRecord {
  episodeId: string;
  t: number;
  subgoalIndex: number;
  done: boolean;
  evidence: string;
  judge: 'predicate' | 'llm';
  /** The judging model (llm only). */
  model: string | null;
  latencyMs: number;
  /** The llm_calls row with the exact prompt and reply (llm only). */
  llmCallId: number | null;
  createdAt: string;
}

/** What tryAutoRater returns: the verdict (not stored) with the exact prompt sent and the reply. */
export interface AutoRaterTrial {
  verdict: Omit<VerdictRecord, 'createdAt' | 'llmCallId'>;
  prompt: string;
  response: string;
}

/** One LLM call as stored: linked to its episode step, with prompt and reply as blobs. */
export interface LlmCallRecord {
  id: number;
  episodeId: string | null;
  t: number | null;
  purpose: string;
  provider: string;
  model: string;
  promptRef: string | null;
  responseRef: string | null;
  ok: boolean;
  /** Why it failed (timeout, rate_limited, unparseable …), when it did. */
  errorKind: string | null;
  error: string | null;
  /** HTTP attempts, retries included; 0 on a cache hit. */
  attempts: number;
  /** Every attempt (status, error, back-off), so "429 then success" is visible. */
  attemptLog: unknown[];
  inputTokens: number;
  outputTokens: number;
  thinkingTokens: number;
  latencyMs: number;
  cached: boolean;
  /** Why the provider stopped (STOP, MAX_TOKENS, SAFETY, stop, length…); null when it did not say or no reply came. */
  finishReason: string | null;
  createdAt: string;
}

/** Which LLM a run's policy, subgoal teacher and AutoRater use; unset fields come from Settings. */
export interface LlmSelection {
  provider?: LlmProviderId;
  model?: string;
  thinkingBudget?: number | 'dynamic' | 'off';
  /** The fuzzy_match judge's own server (main/settings/judge-endpoint.ts): its calls go there with the judge key.
   * Never from a front end (the API's selection schema refuses it). */
  baseUrl?: string;
}
