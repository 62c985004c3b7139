import { describe, expect, it } from 'vitest';
import { ActionError } from '../../../main/actions/errors';
import { ACTION_SPECS } from '../../../main/actions/spec';
import {
  describeWebArenaActions,
  extractActionText,
  parseWebArenaAction,
  renderWebArenaAction,
} from '../../../main/actions/webarena-grammar';
import { WEBARENA_CASES } from './webarena-fidelity.cases';

describe('WebArena grammar', () => {
  it('reads the first ``` block of a reply', () => {
    const reply = 'Let us think. The search box is [5].\nIn summary, the next action I will perform is ```type [5] [blue jeans] [1]```\n```click [9]```';
    expect(extractActionText(reply)).toBe('type [5] [blue jeans] [1]');
    expect(parseWebArenaAction(reply)).toEqual({ type: 'type', elementId: '5', text: 'blue jeans', pressEnter: true, execution: { clearFirst: false } });
  });

  it('parses every action form', () => {
    expect(parseWebArenaAction('```click [12]```')).toEqual({ type: 'click', elementId: '12' });
    // WebArena's type appends at the caret; its press reads Meta as Control off macOS; its scroll moves the
    // document by one window height (browser_env/actions.py).
    expect(parseWebArenaAction('```type [3] [hello] [0]```')).toEqual({ type: 'type', elementId: '3', text: 'hello', pressEnter: false, execution: { clearFirst: false } });
    // press_enter_after is optional and defaults to 1 (WebArena).
    expect(parseWebArenaAction('```type [3] [hello]```')).toMatchObject({ pressEnter: true });
    // Brackets inside the typed text survive (greedy content group).
    expect(parseWebArenaAction('```type [3] [a [b] c] [0]```')).toMatchObject({ text: 'a [b] c', pressEnter: false });
    expect(parseWebArenaAction('```hover [7]```')).toEqual({ type: 'hover', elementId: '7' });
    expect(parseWebArenaAction('```press [Meta+a]```')).toEqual({ type: 'press', key: 'Meta+a', execution: { metaAsControl: true } });
    expect(parseWebArenaAction('```scroll [down]```')).toEqual({ type: 'scroll', direction: 'down', execution: { scroll: { via: 'document', unit: 'viewport', amount: 1 } } });
    expect(parseWebArenaAction('```goto [http://x.test/a?b=1]```')).toEqual({ type: 'goto', url: 'http://x.test/a?b=1' });
    expect(parseWebArenaAction('```tab_focus [2]```')).toEqual({ type: 'tab_focus', tabIndex: 2 });
    expect(parseWebArenaAction('```new_tab```')).toEqual({ type: 'new_tab' });
    expect(parseWebArenaAction('```go_back```')).toEqual({ type: 'go_back' });
    expect(parseWebArenaAction('```stop [$12.99]```')).toEqual({ type: 'stop', text: '$12.99' });
    expect(parseWebArenaAction('```stop```')).toEqual({ type: 'stop', text: '' });
    expect(parseWebArenaAction('```select [4] [Blue]```')).toEqual({ type: 'select', elementId: '4', text: 'Blue' });
  });

  it('reads nothing outside a ``` block, as the reference does', () => {
    expect(() => parseWebArenaAction('I will click it.\nclick [44]')).toThrow('The reply has no ``` block; write the action inside one, e.g. ```click [12]```.');
  });

  it('explains what is wrong with a reply it cannot read', () => {
    expect(() => parseWebArenaAction('')).toThrow('The reply has no ``` block');
    expect(() => parseWebArenaAction('``` ```')).toThrow("The reply's ``` block is empty.");
    expect(() => parseWebArenaAction('```fly [3]```')).toThrow(/Unknown action "fly".*Valid actions: click, type/);
    const err = (() => {
      try {
        parseWebArenaAction('```click [abc]```');
      } catch (e) {
        return e as ActionError;
      }
    })();
    expect(err).toBeInstanceOf(ActionError);
    expect(err?.kind).toBe('parse');
    expect(err?.message).toBe('Could not read the arguments of "click [abc]"; expected `click [id]`.');
  });

  it('gives each parse its own execution record, so changing one action leaves the next parse alone', () => {
    const first = parseWebArenaAction('```scroll [up]```');
    first.execution!.scroll!.amount = 5;
    expect(parseWebArenaAction('```scroll [up]```').execution).toEqual({ scroll: { via: 'document', unit: 'viewport', amount: 1 } });
  });

  it('renders back to text that parses to the same action', () => {
    const actions = [
      { type: 'click', elementId: '1' },
      { type: 'type', elementId: '2', text: 'x y', pressEnter: false },
      { type: 'scroll', direction: 'up' },
      { type: 'stop', text: 'N/A' },
      { type: 'go_forward' },
    ] as const;
    for (const action of actions) {
      const { execution: _execution, ...parsed } = parseWebArenaAction('```' + renderWebArenaAction(action) + '```');
      expect(parsed).toEqual(action);
    }
    expect(renderWebArenaAction({ type: 'type', elementId: '2', text: 'hi', pressEnter: true })).toBe('type [2] [hi] [1]');
  });

  it('advertises every action of the spec in the prompt text', () => {
    const text = describeWebArenaActions();
    for (const spec of ACTION_SPECS) expect(text).toContain(`\`${spec.type}`);
    expect(text).toContain('`type [id] [content] [press_enter_after=0|1]`');
    expect(describeWebArenaActions(false)).not.toContain('select [id]');
  });

  describe('accepts and refuses the same replies as web-arena-x/webarena, with the same action', () => {
    for (const { reply, expected, ref } of WEBARENA_CASES) {
      it(`${JSON.stringify(reply)} (${ref})`, () => {
        if (expected instanceof RegExp) {
          expect(() => parseWebArenaAction(reply)).toThrow(expected);
          return;
        }
        const { execution: _execution, ...action } = parseWebArenaAction(reply);
        expect(action).toEqual(expected);
      });
    }
  });
});
