import type { Action, ActionType, ExecutionStyle } from '../api/types';
import { ActionError } from './errors';
import { PY_DIGIT, pyDigitsValue, pyFirstWord, pyStrip } from './python-text';
import { ACTION_SPECS, type ActionSpec, type ArgKind } from './spec';

// WebArena's action grammar: `click [12]`, `type [12] [text] [1]`, `stop [answer]`, written inside the
// first ``` block of the model's reply (docs/design/WEBARENA.md §4.2). It reads a reply exactly as the reference
// does (web-arena-x/webarena: agent/prompts/prompt_constructor.py, CoTPromptConstructor._extract_action; and
// browser_env/actions.py, create_id_based_action): the same replies parse, to the same action.

/** How WebArena's browser_env/actions.py runs these (docs/design/WEBARENA.md §4.6): type clicks the element and
 * types without clearing; a key press reads Meta as Control off macOS; scroll moves the document's scrollTop by
 * window.innerHeight. select is our extension (no reference): the executor's default, the exact label. */
const WEBARENA_EXECUTION: Partial<Record<ActionType, ExecutionStyle>> = {
  type: { clearFirst: false },
  press: { metaAsControl: true },
  scroll: { scroll: { via: 'document', unit: 'viewport', amount: 1 } },
};

/** The action text: what lies between the reply's first two ``` fences (the reference's `(.|\n)*?`), stripped.
 * A reply without a fenced block has no action; nothing else in the reply is read. */
export function extractActionText(reply: string): string {
  const block = /```([\s\S]*?)```/.exec(reply);
  if (!block) throw new ActionError('parse', 'The reply has no ``` block; write the action inside one, e.g. ```click [12]```.');
  return pyStrip(block[1]);
}

// Each action's pattern, as the reference writes it (create_id_based_action), searched anywhere in the action
// text: Python's \d is any Unicode digit, its . anything but a line break, and ` ?` at most one space.
const D = `(${PY_DIGIT}+)`;
const ANY = '([^\n]+)';
const search = (pattern: string) => new RegExp(pattern, 'u');
const CLICK = search(`click ?\\[${D}\\]`);
const HOVER = search(`hover ?\\[${D}\\]`);
const TYPE = search(`type ?\\[${D}\\] ?\\[${ANY}\\] ?\\[${D}\\]`);
const PRESS = search(`press ?\\[${ANY}\\]`);
const SCROLL = search('scroll ?\\[?(up|down)\\]?');
const GOTO = search(`goto ?\\[${ANY}\\]`);
const TAB_FOCUS = search(`tab_focus ?\\[${D}\\]`);
const STOP = search(`stop ?\\[${ANY}\\]`);
// Our extension, in the reference's style (docs/design/WEBARENA.md §4.1).
const SELECT = search(`select ?\\[${D}\\] ?\\[${ANY}\\]`);

/** One reader per action name, or null where a model cannot write the action: a Record over every ActionType
 * (main/api/registries.ts), so a new action does not compile until this grammar decides. The name is matched
 * exactly (the reference's `match action:` is case-sensitive). */
