import { describe, expect, it } from 'vitest';
import type { Action } from '../../../main/api/types';
import { GRAMMARS, grammarNamed } from '../../../main/actions/grammars';
import { parseWebRlAction } from '../../../main/actions/webrl-grammar';
import { parseBrowserGymAction, renderBrowserGymAction } from '../../../main/actions/browsergym-grammar';

describe('WebRL grammar', () => {
  it('reads each WebRL action into the normalised record', () => {
    expect(parseWebRlAction('Reasoning first.\ndo(action="Click", element="7")')).toEqual({ type: 'click', elementId: '7' });
    // Type clears and does not submit; Search types then presses Enter (both clear first in VisualAgentBench's
    // execute_action_webrl). Select matches a contained, case-free option text; Scroll wheels 2/3 of the viewport.
    expect(parseWebRlAction('do(action="Type", argument="red shoes", element="22")')).toEqual({ type: 'type', elementId: '22', text: 'red shoes', pressEnter: false, execution: { clearFirst: true } });
    expect(parseWebRlAction('do(action="Search", argument="red", element="5")')).toEqual({ type: 'type', elementId: '5', text: 'red', pressEnter: true, execution: { clearFirst: true } });
    expect(parseWebRlAction('do(action="Select Dropdown Option", argument="Blue", element="9")')).toEqual({ type: 'select', elementId: '9', text: 'Blue', execution: { optionMatch: 'contains' } });
    expect(parseWebRlAction('do(action="Scroll Down")')).toEqual({ type: 'scroll', direction: 'down', execution: { scroll: { via: 'wheel', unit: 'viewport', amount: 2 / 3 } } });
    expect(parseWebRlAction('do(action="Scroll Up")')).toEqual({ type: 'scroll', direction: 'up', execution: { scroll: { via: 'wheel', unit: 'viewport', amount: 2 / 3 } } });
    expect(parseWebRlAction('do(action="Press Enter")')).toEqual({ type: 'press', key: 'Enter' });
    expect(parseWebRlAction('do(action="Go Backward")')).toEqual({ type: 'go_back' });
    expect(parseWebRlAction('exit(message="$12.99")')).toEqual({ type: 'stop', text: '$12.99' });
  });

  it('explains malformed WebRL replies', () => {
    expect(() => parseWebRlAction('I think we are done')).toThrow('The reply contains no do(...) or exit(...) call.');
    expect(() => parseWebRlAction('do(action="Click")')).toThrow('do(action="Click") needs element="<id>".');
    expect(() => parseWebRlAction('do(action="Teleport", element="1")')).toThrow('Unknown WebRL action "Teleport".');
  });
});

describe('BrowserGym grammar', () => {
  it('reads each BrowserGym action into the normalised record', () => {
    expect(parseBrowserGymAction('```click("12")```')).toEqual({ type: 'click', elementId: '12' });
    // fill replaces the text; select_option matches value or label; scroll keeps its pixels (functions.py).
    expect(parseBrowserGymAction('fill("12", "text")')).toEqual({ type: 'type', elementId: '12', text: 'text', pressEnter: false, execution: { clearFirst: true } });
    expect(parseBrowserGymAction('fill("12", "t")\npress("12", "Enter")')).toEqual({ type: 'type', elementId: '12', text: 't', pressEnter: true, execution: { clearFirst: true } });
    expect(parseBrowserGymAction('select_option("4", "Blue")')).toEqual({ type: 'select', elementId: '4', text: 'Blue', execution: { optionMatch: 'value_or_label' } });
    expect(parseBrowserGymAction('scroll(0, -300)')).toEqual({ type: 'scroll', direction: 'up', execution: { scroll: { via: 'wheel', unit: 'px', amount: 300 } } });
    expect(parseBrowserGymAction('scroll(delta_x=-40, delta_y=120.5)')).toEqual({ type: 'scroll', direction: 'down', execution: { scroll: { via: 'wheel', unit: 'px', amount: 120.5, across: -40 } } });
    // BrowserGym passes keys to Playwright as written.
    expect(parseBrowserGymAction('press("3", "Meta+a")')).toEqual({ type: 'press', elementId: '3', key: 'Meta+a' });
    expect(parseBrowserGymAction('tab_focus(1)')).toEqual({ type: 'tab_focus', tabIndex: 1 });
    expect(parseBrowserGymAction('send_msg_to_user("42")')).toEqual({ type: 'stop', text: '42' });
    expect(parseBrowserGymAction('report_infeasible("no such page")')).toEqual({ type: 'stop', text: 'N/A' });
  });

  // BrowserGym reads strings with ast.literal_eval and skips Python comments (browsergym/core/action/parsers.py).
  it('reads a call as Python does: escapes decoded, a trailing comment ignored', () => {
    expect(parseBrowserGymAction('send_msg_to_user("caf\\xe9 \\u2013 ok")  # answer found')).toEqual({ type: 'stop', text: 'café – ok' });
    expect(parseBrowserGymAction('# the cart\nclick(\'12\')  # its link')).toEqual({ type: 'click', elementId: '12' });
  });

  it('refuses a scroll whose pixels are not a number', () => {
    expect(() => parseBrowserGymAction('scroll(0, "far")')).toThrow('scroll() needs a number of pixels for delta_y, not "far".');
  });

  it('renders a parsed scroll with its own pixels', () => {
    expect(renderBrowserGymAction(parseBrowserGymAction('scroll(-40, 250)'))).toBe('scroll(-40, 250)');
  });

  it('allows one action per step', () => {
    expect(() => parseBrowserGymAction('click("1")\nclick("2")')).toThrow('Write one action per step (got 2: click, click).');
  });
});

describe('round trips through every grammar', () => {
  const actions: Action[] = [
    { type: 'click', elementId: '3' },
    { type: 'hover', elementId: '4' },
    { type: 'type', elementId: '5', text: 'say "hi"', pressEnter: true },
    { type: 'type', elementId: '5', text: 'plain', pressEnter: false },
    { type: 'select', elementId: '6', text: 'Blue' },
    { type: 'scroll', direction: 'up' },
    { type: 'go_back' },
    { type: 'stop', text: 'the answer' },
  ];
  for (const grammar of Object.values(GRAMMARS)) {
    it(`${grammar.name}: render then parse gives the same action`, () => {
      for (const action of actions) {
        const text = grammar.render(action);
        const reply = grammar.name === 'webrl' ? text : '```' + text + '```';
        // The execution record is the grammar's own (checked above); the rest is the normalised action.
        const { execution: _execution, ...parsed } = grammar.parse(reply);
        expect(parsed, text).toEqual(action);
      }
      expect(grammar.describe().length).toBeGreaterThan(50);
    });
  }

  it('names the grammars it knows', () => {
    expect(() => grammarNamed('selenium')).toThrow('Unknown action grammar "selenium"; choose one of webarena, webrl, browsergym.');
  });
});
