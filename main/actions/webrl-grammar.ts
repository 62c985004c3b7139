import type { Action, ActionType, ExecutionStyle } from '../api/types';
import { ActionError } from './errors';
import { pythonString } from './python-call';
import { parsePythonExpression, type PyNode } from './python-expression';
import { literalEval, type PyLiteral } from './python-literal';
import { pyStrip } from './python-text';

// WebRL's grammar (docs/design/WEBARENA.md §4.3): do(action="Click", element="7"), do(action="Type",
// argument="…", element="22") which clears the field first, Search (type then Enter), Hover,
// Select Dropdown Option, Scroll Up/Down, Press Enter, Go Backward/Forward, and exit(message="…").
// A reply is read exactly as VisualAgentBench reads it (THUDM/VisualAgentBench: VAB-WebArena-Lite/new/actions.py,
// create_webrl_id_based_action; its WebRLPromptConstructor.extract_action passes the whole reply): the same
// replies parse, to the same action. Where the reference fails with an error other than ActionParsingError
// (a missing keyword, a value of the wrong type), the reply is refused here too.

/** How VisualAgentBench's execute_action_webrl runs these (docs/design/WEBARENA.md §4.6): Type and Search clear
 * the field first; Select Dropdown Option takes the first option whose text contains the argument, ignoring
 * case; Scroll turns the mouse wheel by 2/3 of the viewport's height. */
const CLEAR_FIRST: ExecutionStyle = { clearFirst: true };
const OPTION_CONTAINS: ExecutionStyle = { optionMatch: 'contains' };
const WHEEL_TWO_THIRDS: ExecutionStyle = { scroll: { via: 'wheel', unit: 'viewport', amount: 2 / 3 } };
const styled = (action: Action, execution: ExecutionStyle): Action => ({ ...action, execution: structuredClone(execution) });

/** The part of a reply read as the call (the reference's remove_comments): from the last `exit(` if there is
 * one, else from the last `do(` (or `go_backward(`, which no action matches), else from the first line that is
 * not a # comment. It must then be one Python expression, so text after the call is an error unless it is a
 * comment. */
export function webRlCallSource(reply: string): string {
  const text = pyStrip(reply);
  for (const key of ['exit(', 'do(', 'go_backward(']) {
    const at = text.lastIndexOf(key);
    if (at >= 0) return pyStrip(text.slice(at));
  }
  const lines = text.split('\n');
  const first = lines.findIndex((line) => !pyStrip(line).startsWith('#'));
  return first < 0 ? '' : pyStrip(lines.slice(first).join('\n'));
}

interface CallArguments {
  name: string;
  action?: PyLiteral;
  /** Keyed by keyword; null for a `**mapping`. */
  kwargs: Map<string | null, PyLiteral>;
}

/** The call's keyword arguments as the reference collects them (parse_function_call): `action` of do(...)
 * apart, each value read by literal_eval, a later duplicate replacing an earlier one; positional arguments are
 * never read. An `element` written as find_element_by_instruction(instruction=…) yields `instruction` and no
 * element. */
function readCall(node: PyNode): CallArguments {
  if (node.kind !== 'call' || node.func.kind !== 'name') throw new ActionError('parse', 'The reply is not a do(...) or exit(...) call.');
  const call: CallArguments = { name: node.func.id, kwargs: new Map() };
  for (const keyword of node.keywords) {
    if (call.name === 'do' && keyword.arg === 'action') call.action = literalEval(keyword.value);
    else if (keyword.arg === 'element' && isFindElement(keyword.value)) {
      for (const inner of keyword.value.keywords) if (inner.arg === 'instruction') call.kwargs.set('instruction', literalEval(inner.value));
    } else call.kwargs.set(keyword.arg, literalEval(keyword.value));
  }
  return call;
}

function isFindElement(node: PyNode): node is Extract<PyNode, { kind: 'call' }> {
  return node.kind === 'call' && node.func.kind === 'name' && node.func.id === 'find_element_by_instruction';
}

