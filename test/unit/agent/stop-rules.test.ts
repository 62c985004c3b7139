import { describe, expect, it } from 'vitest';
import { StopRuleTracker, stopRulesFor, VAB_LITE_STOP_RULES, WEBARENA_STOP_RULES } from '../../../main/agent/stop-rules';

describe('stop rules', () => {
  it('stops after 3 unparseable replies in a row, and a good one resets the count', () => {
    const tracker = new StopRuleTracker(WEBARENA_STOP_RULES);
    expect(tracker.record(0, null)).toBeNull();
    expect(tracker.record(1, null)).toBeNull();
    expect(tracker.record(2, 'click [1]')).toBeNull();
    expect(tracker.record(3, null)).toBeNull();
    expect(tracker.record(4, null)).toBeNull();
    expect(tracker.record(5, null)?.reason).toBe('parse_failures');
  });

  it('stops on the third identical action in WebArena and the fifth in the Lite profile', () => {
    const webarena = new StopRuleTracker(WEBARENA_STOP_RULES);
    expect(webarena.record(0, 'click [1]')).toBeNull();
    expect(webarena.record(1, 'click [1]')).toBeNull();
    expect(webarena.record(2, 'click [1]')).toMatchObject({ reason: 'repeated_actions' });
    const lite = new StopRuleTracker(VAB_LITE_STOP_RULES);
    for (let t = 0; t < 4; t++) expect(lite.record(t, 'scroll [down]')).toBeNull();
    expect(lite.record(4, 'scroll [down]')?.explanation).toBe('The same action (scroll [down]) was repeated 5 times in a row.');
  });

  it('stops at the step limit: step index 29 is the 30th step', () => {
    const tracker = new StopRuleTracker(WEBARENA_STOP_RULES);
    for (let t = 0; t < 29; t++) expect(tracker.record(t, `click [${t}]`)).toBeNull();
    expect(tracker.record(29, 'click [29]')?.reason).toBe('max_steps');
  });
});

describe('stop rules as settings', () => {
  it('names the WebArena (3/3/30) and Lite (5 repeats) profiles and applies overrides', () => {
    expect(stopRulesFor('webarena')).toEqual({ maxSteps: 30, maxParseFailures: 3, maxRepeatedActions: 3 });
    expect(stopRulesFor('vab-lite')).toEqual({ maxSteps: 30, maxParseFailures: 3, maxRepeatedActions: 5 });
    expect(stopRulesFor('vab-lite', { maxSteps: 12, maxParseFailures: undefined })).toEqual({ maxSteps: 12, maxParseFailures: 3, maxRepeatedActions: 5 });
    expect(() => stopRulesFor('lite')).toThrow('Unknown stop rules "lite"; choose one of webarena, vab-lite.');
    expect(() => stopRulesFor('webarena', { maxSteps: 0 })).toThrow('Stop rule maxSteps must be a positive integer, not 0.');
    expect(() => stopRulesFor('webarena', { maxSteps: 2.5 })).toThrow(/positive integer/);
  });
});
