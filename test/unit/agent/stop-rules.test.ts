import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../../main/api/run-config';
import type { Action } from '../../../main/api/types';
import {
  equivalentActions, policyErrorAnswer, StopRuleTracker, stopRulesFor, VAB_LITE_STOP_RULES, WEBARENA_STOP_RULES, type StepForStopRules, type StopRules,
} from '../../../main/agent/stop-rules';

/** A step whose reply is the action text (as the WebArena grammar writes it); null action: an unparseable reply. */
const step = (action: Action | null, actionText = action ? JSON.stringify(action) : '', reply = actionText || 'gibberish'): StepForStopRules => ({ action, actionText, reply });
const click = (id: string) => step({ type: 'click', elementId: id }, `click [${id}]`);
const typeInto = (id: string, text: string) => step({ type: 'type', elementId: id, text, pressEnter: true }, `type [${id}] [${text}] [1]`);
const scroll = (direction: 'up' | 'down') => step({ type: 'scroll', direction }, `scroll [${direction}]`);
const unparsed = step(null);
const OWN_RULES: StopRules = { maxSteps: 30, maxParseFailures: 3, maxRepeatedActions: 3 };

/** Feeds steps 0..n-1 and returns what each record call said. */
function feed(tracker: StopRuleTracker, steps: StepForStopRules[]) {
  return steps.map((s, t) => tracker.record(t, s));
}

describe('stop rules: parse failures and the step limit', () => {
  it('stops after 3 unparseable replies in a row under every rule set, and a good one resets the count', () => {
    for (const rules of [WEBARENA_STOP_RULES, VAB_LITE_STOP_RULES, OWN_RULES]) {
      const out = feed(new StopRuleTracker(rules), [unparsed, unparsed, click('1'), unparsed, unparsed, unparsed]);
      expect(out.slice(0, 5)).toEqual([null, null, null, null, null]);
      expect(out[5]).toMatchObject({ reason: 'parse_failures', explanation: '3 replies in a row could not be parsed as an action.' });
    }
  });

  it('a reference\'s early stop carries its answer text; the workbench\'s own rules leave no answer', () => {
    const reasons = (rules: StopRules) => feed(new StopRuleTracker(rules), [unparsed, unparsed, unparsed])[2]?.answer;
    expect(reasons(WEBARENA_STOP_RULES)).toBe('Early stop: Failed to parse actions for 3 times');
    expect(reasons(VAB_LITE_STOP_RULES)).toBe('Early stop: Failed to parse actions for 3 times');
    expect(reasons(OWN_RULES)).toBeNull();
  });

  it('stops at the step limit: step index 29 is the 30th step, and the answer names the limit', () => {
    const tracker = new StopRuleTracker(stopRulesFor('webarena', { maxSteps: 30 }));
    for (let t = 0; t < 29; t++) expect(tracker.record(t, click(String(t)))).toBeNull();
    expect(tracker.record(29, click('29'))).toEqual({ reason: 'max_steps', explanation: 'The step limit (30) was reached.', answer: 'Early stop: Reach max steps 30' });
    const short = new StopRuleTracker(stopRulesFor('vab-lite', { maxSteps: 2 }));
    expect(feed(short, [click('1'), click('2')])[1]?.answer).toBe('Early stop: Reach max steps 2');
  });

  it('the references check the step limit before the other rules (run.py early_stop order)', () => {
    // Step 3 is both the third unparseable reply and the last allowed step.
    const reference = feed(new StopRuleTracker(stopRulesFor('webarena', { maxSteps: 3 })), [unparsed, unparsed, unparsed]);
    expect(reference[2]).toMatchObject({ reason: 'max_steps', answer: 'Early stop: Reach max steps 3' });
    const own = feed(new StopRuleTracker({ ...OWN_RULES, maxSteps: 3 }), [unparsed, unparsed, unparsed]);
    expect(own[2]).toMatchObject({ reason: 'parse_failures', answer: null });
  });
});

