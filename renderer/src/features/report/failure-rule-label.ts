/** Which failure-analyzer rule fired (docs/design/MIRA.md §1.1), in words for the run report's failure table
 * (the web-UI audit of 2026-12-05: the Rule column showed the codes, `stopped_but_failed`). The API carries the
 * rule as a string and the renderer may import only the API's types, so the codes are main/analysis's
 * FailureRule, which test/unit/renderer/failure-rule-label.test.ts holds this map complete against. The code
 * stays in the cell's title, as the analyzer records it. */
export const FAILURE_RULE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  stopped_but_failed: 'stopped, but the task failed',
  identical_actions: 'same action repeated',
  action_cycle: 'actions repeated in a cycle',
  harness_repeated_actions: 'stopped for repeated actions',
  reached_target_never_stopped: 'reached the page, never stopped',
  ended_early: 'ended within the first steps',
  interrupted: 'cut off by the environment',
  none_matched: 'no rule matched',
});

/** The words for a rule code; an unknown code (a newer analyzer's) as it is. */
export function failureRuleLabel(rule: string): string {
  return FAILURE_RULE_LABELS[rule] ?? rule;
}
