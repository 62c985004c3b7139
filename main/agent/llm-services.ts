// What a run asks of the LLM services (docs/design/MIRA.md §3): a client per selection, the prompt and subgoal
// stores, and the per-episode wiring of an LLM policy. The implementation is a composition root in services/
// (services/inference.ts); runs depend on this shape, not on it (docs/design/ARCHITECTURE.md §4.1).
import type { LlmSelection } from '../api/inference-types';
import type { TaskRecord } from '../api/types';
import type { GrammarName } from '../actions/grammars';
import type { ResolvedLlm } from '../llm/client-factory';
import type { LlmRecorder } from '../llm/recorder';
import type { ReferenceSubgoal } from '../sandbox/types';
import type { PromptPins, PromptStore } from '../store/prompt-store';
import type { SubgoalSetsRepo } from '../store/subgoal-sets-repo';
import type { AutoRater } from '../subgoals/autorater';
import type { LlmPolicyDeps } from './llm-policy-kit';
import type { ObservationFormat } from './observation-view';
import type { SubgoalPlanner } from './sgo-policy';
import type { SgoSettings } from './sgo-settings';

export interface LlmEpisodeRequest {
  task: TaskRecord;
  /** The sandbox catalog's reference subgoals, when the task has them. */
  reference?: readonly ReferenceSubgoal[];
  episodeId: string;
  seed: number;
  policy: 'react' | 'sgo';
  grammar?: GrammarName;
  observationFormat?: ObservationFormat;
  llm?: LlmSelection;
  sgo?: Partial<SgoSettings>;
  /** The run's homepage URL (the sandbox index, or WebArena's HOMEPAGE), when it has one. */
  homepage?: string;
  /** The policy prompt's version (policy-react / policy-sgo); the latest when absent. */
  promptVersion?: number;
  /** The run's fixed version of each prompt (policy, AutoRater, subgoal generation); latest where absent. */
  promptVersions?: PromptPins;
  /** The episode's abort (cancel, time limit): it cuts short every LLM call of the episode (policy, planner, AutoRater). */
  signal?: AbortSignal;
}

/** Everything an LLM policy of one episode needs; createPolicy builds the policy from it. */
export interface LlmEpisodeContext {
  policy: LlmPolicyDeps;
  planner: SubgoalPlanner;
  /** The AutoRater; absent for a ReAct episode of a task without subgoals. */
  monitor?: AutoRater;
  settings: SgoSettings;
}

export interface ResolvedRecorder extends ResolvedLlm {
  recorder: LlmRecorder;
}

export interface LlmServices {
  readonly prompts: PromptStore;
  readonly subgoalSets: SubgoalSetsRepo;
  /** The client for a selection (Settings fill the gaps), wrapped so every call is recorded; throws when unusable. */
  llm(selection?: LlmSelection): Promise<ResolvedRecorder>;
  /** Where a selection's calls go, for the run's preflight; null when nothing is configured. */
  endpoint(selection?: LlmSelection): Promise<string | null>;
  /** Wires an LLM policy episode: its client, its plan and its AutoRater. */
  episodeContext(req: LlmEpisodeRequest): Promise<LlmEpisodeContext>;
  /** Records that a (non-LLM) episode is judged against the task's reference set. */
  linkReference(episodeId: string, taskId: string, reference: readonly ReferenceSubgoal[]): Promise<void>;
}
