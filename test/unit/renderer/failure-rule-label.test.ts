import { describe, expect, it } from 'vitest';
import type { FailureRule } from '../../../main/analysis/failure-modes';
import { FAILURE_RULE_LABELS, failureRuleLabel } from '../../../renderer/src/features/report/failure-rule-label';

// Every rule the analyzer can fire, as a Record so a new FailureRule does not compile here until it is listed.
const EVERY_RULE: Record<FailureRule, true> = {
  stopped_but_failed: true, identical_actions: true, action_cycle: true, harness_repeated_actions: true,
  reached_target_never_stopped: true, ended_early: true, interrupted: true, none_matched: true,
};

describe('failureRuleLabel', () => {
  it('has words, not the code, for every rule the analyzer fires', () => {
    expect(Object.keys(FAILURE_RULE_LABELS).sort()).toEqual(Object.keys(EVERY_RULE).sort());
    for (const rule of Object.keys(EVERY_RULE)) expect(failureRuleLabel(rule)).not.toMatch(/_/);
  });
  it('leaves an unknown code as it is', () => {
    expect(failureRuleLabel('some_new_rule')).toBe('some_new_rule');
  });
});
