import type { Action, ActionType, ExecutionStyle } from '../api/types';
import { ActionError } from './errors';
import { ACTION_SPECS, type ActionSpec, type ArgKind } from './spec';

// WebArena's action grammar: `click [12]`, `type [12] [text] [1]`, `stop [answer]`, written inside the
// first ``` block of the model's reply (docs/design/WEBARENA.md §4.2).

const ARG_PATTERN: Record<ArgKind, string> = {
  elementId: '(\\d+)',
  text: '([\\s\\S]*)',
  pressEnter: '([01])',
  key: '(.+)',
  direction: '(up|down)',
  url: '(\\S+)',
  tabIndex: '(\\d+)',
};

/** Regexes for a spec: with all optional args, then with the trailing optional ones dropped. The greedy
 * text group means `type [3] [a [b]] [0]` reads the content as `a [b]`. */
function patternsFor(spec: ActionSpec): { regex: RegExp; argCount: number }[] {
  const patterns: { regex: RegExp; argCount: number }[] = [];
  for (let count = spec.args.length; count >= 0; count--) {
    if (count < spec.args.length && !spec.args[count].optional) break;
    const args = spec.args.slice(0, count).map((a) => ` ?\\[${ARG_PATTERN[a.kind]}\\]`).join('');
    patterns.push({ regex: new RegExp(`^${spec.type}${args}$`, 'i'), argCount: count });
  }
  return patterns;
}
const PATTERNS = new Map(ACTION_SPECS.map((s) => [s.type, patternsFor(s)]));

/** How WebArena's browser_env/actions.py runs these (docs/design/WEBARENA.md §4.6): type clicks the element and
 * types without clearing; a key press reads Meta as Control off macOS; scroll moves the document's scrollTop by
 * window.innerHeight. select is our extension (no reference): the executor's default, the exact label. */
const WEBARENA_EXECUTION: Partial<Record<ActionType, ExecutionStyle>> = {
  type: { clearFirst: false },
  press: { metaAsControl: true },
  scroll: { scroll: { via: 'document', unit: 'viewport', amount: 1 } },
};

/** Extracts the action text: the first ``` block if there is one, otherwise the last non-empty line. */
export function extractActionText(reply: string): string {
  const block = /```(?:[a-z]*\n)?([\s\S]*?)```/.exec(reply);
  if (block) return block[1].trim();
  const lines = reply.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

export function parseWebArenaAction(reply: string): Action {
  const text = extractActionText(reply);
  if (!text) throw new ActionError('parse', 'The reply contains no action.');
  const command = text.split(/[\s[]/, 1)[0].toLowerCase() as ActionType;
  const spec = ACTION_SPECS.find((s) => s.type === command);
  if (!spec) {
    throw new ActionError('parse', `Unknown action "${command}" in "${clip(text)}". Valid actions: ${ACTION_SPECS.map((s) => s.type).join(', ')}.`);
  }
  for (const { regex, argCount } of PATTERNS.get(spec.type) ?? []) {
    const match = regex.exec(text);
    if (match) return buildAction(spec, match.slice(1, argCount + 1));
  }
  const syntax = renderSyntax(spec);
  throw new ActionError('parse', `Could not read the arguments of "${clip(text)}"; expected \`${syntax}\`.`);
}

function buildAction(spec: ActionSpec, values: string[]): Action {
  const action: Action = { type: spec.type };
  spec.args.forEach((arg, i) => {
    const value = values[i];
    if (value === undefined) return;
    switch (arg.kind) {
      case 'elementId': action.elementId = value; break;
      case 'text': action.text = value; break;
      case 'pressEnter': action.pressEnter = value === '1'; break;
      case 'key': action.key = value; break;
      case 'direction': action.direction = value.toLowerCase() as 'up' | 'down'; break;
      case 'url': action.url = value; break;
      case 'tabIndex': action.tabIndex = Number(value); break;
    }
  });
  if (spec.type === 'type' && action.pressEnter === undefined) action.pressEnter = true;
  const execution = WEBARENA_EXECUTION[spec.type];
  if (execution) action.execution = structuredClone(execution);
  return action;
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
