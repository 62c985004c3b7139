// Failure-mode classification (docs/design/MIRA.md §1.1): each failed episode gets exactly one category,
// rules tried in the paper's priority order. Pure and deterministic; the LLM summary is written elsewhere.

import type { StopReason } from '../api/types';
import { trailingCycle, trailingIdenticalRun } from './loops';
import { actionKey, actionLabel, assertAnalyzedEpisode, type AnalyzedEpisode } from './trajectory';
import { stepNumber } from './step-number';

export type FailureCategory = 'wrong_termination' | 'stuck_midway' | 'no_reasonable_attempt' | 'others';

export const FAILURE_CATEGORIES: readonly FailureCategory[] = ['wrong_termination', 'stuck_midway', 'no_reasonable_attempt', 'others'];

export interface FailureSettings {
  /** Stuck midway: the last N actions identical (docs/design/MIRA.md §1.1, **default** N = 3). */
  repeatN: number;
  /** Stuck midway: a cycle of length 2–3 repeated M times at the end (**default** M = 3). */
  cycleRepeatsM: number;
  /** No reasonable attempt: "very early" = the episode has at most this many steps (**default** 2). */
  earlySteps: number;
  /** Compare (url, action) instead of the action alone when looking for repeats. Off by default: docs/design/MIRA.md §1.1
   * and WebArena's stop rule speak of identical actions. */
  compareUrl: boolean;
}

export const DEFAULT_FAILURE_SETTINGS: Readonly<FailureSettings> = { repeatN: 3, cycleRepeatsM: 3, earlySteps: 2, compareUrl: false };

export interface FailureContext {
  /** The episode reached the page the task needed (from the evaluator, a URL check or a human). Unknown when
   * absent; the "reached the right page but never stopped" rule then does not fire. */
  reachedTargetPage?: boolean;
}

export type FailureRule =
  | 'stopped_but_failed'
  | 'identical_actions'
  | 'action_cycle'
  | 'harness_repeated_actions'
  | 'reached_target_never_stopped'
  | 'ended_early'
  | 'interrupted'
  | 'none_matched';

export interface FailureClassification {
  category: FailureCategory;
  /** Which rule fired, for the UI and for auditing the analyzer. */
  rule: FailureRule;
  /** Step t values that support the verdict (the looping tail, the stop step, ...). */
  evidenceSteps: number[];
  explanation: string;
}

/** Stop reasons that mean the episode was cut off by something other than the agent's own behaviour. */
const INTERRUPTED: ReadonlySet<StopReason> = new Set<StopReason>(['browser_error', 'process_killed', 'cancelled', 'policy_error', 'fork_prefix_diverged']);

function resolveSettings(partial: Partial<FailureSettings>): FailureSettings {
  const s = { ...DEFAULT_FAILURE_SETTINGS, ...partial };
  const int = (name: keyof FailureSettings, min: number): void => {
    const v = s[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
      throw new Error(`classifyFailure: settings.${name} must be an integer >= ${min}, got ${String(v)}`);
    }
  };
  int('repeatN', 2);
  int('cycleRepeatsM', 2);
  int('earlySteps', 0);
  if (typeof s.compareUrl !== 'boolean') throw new Error('classifyFailure: settings.compareUrl must be a boolean');
  return s;
}

/**
 * Classifies one failed episode. Rules, first match wins (docs/design/MIRA.md §1.1):
 * 1. wrong_termination — the agent ended with stop (stopReason agent_stop, or a final stop action) and the
 *    evaluator said fail.
 * 2. stuck_midway — the last N actions are identical; or a cycle of length 2, then 3, repeats M times at the
 *    end; or the harness itself stopped the episode for repeated actions.
 * 3. no_reasonable_attempt — it reached the right page but never stopped (only when the context says so); or
 *    it ended within the first `earlySteps` steps. Decision: an episode cut off by the environment
 *    (browser_error, process_killed, cancelled, policy_error) is not counted as "ended early": the agent made
 *    no choice to end it, so it falls through to others (rule "interrupted").
 * 4. others.
 * Unparseable replies (action null) never count as identical actions.
 */
