import type { Action, ActionType, ScrollStyle } from '../api/types';
import { ActionError } from './errors';
import { parsePythonCall, pythonString } from './python-call';

// BrowserGym's high-level action set (docs/design/WEBARENA.md §4.4): click("12"), fill("12", "text"),
// select_option("12", "Blue"), hover, press("12", "Enter"), scroll(dx, dy), goto(url), go_back(),
// go_forward(), new_tab(), tab_close(), tab_focus(i), send_msg_to_user(text), report_infeasible, noop().

export function extractBrowserGymCalls(reply: string): string[] {
  const block = /```(?:python)?\s*([\s\S]*?)```/.exec(reply);
  const text = (block ? block[1] : reply).trim();
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => /^[a-z_]+\s*\(/.test(l));
  if (lines.length === 0) throw new ActionError('parse', 'The reply contains no BrowserGym action call.');
  return lines;
}

/** One action per step. The one two-call form accepted is fill + press Enter on the same element, which is
 * how a type-and-submit is written in BrowserGym (and how renderBrowserGymAction writes it). */
export function parseBrowserGymAction(reply: string): Action {
  const calls = extractBrowserGymCalls(reply).map(parseOne);
  if (calls.length === 1) return calls[0];
  const [first, second] = calls;
  if (calls.length === 2 && first.type === 'type' && second.type === 'press' && second.key === 'Enter' && second.elementId === first.elementId) {
    return { ...first, pressEnter: true };
  }
  throw new ActionError('parse', `Write one action per step (got ${calls.length}: ${calls.map((c) => c.type).join(', ')}).`);
}

/** BrowserGym's action functions (browsergym/core/action/functions.py, docs/design/WEBARENA.md §4.6): fill
 * replaces the field's text, select_option matches an option's value or label, and scroll(dx, dy) turns the
 * mouse wheel by those pixels. press passes keys through (Playwright's ControlOrMeta is there for that). */
function parseOne(line: string): Action {
  const call = parsePythonCall(line);
  const args = call.positional.map(String);
  const named = (key: string, index: number) => (call.keyword[key] !== undefined ? String(call.keyword[key]) : args[index]);
  const bid = () => {
    const value = named('bid', 0);
    if (value === undefined || !/^\d+$/.test(value)) throw new ActionError('parse', `${call.name}() needs an element id as its first argument.`);
    return value;
  };
  switch (call.name) {
    case 'click': case 'dblclick': return { type: 'click', elementId: bid() };
    case 'hover': return { type: 'hover', elementId: bid() };
    case 'fill': return { type: 'type', elementId: bid(), text: named('value', 1) ?? '', pressEnter: false, execution: { clearFirst: true } };
    case 'select_option': return { type: 'select', elementId: bid(), text: named('options', 1) ?? '', execution: { optionMatch: 'value_or_label' } };
    case 'press': return { type: 'press', elementId: bid(), key: named('key_comb', 1) ?? 'Enter' };
    case 'keyboard_press': return { type: 'press', key: named('key', 0) ?? 'Enter' };
    case 'scroll': {
      const [dx, dy] = [pixels(named('delta_x', 0), 'delta_x'), pixels(named('delta_y', 1), 'delta_y')];
      const scroll: ScrollStyle = { via: 'wheel', unit: 'px', amount: Math.abs(dy) };
      if (dx !== 0) scroll.across = dx;
      return { type: 'scroll', direction: dy < 0 ? 'up' : 'down', execution: { scroll } };
    }
    case 'goto': return { type: 'goto', url: named('url', 0) ?? '' };
    case 'go_back': return { type: 'go_back' };
    case 'go_forward': return { type: 'go_forward' };
    case 'new_tab': return { type: 'new_tab' };
    case 'tab_close': return { type: 'close_tab' };
    case 'tab_focus': return { type: 'tab_focus', tabIndex: Number(named('index', 0)) };
    case 'send_msg_to_user': return { type: 'stop', text: named('text', 0) ?? '' };
    case 'report_infeasible': return { type: 'stop', text: 'N/A' };
    case 'noop': return { type: 'noop' };
    default:
      throw new ActionError('parse', `Unknown BrowserGym action "${call.name}".`);
  }
}

function pixels(value: string | undefined, name: string): number {
  const n = Number(value ?? 0);
  if (!Number.isFinite(n)) throw new ActionError('parse', `scroll() needs a number of pixels for ${name}, not "${value}".`);
  return n;
}

/** How each action is written in BrowserGym: a Record over every ActionType (main/api/registries.ts), so a new
 * action does not compile until this grammar says how to write it. */
const RENDER: Record<ActionType, (action: Action, bid: string) => string> = {
  click: (_, bid) => `click(${bid})`,
  hover: (_, bid) => `hover(${bid})`,
  // fill() never presses Enter; the caller's pressEnter is kept by a following press().
  type: (a, bid) => (a.pressEnter ? `fill(${bid}, ${pythonString(a.text ?? '')})\npress(${bid}, "Enter")` : `fill(${bid}, ${pythonString(a.text ?? '')})`),
  select: (a, bid) => `select_option(${bid}, ${pythonString(a.text ?? '')})`,
  press: (a, bid) => (a.elementId ? `press(${bid}, ${pythonString(a.key ?? 'Enter')})` : `keyboard_press(${pythonString(a.key ?? 'Enter')})`),
  scroll: (a) => {
    // Pixels where the action has them (one parsed from BrowserGym); otherwise 500, about one small screen.
    const style = a.execution?.scroll;
    const dy = style?.unit === 'px' ? style.amount : 500;
    return `scroll(${style?.unit === 'px' ? (style.across ?? 0) : 0}, ${a.direction === 'up' ? -dy : dy})`;
  },
  goto: (a) => `goto(${pythonString(a.url ?? '')})`,
  go_back: () => 'go_back()',
  go_forward: () => 'go_forward()',
  new_tab: () => 'new_tab()',
  close_tab: () => 'tab_close()',
  tab_focus: (a) => `tab_focus(${a.tabIndex ?? 0})`,
  stop: (a) => `send_msg_to_user(${pythonString(a.text ?? '')})`,
  noop: () => 'noop()',
};

export function renderBrowserGymAction(action: Action): string {
  return RENDER[action.type](action, pythonString(action.elementId ?? ''));
}

export const BROWSERGYM_ACTION_DOC = [
  '- click(bid), hover(bid)',
  '- fill(bid, value)  (replaces the field\'s text)',
  '- select_option(bid, option)',
  '- press(bid, key_comb), keyboard_press(key)',
  '- scroll(delta_x, delta_y)',
  '- goto(url), go_back(), go_forward(), new_tab(), tab_close(), tab_focus(index)',
  '- send_msg_to_user(text)  (finish with this answer), report_infeasible(reason), noop()',
].join('\n');