describe('stop rules: repeated actions under webarena (is_equivalent)', () => {
  it('three clicks on one element in a row stop; another action in between breaks the run', () => {
    expect(feed(new StopRuleTracker(WEBARENA_STOP_RULES), [click('5'), click('5'), click('5')])[2]).toEqual({
      reason: 'repeated_actions', explanation: 'The same action (click [5]) was repeated 3 times in a row.', answer: 'Early stop: Same action for 3 times',
    });
    const broken = feed(new StopRuleTracker(WEBARENA_STOP_RULES), [click('5'), click('5'), scroll('down'), click('5'), click('5')]);
    expect(broken).toEqual([null, null, null, null, null]);
  });

  it('three non-consecutive typings into one box stop, whatever was typed', () => {
    const out = feed(new StopRuleTracker(WEBARENA_STOP_RULES), [typeInto('7', 'shoes'), click('2'), typeInto('7', 'red shoes'), scroll('down'), typeInto('7', 'boots')]);
    expect(out.slice(0, 4)).toEqual([null, null, null, null]);
    expect(out[4]).toEqual({
      reason: 'repeated_actions', explanation: 'The same typing action (type [7] [boots] [1]) was made 3 times in the episode.', answer: 'Early stop: Same typing action for 3 times',
    });
  });

  it('typings into different boxes do not count together; the latest action decides which rule applies', () => {
    expect(feed(new StopRuleTracker(WEBARENA_STOP_RULES), [typeInto('7', 'a'), typeInto('8', 'a'), typeInto('7', 'b'), typeInto('8', 'b')])).toEqual([null, null, null, null]);
    // Two typings into box 7, then a click: the click rule looks at the last three only, so no stop.
    expect(feed(new StopRuleTracker(WEBARENA_STOP_RULES), [typeInto('7', 'a'), typeInto('7', 'b'), click('1')])).toEqual([null, null, null]);
  });

  it('compares scrolls by direction, clicks by element; unequal text does not matter to a click', () => {
    expect(feed(new StopRuleTracker(WEBARENA_STOP_RULES), [scroll('down'), scroll('down'), scroll('down')])[2]?.answer).toBe('Early stop: Same action for 3 times');
    expect(feed(new StopRuleTracker(WEBARENA_STOP_RULES), [scroll('down'), scroll('up'), scroll('down')])[2]).toBeNull();
    expect(equivalentActions({ type: 'click', elementId: '4' }, { type: 'click', elementId: '4', text: 'x' })).toBe(true);
    expect(equivalentActions({ type: 'click', elementId: '4' }, { type: 'hover', elementId: '4' })).toBe(false);
    expect(equivalentActions({ type: 'goto', url: 'http://a/' }, { type: 'goto', url: 'http://b/' })).toBe(false);
    expect(equivalentActions({ type: 'go_back' }, { type: 'go_back' })).toBe(true);
    expect(equivalentActions({ type: 'select', elementId: '3', text: 'Red' }, { type: 'select', elementId: '3', text: 'Blue' })).toBe(false);
    expect(equivalentActions(null, null)).toBe(true);
    expect(equivalentActions(null, { type: 'go_back' })).toBe(false);
  });
});