export function classifyFailure(
  ep: AnalyzedEpisode,
  settings: Partial<FailureSettings> = {},
  context: FailureContext = {},
): FailureClassification {
  assertAnalyzedEpisode('classifyFailure', ep);
  if (ep.success) throw new Error(`classifyFailure: episode of task ${ep.taskId} succeeded; only failed episodes are classified`);
  const s = resolveSettings(settings);
  const steps = ep.steps;
  const last = steps[steps.length - 1];
  const ts = (from: number, to = steps.length): number[] => steps.slice(from, to).map((x) => x.t);

  // 1. Wrong termination.
  if (ep.stopReason === 'agent_stop' || last?.action?.type === 'stop') {
    const answer = ep.answer ?? last?.action?.text ?? '';
    return {
      category: 'wrong_termination',
      rule: 'stopped_but_failed',
      evidenceSteps: last ? [last.t] : [],
      explanation: `The agent stopped${last ? ` at step ${stepNumber(last.t)}` : ''} with answer ${JSON.stringify(answer)}, but the evaluator judged the episode failed.`,
    };
  }

  // 2. Stuck midway.
  const keys = steps.map((x) => (x.action === null ? null : s.compareUrl ? `${x.url} ${actionKey(x.action)}` : actionKey(x.action)));
  const run = trailingIdenticalRun(keys);
  if (run.count >= s.repeatN) {
    return {
      category: 'stuck_midway',
      rule: 'identical_actions',
      evidenceSteps: ts(run.start),
      explanation: `The last ${run.count} actions (steps ${stepNumber(steps[run.start].t)}–${stepNumber(last.t)}) were identical: ${actionLabel(last)}.`,
    };
  }
  for (const L of [2, 3]) {
    const cycle = trailingCycle(keys, L);
    if (cycle && cycle.repeats >= s.cycleRepeatsM) {
      const shown = steps.slice(steps.length - L).map(actionLabel).join(' → ');
      return {
        category: 'stuck_midway',
        rule: 'action_cycle',
        evidenceSteps: ts(cycle.start),
        explanation: `A cycle of ${L} actions (${shown}) repeated ${cycle.repeats} times at the end (steps ${stepNumber(steps[cycle.start].t)}–${stepNumber(last.t)}).`,
      };
    }
  }
  if (ep.stopReason === 'repeated_actions') {
    return {
      category: 'stuck_midway',
      rule: 'harness_repeated_actions',
      evidenceSteps: run.count > 0 ? ts(run.start) : [],
      explanation: `The harness stopped the episode because the same action was repeated${last ? ` (last: ${actionLabel(last)})` : ''}.`,
    };
  }

  // 3. No reasonable attempt.
  if (context.reachedTargetPage === true) {
    return {
      category: 'no_reasonable_attempt',
      rule: 'reached_target_never_stopped',
      evidenceSteps: last ? [last.t] : [],
      explanation: `The agent reached the target page but never stopped (ended by ${ep.stopReason ?? 'unknown reason'} after ${steps.length} steps).`,
    };
  }
  const interrupted = ep.stopReason !== null && INTERRUPTED.has(ep.stopReason);
  if (steps.length <= s.earlySteps && !interrupted) {
    return {
      category: 'no_reasonable_attempt',
      rule: 'ended_early',
      evidenceSteps: ts(0),
      explanation: `The episode ended after only ${steps.length} step${steps.length === 1 ? '' : 's'} (≤ ${s.earlySteps}) without stopping (${ep.stopReason ?? 'unknown reason'}).`,
    };
  }

  // 4. Others.
  if (interrupted) {
    return {
      category: 'others',
      rule: 'interrupted',
      evidenceSteps: last ? [last.t] : [],
      explanation: `The episode was cut off by ${ep.stopReason} after ${steps.length} steps, without a loop at the end.`,
    };
  }
  return {
    category: 'others',
    rule: 'none_matched',
    evidenceSteps: [],
    explanation: `No rule matched: ${steps.length} steps, ended by ${ep.stopReason ?? 'unknown reason'}, no stop and no loop at the end.`,
  };
}
