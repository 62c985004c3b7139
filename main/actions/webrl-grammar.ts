import type { Action, ActionType, ExecutionStyle } from '../api/types';
import { ActionError } from './errors';
import { parsePythonCall, pythonString } from './python-call';

// WebRL's grammar (docs/design/WEBARENA.md §4.3): do(action="Click", element="7"), do(action="Type",
// argument="…", element="22") which clears the field first, Search (type then Enter), Hover,
// Select Dropdown Option, Scroll Up/Down, Press Enter, Go Backward/Forward, and exit(message="…").

/** How VisualAgentBench's execute_action_webrl runs these (docs/design/WEBARENA.md §4.6): Type and Search clear
 * the field first; Select Dropdown Option takes the first option whose text contains the argument, ignoring
 * case; Scroll turns the mouse wheel by 2/3 of the viewport's height. */
const CLEAR_FIRST: ExecutionStyle = { clearFirst: true };
const OPTION_CONTAINS: ExecutionStyle = { optionMatch: 'contains' };
const WHEEL_TWO_THIRDS: ExecutionStyle = { scroll: { via: 'wheel', unit: 'viewport', amount: 2 / 3 } };
const styled = (action: Action, execution: ExecutionStyle): Action => ({ ...action, execution: structuredClone(execution) });

/** Finds the call in a reply: the last line that starts with do( or exit(. WebRL models write the action on
 * its own line, sometimes after reasoning. */
export function extractWebRlCall(reply: string): string {
  const lines = reply.split('\n').map((l) => l.trim().replace(/^```(?:python)?|```$/g, '').trim()).filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) if (/^(do|exit)\s*\(/.test(lines[i])) return lines[i];
  throw new ActionError('parse', 'The reply contains no do(...) or exit(...) call.');
}

export function parseWebRlAction(reply: string): Action {
  const call = parsePythonCall(extractWebRlCall(reply));
  const arg = (key: string) => {
    const value = call.keyword[key];
    return value === undefined ? undefined : String(value);
  };
  if (call.name === 'exit') return { type: 'stop', text: arg('message') ?? String(call.positional[0] ?? '') };
  if (call.name !== 'do') throw new ActionError('parse', `Unknown WebRL call "${call.name}"; expected do(...) or exit(...).`);
  const name = arg('action') ?? String(call.positional[0] ?? '');
  const element = arg('element');
  const needElement = () => {
    if (element === undefined || !/^\d+$/.test(element)) throw new ActionError('parse', `do(action="${name}") needs element="<id>".`);
    return element;
  };
  switch (name) {
    case 'Click': return { type: 'click', elementId: needElement() };
    case 'Hover': return { type: 'hover', elementId: needElement() };
    case 'Type': return styled({ type: 'type', elementId: needElement(), text: arg('argument') ?? '', pressEnter: false }, CLEAR_FIRST);
    case 'Search': return styled({ type: 'type', elementId: needElement(), text: arg('argument') ?? '', pressEnter: true }, CLEAR_FIRST);
    case 'Select Dropdown Option': return styled({ type: 'select', elementId: needElement(), text: arg('argument') ?? '' }, OPTION_CONTAINS);
    case 'Scroll Up': return styled({ type: 'scroll', direction: 'up' }, WHEEL_TWO_THIRDS);
    case 'Scroll Down': return styled({ type: 'scroll', direction: 'down' }, WHEEL_TWO_THIRDS);
    case 'Press Enter': return element ? { type: 'press', key: 'Enter', elementId: element } : { type: 'press', key: 'Enter' };
    case 'Go Backward': return { type: 'go_back' };
    case 'Go Forward': return { type: 'go_forward' };
    case 'Wait': return { type: 'noop' };
    default:
      throw new ActionError('parse', `Unknown WebRL action "${name}".`);
  }
}

const element = (id?: string) => `element=${pythonString(id ?? '')}`;

/** How each action is written in WebRL, or null where WebRL's action space has none (tabs, goto): a Record over
 * every ActionType (main/api/registries.ts), so a new action does not compile until this grammar decides. */
const RENDER: Record<ActionType, ((action: Action) => string) | null> = {
  click: (a) => `do(action="Click", ${element(a.elementId)})`,
  hover: (a) => `do(action="Hover", ${element(a.elementId)})`,
  type: (a) => `do(action="${a.pressEnter ? 'Search' : 'Type'}", argument=${pythonString(a.text ?? '')}, ${element(a.elementId)})`,
  select: (a) => `do(action="Select Dropdown Option", argument=${pythonString(a.text ?? '')}, ${element(a.elementId)})`,
  scroll: (a) => `do(action="Scroll ${a.direction === 'up' ? 'Up' : 'Down'}")`,
  press: (a) => {
    if (a.key !== 'Enter') throw new ActionError('parse', `WebRL can only press Enter, not ${a.key}.`);
    return a.elementId ? `do(action="Press Enter", ${element(a.elementId)})` : 'do(action="Press Enter")';
  },
  go_back: () => 'do(action="Go Backward")',
  go_forward: () => 'do(action="Go Forward")',
  noop: () => 'do(action="Wait")',
  stop: (a) => `exit(message=${pythonString(a.text ?? '')})`,
  goto: null,
  new_tab: null,
  tab_focus: null,
  close_tab: null,
};

export function renderWebRlAction(action: Action): string {
  const render = RENDER[action.type];
  if (!render) throw new ActionError('parse', `WebRL's action space has no ${action.type}.`);
  return render(action);
}

export const WEBRL_ACTION_DOC = [
  '- do(action="Click", element="<id>")',
  '- do(action="Type", argument="<text>", element="<id>")  (clears the field first)',
  '- do(action="Search", argument="<text>", element="<id>")  (types, then presses Enter)',
  '- do(action="Hover", element="<id>")',
  '- do(action="Select Dropdown Option", argument="<option>", element="<id>")',
  '- do(action="Scroll Up") / do(action="Scroll Down")',
  '- do(action="Press Enter")',
  '- do(action="Go Backward") / do(action="Go Forward")',
  '- exit(message="<answer>")  (finish; the message is the answer)',
].join('\n');
