// What the live AutoRater judged step t's milestones from (main/subgoals/autorater.ts, llm-judge.ts), rebuilt
// from the stored episode so a preview or a trial of the autorater prompt shows what the judge was sent
// (docs/design/MIRA.md §3.1: the judge reads the action log and the page after the action).
import type { StepRecord } from '../api/types';
import type { LoggedAction } from '../prompts/slot-text';

export interface JudgeFacts {
  /** Steps 0..t as the AutoRater logs them: each action on the page it was taken from, with its error if it failed. */
  history: LoggedAction[];
  /** The page after step t's action: step t+1's observation, or step t's own when no step followed. */
  page: StepRecord;
}

export function judgeFactsAt(steps: readonly StepRecord[], t: number): JudgeFacts {
  const upTo = steps.filter((s) => s.t <= t).sort((a, b) => a.t - b.t);
  const step = upTo.at(-1);
  if (!step || step.t !== t) throw new Error(`The episode has no step ${t}.`);
  return {
    history: upTo.map((s) => ({ t: s.t, actionText: s.actionText, error: s.actionError, url: s.url })),
    page: steps.find((s) => s.t === t + 1) ?? step,
  };
}
