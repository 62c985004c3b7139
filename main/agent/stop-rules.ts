import type { Action, StopReason } from '../api/types';
import { SCORING_PROFILE_NAMES, type GrammarName, type ScoringProfileName } from '../api/registries';

/** The reference harnesses whose early-stop rules a run can reproduce (docs/design/WEBARENA.md §4.5): the same
 * harnesses the scoring profiles follow, under the same names. */
export const STOP_RULE_PROFILE_NAMES = SCORING_PROFILE_NAMES;
export type StopRuleProfile = ScoringProfileName;

/** WebArena's early-stop rules (docs/design/WEBARENA.md §4.5): at most 30 steps, 3 unparseable replies in a row,
 * N repeated actions (3 in WebArena, 5 in the Lite harness). */
export interface StopRules {
  maxSteps: number;
  maxParseFailures: number;
  maxRepeatedActions: number;
  /** The harness these rules reproduce: how repeats are compared and the answer an early stop leaves to be
   * scored ("Early stop: …", §4.5). Absent: the workbench's own rules (identical actions in a row, no answer). */
  reference?: StopRuleProfile;
}

export const WEBARENA_STOP_RULES: StopRules = { maxSteps: 30, maxParseFailures: 3, maxRepeatedActions: 3, reference: 'webarena' };
export const VAB_LITE_STOP_RULES: StopRules = { maxSteps: 30, maxParseFailures: 3, maxRepeatedActions: 5, reference: 'vab-lite' };

/** The named settings a run can choose (`run --stop-rules webarena|vab-lite`). */
export const STOP_RULE_PROFILES: Record<StopRuleProfile, StopRules> = { webarena: WEBARENA_STOP_RULES, 'vab-lite': VAB_LITE_STOP_RULES };

/** A profile's rules with overrides (e.g. `--max-steps 15`); throws on an unknown profile or a limit that
 * is not a positive integer. */
export function stopRulesFor(profile: string, overrides: Partial<Omit<StopRules, 'reference'>> = {}): StopRules {
  const base = (STOP_RULE_PROFILES as Record<string, StopRules | undefined>)[profile];
  if (!base) throw new Error(`Unknown stop rules "${profile}"; choose one of ${Object.keys(STOP_RULE_PROFILES).join(', ')}.`);
  const rules = { ...base };
  for (const key of Object.keys(overrides) as (keyof typeof overrides)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) throw new Error(`Stop rule ${key} must be a positive integer, not ${value}.`);
    rules[key] = value;
  }
  return rules;
}

/** What the stop rules read of one step. */
export interface StepForStopRules {
  /** The normalised action; null when the reply did not parse. */
  action: Action | null;
  /** The action as its grammar writes it ('' when the reply did not parse). */
  actionText: string;
  /** The model's reply as written. */
  reply: string;
}

/** Why an episode stops early. `answer` is what the reference harness would score: its stop action carries
 * "Early stop: <reason>" (webarena run.py and VAB run.py `early_stop`); null under the workbench's own rules. */
export interface EarlyStop {
  reason: StopReason;
  explanation: string;
  answer: string | null;
}

/** The answer a reference harness scores when the policy itself fails: its stop action carries "ERROR: <message>"
 * (both run.py `test()`); null under the workbench's own rules. */
export function policyErrorAnswer(rules: StopRules, message: string): string | null {
  return rules.reference ? `ERROR: ${message}` : null;
}

export class StopRuleTracker {
  private readonly steps: StepForStopRules[] = [];

  /** `grammar`: the policy's grammar; VAB compares WebRL replies as written (§4.5). */
  constructor(private readonly rules: StopRules, private readonly grammar: GrammarName = 'webarena') {}

  /** Records step t's outcome and returns the reason to stop after it, if any. */
  record(t: number, step: StepForStopRules): EarlyStop | null {
    this.steps.push(step);
    const { reference } = this.rules;
    if (!reference) return this.ownRules(t);
    // The reference checks, in its order, before it would ask for the next action: steps, parse failures, repeats.
    const stop = this.stepLimit(t) ?? this.parseFailures() ?? (reference === 'webarena' ? this.webArenaRepeats() : this.vabRepeats());
    return stop && { reason: stop.reason, explanation: stop.explanation, answer: `Early stop: ${stop.text}` };
  }

  private stepLimit(t: number): Judged | null {
    const { maxSteps } = this.rules;
    if (t + 1 < maxSteps) return null;
    return { reason: 'max_steps', explanation: `The step limit (${maxSteps}) was reached.`, text: `Reach max steps ${maxSteps}` };
  }

