// Settings of the inference-time loop (MIRA.md §2–3). Paper values where known, marked defaults otherwise.

export interface SgoSettings {
  /** Milestones per task (MIRA.md §2: K = 4 in every example). */
  subgoalCount: number;
  /** Re-plan when no milestone completes for this many steps (MIRA.md §3 **default** 5). */
  replanAfterSteps: number;
  /** Where an SGO episode's milestones come from: generated from the first page (the paper's way), the
   * task's newest stored set (e.g. hand-corrected; generated when there is none), or the sandbox reference. */
  subgoalSource: 'generate' | 'latest' | 'reference';
  /** The AutoRater sees the screenshot as well as the page text. */
  autoraterScreenshot: boolean;
}

export const DEFAULT_SGO_SETTINGS: SgoSettings = {
  subgoalCount: 4,
  replanAfterSteps: 5,
  subgoalSource: 'generate',
  autoraterScreenshot: true,
};

export const LLM_POLICIES = ['react', 'sgo'] as const;

export function isLlmPolicy(name: string): boolean {
  return (LLM_POLICIES as readonly string[]).includes(name);
}
