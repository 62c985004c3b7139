import type { ActionType } from '../api/types';

/** The kinds of argument an action takes; grammars derive their syntax and parsers from these. */
export type ArgKind = 'elementId' | 'text' | 'pressEnter' | 'key' | 'direction' | 'url' | 'tabIndex';

export interface ArgSpec {
  kind: ArgKind;
  /** Name shown in the prompt's syntax line, e.g. `id`, `content`, `press_enter_after=0|1`. */
  label: string;
  optional?: boolean;
}

export interface ActionSpec {
  type: ActionType;
  args: ArgSpec[];
  description: string;
  /** Not part of the original WebArena action space (advertised only where a grammar supports it). */
  extension?: boolean;
}

/** The single source of truth for the action space (docs/design/WEBARENA.md §4.1): prompt text, every grammar's
 * parser and renderer, and the executor are all derived from or keyed by this table. */
export const ACTION_SPECS: readonly ActionSpec[] = [
  { type: 'click', args: [{ kind: 'elementId', label: 'id' }], description: 'Click the element with this id.' },
  {
    type: 'type',
    args: [
      { kind: 'elementId', label: 'id' },
      { kind: 'text', label: 'content' },
      { kind: 'pressEnter', label: 'press_enter_after=0|1', optional: true },
    ],
    description: 'Clear the field with this id and type the content; Enter is pressed after unless press_enter_after is 0.',
  },
  { type: 'hover', args: [{ kind: 'elementId', label: 'id' }], description: 'Hover over the element with this id.' },
  { type: 'press', args: [{ kind: 'key', label: 'key_comb' }], description: 'Press a key combination, e.g. Control+a or Enter.' },
  { type: 'scroll', args: [{ kind: 'direction', label: 'down|up' }], description: 'Scroll the page up or down by one screen.' },
  {
    type: 'select',
    args: [{ kind: 'elementId', label: 'id' }, { kind: 'text', label: 'option' }],
    description: 'Choose the option with this label in the dropdown with this id.',
    extension: true,
  },
  { type: 'new_tab', args: [], description: 'Open a new, empty browser tab.' },
  { type: 'tab_focus', args: [{ kind: 'tabIndex', label: 'tab_index' }], description: 'Switch to the tab with this index.' },
  { type: 'close_tab', args: [], description: 'Close the current tab.' },
  { type: 'goto', args: [{ kind: 'url', label: 'url' }], description: 'Navigate to a URL.' },
  { type: 'go_back', args: [], description: 'Go back to the previous page.' },
  { type: 'go_forward', args: [], description: 'Go forward (undo go_back).' },
  {
    type: 'stop',
    args: [{ kind: 'text', label: 'answer', optional: true }],
    description: 'Finish the task. Give the answer in the brackets if the task asks for one; write N/A if the task is impossible.',
  },
];

export function specOf(type: ActionType): ActionSpec | undefined {
  return ACTION_SPECS.find((s) => s.type === type);
}
