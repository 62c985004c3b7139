import type { StopReason } from '../api/types';

/** WebArena's early-stop rules (docs/design/WEBARENA.md §4.5): at most 30 steps, 3 unparseable replies in a row,
 * N identical actions in a row (3 in WebArena, 5 in the Lite harness). */
export interface StopRules {
  maxSteps: number;
  maxParseFailures: number;
  maxRepeatedActions: number;
}

export const WEBARENA_STOP_RULES: StopRules = { maxSteps: 30, maxParseFailures: 3, maxRepeatedActions: 3 };
export const VAB_LITE_STOP_RULES: StopRules = { maxSteps: 30, maxParseFailures: 3, maxRepeatedActions: 5 };

/** The named settings a run can choose (`run --stop-rules webarena|vab-lite`). */
export const STOP_RULE_PROFILES = { webarena: WEBARENA_STOP_RULES, 'vab-lite': VAB_LITE_STOP_RULES } as const;
export type StopRuleProfile = keyof typeof STOP_RULE_PROFILES;

/** A profile's rules with overrides (e.g. `--max-steps 15`); throws on an unknown profile or a limit that
 * is not a positive integer. */
export function stopRulesFor(profile: string, overrides: Partial<StopRules> = {}): StopRules {
  const base = (STOP_RULE_PROFILES as Record<string, StopRules | undefined>)[profile];
  if (!base) throw new Error(`Unknown stop rules "${profile}"; choose one of ${Object.keys(STOP_RULE_PROFILES).join(', ')}.`);
  const rules = { ...base };
  for (const key of Object.keys(overrides) as (keyof StopRules)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) throw new Error(`Stop rule ${key} must be a positive integer, not ${value}.`);
    rules[key] = value;
  }
  return rules;
}

export class StopRuleTracker {
  private parseFailuresInRow = 0;
  private lastAction: string | null = null;
  private repeats = 0;

  constructor(private readonly rules: StopRules) {}

  /** Records one step's outcome and returns the reason to stop after it, if any. `actionKey` is the
   * canonical action text, or null when the reply did not parse. */
  record(t: number, actionKey: string | null, actionLabel = actionKey): { reason: StopReason; explanation: string } | null {
    if (actionKey === null) {
      this.parseFailuresInRow++;
      this.lastAction = null;
      this.repeats = 0;
    } else {
      this.parseFailuresInRow = 0;
      this.repeats = actionKey === this.lastAction ? this.repeats + 1 : 1;
      this.lastAction = actionKey;
    }
    if (this.parseFailuresInRow >= this.rules.maxParseFailures) {
      return { reason: 'parse_failures', explanation: `${this.parseFailuresInRow} replies in a row could not be parsed as an action.` };
    }
    if (this.repeats >= this.rules.maxRepeatedActions) {
      return { reason: 'repeated_actions', explanation: `The same action (${actionLabel}) was repeated ${this.repeats} times in a row.` };
    }
    if (t + 1 >= this.rules.maxSteps) {
      return { reason: 'max_steps', explanation: `The step limit (${this.rules.maxSteps}) was reached.` };
    }
    return null;
  }
}
