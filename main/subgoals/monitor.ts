// The per-step subgoal monitor hook of the episode loop: after each action it returns the progress vector
// (1 = milestone done) that is stored with the step (docs/design/MIRA.md §2, §3). Implementations: the offline
// reference-predicate monitor below, and the AutoRater (LLM verdicts where a subgoal has no predicate).
import type { Action } from '../api/types';
import type { BrowserSession } from '../browser/session';
import type { Observation } from '../browser/observation-types';
import type { ReferenceSubgoal } from '../sandbox/types';
import { checkPredicate } from './predicates';

export interface MonitorInput {
  t: number;
  session: BrowserSession;
  /** The observation the action was chosen on (before the action). */
  observation: Observation;
  action: Action | null;
  actionText: string;
  /** Why the action failed (not parsed, element not found …); the judge must not read a failed action as done. */
  actionError?: string | null;
  /** The episode's intent as the policy got it (MiniWoB++: the seed's instruction), when the loop knows it. */
  intent?: string;
  checkState?(check: string, args: Record<string, unknown>): boolean;
}

export interface SubgoalVerdict {
  index: number;
  done: boolean;
  evidence: string;
  /** 'predicate' (machine check) or 'llm' (AutoRater judgement). */
  judge: 'predicate' | 'llm';
  latencyMs: number;
  /** The judging model and its stored call (LLM verdicts only). */
  model?: string;
  llmCallId?: number | null;
}

export interface SubgoalMonitor {
  readonly subgoals: readonly { text: string }[];
  /** Judges the pending milestones after step t's action; returns the progress vector and the verdicts made. */
  afterAction(input: MonitorInput): Promise<{ progress: number[]; verdicts: SubgoalVerdict[] }>;
}

/** Checks reference-subgoal predicates in order: milestone k can only be done once k−1 is, and a milestone
 * once done stays done (the progress vector only advances, docs/design/MIRA.md §3.1). Several may complete in one step. */
export function predicateMonitor(subgoals: readonly ReferenceSubgoal[]): SubgoalMonitor {
  const progress = subgoals.map(() => 0);
  return {
    subgoals,
    async afterAction(input) {
      const verdicts: SubgoalVerdict[] = [];
      for (let k = progress.indexOf(0); k >= 0 && k < subgoals.length; k++) {
        const started = performance.now();
        const result = await checkPredicate(subgoals[k].predicate, { page: input.session.page, checkState: input.checkState });
        verdicts.push({ index: k, done: result.holds, evidence: result.evidence, judge: 'predicate', latencyMs: performance.now() - started });
        if (!result.holds) break;
        progress[k] = 1;
      }
      return { progress: [...progress], verdicts };
    },
  };
}
