import { ACTION_TYPES, type ActionType } from '../api/registries';

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
  /** Not in the WebArena grammar (neither advertised nor parsed): what BrowserGym's noop() and WebRL's Wait read as. */
  internal?: boolean;
}

/** The single source of truth for the action space (docs/design/WEBARENA.md §4.1): one entry per ActionType, so
 * the compiler names a missing one. The WebArena grammar's syntax, renderer and prompt text are derived
 * from it; its parser, the WebRL and BrowserGym grammars and the executor are Records over the same ActionType. */
export const ACTION_SPEC_TABLE: Record<ActionType, Omit<ActionSpec, 'type'>> = {
  click: { args: [{ kind: 'elementId', label: 'id' }], description: 'Click the element with this id.' },
  type: {
    args: [
      { kind: 'elementId', label: 'id' },
      { kind: 'text', label: 'content' },
      { kind: 'pressEnter', label: 'press_enter_after=0|1', optional: true },
    ],
    // WebArena's type clicks the field and types at the caret without clearing it (docs/design/WEBARENA.md §4.6).
    description: 'Click the field with this id and type the content after any text already in it; Enter is pressed after unless press_enter_after is 0.',
  },
  hover: { args: [{ kind: 'elementId', label: 'id' }], description: 'Hover over the element with this id.' },
  press: { args: [{ kind: 'key', label: 'key_comb' }], description: 'Press a key combination, e.g. Control+a or Enter.' },
  scroll: { args: [{ kind: 'direction', label: 'down|up' }], description: 'Scroll the page up or down by one screen.' },
  select: {
    args: [{ kind: 'elementId', label: 'id' }, { kind: 'text', label: 'option' }],
    description: 'Choose the option with this label in the dropdown with this id.',
    extension: true,
  },
  new_tab: { args: [], description: 'Open a new, empty browser tab.' },
  tab_focus: { args: [{ kind: 'tabIndex', label: 'tab_index' }], description: 'Switch to the tab with this index.' },
  close_tab: { args: [], description: 'Close the current tab.' },
  goto: { args: [{ kind: 'url', label: 'url' }], description: 'Navigate to a URL.' },
  go_back: { args: [], description: 'Go back to the previous page.' },
  go_forward: { args: [], description: 'Go forward (undo go_back).' },
  stop: {
    args: [{ kind: 'text', label: 'answer', optional: true }],
    description: 'Finish the task. Give the answer in the brackets if the task asks for one; write N/A if the task is impossible.',
  },
  noop: { args: [], description: 'Do nothing this step.', internal: true },
};

/** The advertised actions in registry order (the order the prompt lists them). */
export const ACTION_SPECS: readonly ActionSpec[] = ACTION_TYPES.filter((type) => !ACTION_SPEC_TABLE[type].internal).map((type) => ({ type, ...ACTION_SPEC_TABLE[type] }));

export function specOf(type: ActionType): ActionSpec | undefined {
  return ACTION_SPECS.find((s) => s.type === type);
}