  /** The last k replies all failed to parse (both references). */
  private parseFailures(): Judged | null {
    const k = this.rules.maxParseFailures;
    const last = this.steps.slice(-k);
    if (last.length < k || last.some((s) => s.action !== null)) return null;
    return { reason: 'parse_failures', explanation: `${k} replies in a row could not be parsed as an action.`, text: `Failed to parse actions for ${k} times` };
  }

  /** webarena run.py `early_stop` with browser_env `is_equivalent`: the last k actions are all equivalent to the
   * latest; a typing action instead counts equivalent typings anywhere in the episode. */
  private webArenaRepeats(): Judged | null {
    const k = this.rules.maxRepeatedActions;
    const latest = this.steps.at(-1)!;
    if (latest.action?.type === 'type') {
      const count = this.steps.filter((s) => equivalentActions(s.action, latest.action)).length;
      if (count < k) return null;
      return { reason: 'repeated_actions', explanation: `The same typing action (${latest.actionText}) was made ${count} times in the episode.`, text: `Same typing action for ${k} times` };
    }
    const last = this.steps.slice(-k);
    if (last.length < k || !last.every((s) => equivalentActions(s.action, latest.action))) return null;
    return { reason: 'repeated_actions', explanation: repeatedInARow(latest, k), text: `Same action for ${k} times` };
  }

  /** VAB run.py `early_stop` given its action strings: the last k are equal. For the WebRL grammar the string
   * is the raw reply (helper_functions_browser, case webrl_id); otherwise the action as written. */
  private vabRepeats(): Judged | null {
    const k = this.rules.maxRepeatedActions;
    const key = (s: StepForStopRules) => (this.grammar === 'webrl' ? s.reply : s.actionText);
    const last = this.steps.slice(-k);
    const latest = key(this.steps.at(-1)!);
    if (last.length < k || !last.every((s) => key(s) === latest)) return null;
    const explanation = this.grammar === 'webrl' ? `The model gave the same reply ${k} times in a row.` : repeatedInARow(this.steps.at(-1)!, k);
    return { reason: 'repeated_actions', explanation, text: `Same action for ${k} times` };
  }

  /** The workbench's own rules: unparseable replies in a row, identical normalised actions in a row (the same
   * in every grammar), then the step limit; no answer. */
  private ownRules(t: number): EarlyStop | null {
    const { maxParseFailures, maxRepeatedActions } = this.rules;
    const failures = trailingCount(this.steps, (s) => s.action === null);
    if (failures >= maxParseFailures) return { reason: 'parse_failures', explanation: `${failures} replies in a row could not be parsed as an action.`, answer: null };
    const latest = this.steps.at(-1)!;
    const key = latest.action && JSON.stringify(latest.action);
    const repeats = key === null ? 0 : trailingCount(this.steps, (s) => s.action !== null && JSON.stringify(s.action) === key);
    if (repeats >= maxRepeatedActions) return { reason: 'repeated_actions', explanation: repeatedInARow(latest, repeats), answer: null };
    const limit = this.stepLimit(t);
    return limit && { reason: limit.reason, explanation: limit.explanation, answer: null };
  }
}

interface Judged {
  reason: StopReason;
  explanation: string;
  /** The reference's reason text, after "Early stop: ". */
  text: string;
}

/** WebArena's `is_equivalent` over our actions: click, hover and type compare the element only (typed text is
 * ignored), scroll the direction, press the keys, goto the URL, tab_focus the tab; tab actions without arguments
 * are always equal, two unparsed replies too. select (WebArena's select_option compares its code) compares
 * element and option; anything else its whole record. */
export function equivalentActions(a: Action | null, b: Action | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'click': case 'hover': case 'type': return a.elementId === b.elementId;
    case 'scroll': return a.direction === b.direction;
    case 'press': return a.key === b.key;
    case 'goto': return a.url === b.url;
    case 'tab_focus': return a.tabIndex === b.tabIndex;
    case 'new_tab': case 'close_tab': case 'go_back': case 'go_forward': return true;
    case 'select': return a.elementId === b.elementId && a.text === b.text;
    default: return JSON.stringify(a) === JSON.stringify(b);
  }
}

function repeatedInARow(step: StepForStopRules, times: number): string {
  return `The same action (${step.actionText}) was repeated ${times} times in a row.`;
}

function trailingCount<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (let i = items.length - 1; i >= 0 && test(items[i]); i--) n++;
  return n;
}
