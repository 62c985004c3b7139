import type { Action } from '../../../../main/api/types';

/** An element as the observation text names it: WebArena's accessibility-tree line `[id] role 'name'`
 * (docs/design/WEBARENA.md §3). */
export interface NamedElement {
  role: string;
  name: string;
}

/** Finds element `id` in an observation text written as `[id] role 'name' …` lines; null when the text has
 * no such line (another view format, or the element was cut at the size budget). */
export function findElement(observation: string, id: string): NamedElement | null {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`^\\s*\\[${escaped}\\] (\\S+) '((?:[^'\\\\]|\\\\.)*)'`, 'm').exec(observation);
  return line ? { role: line[1], name: line[2].replace(/\\'/g, "'") } : null;
}

/** The action as a person reads it in the replay, like Playwright's trace viewer names the locator:
 * `click [58] link 'My Cart'`; an action without an element, or one whose element the observation does not
 * name, stays as the policy wrote it. */
export function describeAction(actionText: string, action: Action | null, observation: string | null): string {
  const id = action?.elementId;
  if (!action || id === undefined || observation === null) return actionText;
  const element = findElement(observation, id);
  if (!element) return actionText;
  const name = element.name ? ` ${element.role} '${element.name}'` : ` ${element.role}`;
  const rest = action.text !== undefined && action.type !== 'stop' ? ` ${JSON.stringify(action.text)}` : '';
  return `${action.type} [${id}]${name}${rest}`;
}
