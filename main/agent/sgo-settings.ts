// Settings of the inference-time loop (docs/design/MIRA.md §2, §3). Paper values where known, marked defaults otherwise.
import { isMember, POLICIES, POLICY_IDS } from '../api/registries';

export interface SgoSettings {
  /** Milestones per task (docs/design/MIRA.md §2.1: K = 4 in every example). */
  subgoalCount: number;
  /** Re-plan when no milestone completes for this many steps (docs/design/MIRA.md §3.2 **default** 5). */
  replanAfterSteps: number;
  /** Where an SGO episode's milestones come from: generated from the first page (the paper's way), the
   * task's newest stored set (e.g. hand-corrected; generated when there is none), or the sandbox reference. */
  subgoalSource: 'generate' | 'latest' | 'reference';
  /** One stored subgoal-set version, pinned by id (issue 21, main/subgoals/pinned-set.ts): used instead of
   * `subgoalSource`, by SGO to act on and by ReAct to be judged against. */
  subgoalSetId?: number;
  /** The AutoRater sees the screenshot as well as the page text. */
  autoraterScreenshot: boolean;
}

export const DEFAULT_SGO_SETTINGS: SgoSettings = {
  subgoalCount: 4,
  replanAfterSteps: 5,
  subgoalSource: 'generate',
  autoraterScreenshot: true,
};

/** The policies that act through an LLM: those of kind 'llm' in the registry (main/api/registries.ts). */
export const LLM_POLICIES = POLICY_IDS.filter((id) => POLICIES[id].kind === 'llm');

export function isLlmPolicy(name: string): boolean {
  return isMember(POLICY_IDS, name) && POLICIES[name].kind === 'llm';
}