/** The call's syntax tree; a reply that fails to parse and names no call is told so plainly. */
function parseCall(source: string): PyNode {
  try {
    return parsePythonExpression(source);
  } catch (err) {
    if (!/\b(?:do|exit)\s*\(/.test(source)) throw new ActionError('parse', 'The reply contains no do(...) or exit(...) call.');
    throw err;
  }
}

const PLACEHOLDER: Record<string, string> = { element: 'id', argument: 'text', message: 'answer' };

export function parseWebRlAction(reply: string): Action {
  const source = webRlCallSource(reply);
  if (!source) throw new ActionError('parse', 'The reply contains no do(...) or exit(...) call.');
  const call = readCall(parseCall(source));
  // The reference's create_* functions take str arguments (beartype): a number or bytes is refused.
  const text = (key: string, action: string): string => {
    const value = call.kwargs.get(key);
    if (value === undefined) throw new ActionError('parse', `${action} needs ${key}="<${PLACEHOLDER[key]}>".`);
    if (value.type !== 'str') throw new ActionError('parse', `${action}'s ${key} must be a quoted string (got a ${value.type} value).`);
    return value.value;
  };
  if (call.name === 'exit') return { type: 'stop', text: text('message', 'exit(...)') };
  if (call.name !== 'do') throw new ActionError('parse', `Unknown WebRL call "${call.name}"; expected do(...) or exit(...).`);
  if (call.action === undefined) throw new ActionError('parse', 'do(...) needs action="…".');
  if (call.action.type !== 'str') throw new ActionError('parse', `do(...)'s action must be a quoted string (got a ${call.action.type} value).`);
  const name = call.action.value;
  const what = `do(action="${name}")`;
  // Action names are matched ignoring case (the reference lower-cases them).
  switch (name.toLowerCase()) {
    // The reference presses Enter on the page, whatever element the call names.
    case 'press enter': return { type: 'press', key: 'Enter' };
    case 'scroll up': return styled({ type: 'scroll', direction: 'up' }, WHEEL_TWO_THIRDS);
    case 'scroll down': return styled({ type: 'scroll', direction: 'down' }, WHEEL_TWO_THIRDS);
    case 'click': return { type: 'click', elementId: text('element', what) };
    case 'type': return styled({ type: 'type', elementId: text('element', what), text: text('argument', what), pressEnter: false }, CLEAR_FIRST);
    case 'hover': return { type: 'hover', elementId: text('element', what) };
    case 'select dropdown option': return styled({ type: 'select', elementId: text('element', what), text: text('argument', what) }, OPTION_CONTAINS);
    case 'go forward': return { type: 'go_forward' };
    case 'go backward': return { type: 'go_back' };
    case 'search': return styled({ type: 'type', elementId: text('element', what), text: text('argument', what), pressEnter: true }, CLEAR_FIRST);
    // Wait is not among them: the reference refuses it as an invalid action.
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
  // The reference presses Enter on the page and ignores an element.
  press: (a) => {
    if (a.key !== 'Enter') throw new ActionError('parse', `WebRL can only press Enter, not ${a.key}.`);
    return 'do(action="Press Enter")';
  },
  go_back: () => 'do(action="Go Backward")',
  go_forward: () => 'do(action="Go Forward")',
  // VisualAgentBench's parser refuses Wait, so WebRL has no way to write a noop.
  noop: null,
  stop: (a) => `exit(message=${pythonString(a.text ?? '')})`,
  goto: null,
  new_tab: null,
  tab_focus: null,
  close_tab: null,
};

export function renderWebRlAction(action: Action): string {
  const render = RENDER[action.type];
  if (!render) throw new ActionError('parse', `WebRL's action space has no ${action.type}.`);
  const call = render(action);
  // The reference would cut the call at a do( or exit( inside an argument (webRlCallSource).
  if (webRlCallSource(call) !== call) throw new ActionError('parse', `WebRL's parser cannot read an argument that contains "do(" or "exit(": ${call}`);
  return call;
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
  // The reference reads from the last exit( (without one, the last do() to the end of the reply, as one Python expression.
  'Write the call last in your reply: nothing may follow it but a # comment, and write exit( only to finish.',
].join('\n');