describe('stop rules: repeated actions under vab-lite (its action strings, last k equal)', () => {
  const webrl = (reply: string, action: Action = { type: 'click', elementId: '12' }) => step(action, 'click [12]', reply);

  it('five identical WebRL replies in a row stop with VAB\'s text', () => {
    const tracker = new StopRuleTracker(VAB_LITE_STOP_RULES, 'webrl');
    const reply = '# Element: the search button\ndo(action="Click", element="12")';
    const out = feed(tracker, Array.from({ length: 5 }, () => webrl(reply)));
    expect(out.slice(0, 4)).toEqual([null, null, null, null]);
    expect(out[4]).toEqual({ reason: 'repeated_actions', explanation: 'The model gave the same reply 5 times in a row.', answer: 'Early stop: Same action for 5 times' });
  });

  it('WebRL replies that differ only in their comment are different: the raw replies are compared', () => {
    const tracker = new StopRuleTracker(VAB_LITE_STOP_RULES, 'webrl');
    const replies = [1, 2, 3, 4, 5].map((n) => webrl(`# Element: the search button (try ${n})\ndo(action="Click", element="12")`));
    expect(feed(tracker, replies)).toEqual([null, null, null, null, null]);
  });

  it('typing is not counted across the episode, and typed text matters (the action text differs)', () => {
    const steps = [typeInto('7', 'a'), click('1'), typeInto('7', 'a'), click('1'), typeInto('7', 'a'), click('1'), typeInto('7', 'a'), click('1'), typeInto('7', 'a')];
    expect(feed(new StopRuleTracker(VAB_LITE_STOP_RULES), steps).every((s) => s === null)).toBe(true);
    const texts = ['a', 'b', 'c', 'd', 'e'].map((x) => typeInto('7', x));
    expect(feed(new StopRuleTracker(VAB_LITE_STOP_RULES), texts).every((s) => s === null)).toBe(true);
    const same = Array.from({ length: 5 }, () => scroll('down'));
    expect(feed(new StopRuleTracker(VAB_LITE_STOP_RULES), same)[4]).toMatchObject({
      explanation: 'The same action (scroll [down]) was repeated 5 times in a row.', answer: 'Early stop: Same action for 5 times',
    });
  });
});

describe('stop rules: the workbench\'s own rules (no reference)', () => {
  it('count identical normalised actions in a row only: same element with other text is a different action', () => {
    expect(feed(new StopRuleTracker(OWN_RULES), [typeInto('7', 'a'), typeInto('7', 'b'), typeInto('7', 'c')])).toEqual([null, null, null]);
    expect(feed(new StopRuleTracker(OWN_RULES), [click('5'), click('5'), click('5')])[2]).toEqual({
      reason: 'repeated_actions', explanation: 'The same action (click [5]) was repeated 3 times in a row.', answer: null,
    });
  });
});

describe('stop rules as settings', () => {
  it('names the WebArena (3/3/30) and Lite (5 repeats) profiles, each with its reference, and applies overrides', () => {
    expect(stopRulesFor('webarena')).toEqual({ maxSteps: 30, maxParseFailures: 3, maxRepeatedActions: 3, reference: 'webarena' });
    expect(stopRulesFor('vab-lite')).toEqual({ maxSteps: 30, maxParseFailures: 3, maxRepeatedActions: 5, reference: 'vab-lite' });
    expect(stopRulesFor('vab-lite', { maxSteps: 12, maxParseFailures: undefined })).toEqual({ maxSteps: 12, maxParseFailures: 3, maxRepeatedActions: 5, reference: 'vab-lite' });
    expect(() => stopRulesFor('lite')).toThrow('Unknown stop rules "lite"; choose one of webarena, vab-lite.');
    expect(() => stopRulesFor('webarena', { maxSteps: 0 })).toThrow('Stop rule maxSteps must be a positive integer, not 0.');
    expect(() => stopRulesFor('webarena', { maxSteps: 2.5 })).toThrow(/positive integer/);
  });

  it('a run\'s stored config keeps the reference its rules follow, and refuses one it does not know', () => {
    const stored = (stopRules: unknown) => parseRunConfig({ id: 'run-1', config: { policy: 'react', taskIds: ['t'], stopRules } });
    expect(stored(stopRulesFor('vab-lite')).stopRules).toEqual(VAB_LITE_STOP_RULES);
    expect(stored({ maxSteps: 30, maxParseFailures: 3, maxRepeatedActions: 3 }).stopRules).toEqual(OWN_RULES);
    expect(() => stored({ ...WEBARENA_STOP_RULES, reference: 'lite' })).toThrow(/stopRules\.reference/);
  });

  it('a failed policy leaves the references\' "ERROR: …" answer, and none under the workbench\'s own rules', () => {
    expect(policyErrorAnswer(VAB_LITE_STOP_RULES, 'the model returned nothing')).toBe('ERROR: the model returned nothing');
    expect(policyErrorAnswer(OWN_RULES, 'the model returned nothing')).toBeNull();
  });
});
