import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, type ActionType } from '../../../main/api/registries';
import type { Action } from '../../../main/api/types';
import { GRAMMARS } from '../../../main/actions/grammars';
import { ACTION_SPEC_TABLE, ACTION_SPECS, type ArgKind } from '../../../main/actions/spec';

// Every grammar covers every action of the registry (issue 19): each action, built from its spec's arguments,
// renders in each grammar and parses back to the same record — or the grammar says it has no such action.

const SAMPLE: Record<ArgKind, Partial<Action>> = {
  elementId: { elementId: '12' },
  text: { text: 'red shoes' },
  pressEnter: { pressEnter: true },
  key: { key: 'Enter' },
  direction: { direction: 'up' },
  url: { url: 'http://shop.test/cart' },
  tabIndex: { tabIndex: 1 },
};
const sampleOf = (type: ActionType): Action => Object.assign({ type }, ...ACTION_SPEC_TABLE[type].args.map((a) => SAMPLE[a.kind]));

/** Actions a grammar's own action space lacks (WebRL has no tabs, no goto and no Wait, docs/design/WEBARENA.md §4.3;
 * WebArena's grammar does not let a model write noop). */
const NOT_IN: Record<keyof typeof GRAMMARS, ActionType[]> = {
  webarena: ['noop'],
  // VisualAgentBench's parser refuses Wait (create_webrl_id_based_action has no case for it), so noop too.
  webrl: ['new_tab', 'tab_focus', 'close_tab', 'goto', 'noop'],
  browsergym: [],
};

describe('action registry × grammars', () => {
  it('the spec table has exactly the registry\'s actions, and the prompt lists the advertised ones in registry order', () => {
    expect(Object.keys(ACTION_SPEC_TABLE).sort()).toEqual([...ACTION_TYPES].sort());
    expect(ACTION_SPECS.map((s) => s.type)).toEqual(ACTION_TYPES.filter((t) => t !== 'noop'));
  });

  for (const [name, grammar] of Object.entries(GRAMMARS) as [keyof typeof GRAMMARS, (typeof GRAMMARS)[keyof typeof GRAMMARS]][]) {
    it(`${name}: every action round-trips or is refused by name`, () => {
      const roundTripped: ActionType[] = [];
      for (const type of ACTION_TYPES) {
        const action = sampleOf(type);
        if (NOT_IN[name].includes(type)) {
          if (name === 'webrl') expect(() => grammar.render(action)).toThrow(`WebRL's action space has no ${type}.`);
          if (name === 'webarena') expect(() => grammar.parse(`\`\`\`${grammar.render(action)}\`\`\``)).toThrow(`Unknown action "${type}"`);
          continue;
        }
        // The execution record is each grammar's own (grammars.test.ts); the rest must survive the round trip.
        // WebArena's reference reads only a ``` block (prompt_constructor.py, _extract_action).
        const text = grammar.render(action);
        const { execution: _execution, ...parsed } = grammar.parse(name === 'webarena' ? `\`\`\`${text}\`\`\`` : text);
        expect(parsed, `${name} ${type}`).toEqual(action);
        roundTripped.push(type);
      }
      expect(roundTripped.length + NOT_IN[name].length).toBe(ACTION_TYPES.length);
    });
  }

  it('samples are what the hand-written forms say (BrowserGym type with Enter is fill then press)', () => {
    expect(GRAMMARS.browsergym.render(sampleOf('type'))).toBe('fill("12", "red shoes")\npress("12", "Enter")');
    expect(GRAMMARS.webrl.render(sampleOf('type'))).toBe('do(action="Search", argument="red shoes", element="12")');
    expect(GRAMMARS.webarena.render(sampleOf('type'))).toBe('type [12] [red shoes] [1]');
  });
});