const READERS: Record<ActionType, ((text: string) => Action) | null> = {
  click: (text) => ({ type: 'click', elementId: need(CLICK, text, 'click')[1] }),
  hover: (text) => ({ type: 'hover', elementId: need(HOVER, text, 'hover')[1] }),
  type: (text) => {
    // The reference appends the default Enter flag unless the text already ends with [0] or [1], then presses
    // Enter only when the flag it reads is 1.
    const flagged = text.endsWith('[0]') || text.endsWith('[1]') ? text : `${text} [1]`;
    const [, elementId, content, flag] = need(TYPE, flagged, 'type');
    return { type: 'type', elementId, text: content, pressEnter: flag === '1' };
  },
  press: (text) => ({ type: 'press', key: need(PRESS, text, 'press')[1] }),
  scroll: (text) => ({ type: 'scroll', direction: need(SCROLL, text, 'scroll')[1] as 'up' | 'down' }),
  goto: (text) => ({ type: 'goto', url: need(GOTO, text, 'goto')[1] }),
  new_tab: () => ({ type: 'new_tab' }),
  go_back: () => ({ type: 'go_back' }),
  go_forward: () => ({ type: 'go_forward' }),
  tab_focus: (text) => ({ type: 'tab_focus', tabIndex: pyDigitsValue(need(TAB_FOCUS, text, 'tab_focus')[1]) }),
  close_tab: () => ({ type: 'close_tab' }),
  // Some tasks need no answer: a stop without a bracketed one answers "".
  stop: (text) => ({ type: 'stop', text: STOP.exec(text)?.[1] ?? '' }),
  select: (text) => {
    const [, elementId, option] = need(SELECT, text, 'select');
    return { type: 'select', elementId, text: option };
  },
  noop: null,
};

export function parseWebArenaAction(reply: string): Action {
  const text = extractActionText(reply);
  // The action's name: the text before the first [, or, without one, the first word.
  const name = text.includes('[') ? pyStrip(text.split('[', 1)[0]) : pyFirstWord(text);
  if (name === undefined) throw new ActionError('parse', 'The reply\'s ``` block is empty.');
  const read = Object.hasOwn(READERS, name) ? READERS[name as ActionType] : null;
  if (!read) {
    throw new ActionError('parse', `Unknown action "${clip(name)}" in "${clip(text)}". Valid actions: ${ACTION_SPECS.map((s) => s.type).join(', ')} (lower case).`);
  }
  const action = read(text);
  const execution = WEBARENA_EXECUTION[action.type];
  if (execution) action.execution = structuredClone(execution);
  return action;
}

function need(pattern: RegExp, text: string, type: ActionType): RegExpExecArray {
  const match = pattern.exec(text);
  if (match) return match;
  const spec = ACTION_SPECS.find((s) => s.type === type)!;
  throw new ActionError('parse', `Could not read the arguments of "${clip(text)}"; expected \`${renderSyntax(spec)}\`.`);
}

/** Renders an action back into WebArena's grammar (round-trips with the parser). */
export function renderWebArenaAction(action: Action): string {
  const spec = ACTION_SPECS.find((s) => s.type === action.type);
  if (!spec) return action.type;
  const values: string[] = [];
  for (const arg of spec.args) {
    const value = argValue(action, arg.kind);
    if (value === undefined) {
      if (arg.optional) break;
      throw new Error(`Action ${action.type} lacks its ${arg.label}.`);
    }
    // The reference's arguments end at a line break, and a ``` would end the block the action is read from.
    if (/\n|```/.test(value)) throw new ActionError('parse', `WebArena's grammar cannot write a line break or \`\`\` in the ${arg.label} of ${action.type}.`);
    values.push(`[${value}]`);
  }
  return [spec.type, ...values].join(' ');
}

function argValue(action: Action, kind: ArgKind): string | undefined {
  switch (kind) {
    case 'elementId': return action.elementId;
    case 'text': return action.text;
    case 'pressEnter': return action.pressEnter === undefined ? undefined : action.pressEnter ? '1' : '0';
    case 'key': return action.key;
    case 'direction': return action.direction;
    case 'url': return action.url;
    case 'tabIndex': return action.tabIndex === undefined ? undefined : String(action.tabIndex);
  }
}

export function renderSyntax(spec: ActionSpec): string {
  return [spec.type, ...spec.args.map((a) => `[${a.label}]`)].join(' ');
}

/** The action-space section of a policy prompt, generated from the spec table. */
export function describeWebArenaActions(includeExtensions = true): string {
  return ACTION_SPECS.filter((s) => includeExtensions || !s.extension)
    .map((s) => `- \`${renderSyntax(s)}\`: ${s.description}`)
    .join('\n');
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}
