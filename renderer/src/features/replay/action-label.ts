import type { NamedElement } from '../../../../main/api/replay-types';
import type { Action } from '../../../../main/api/types';

/** The action as a person reads it in the replay, like Playwright's trace viewer names the locator:
 * `click [58] link 'My Cart'`, with the element as the step's observation names it (found by the core when it
 * sends the step: main/services/acted-element.ts); an action without an element, or one whose element the
 * observation does not name, stays as the policy wrote it. */
export function describeAction(actionText: string, action: Action | null, element: NamedElement | null): string {
  const id = action?.elementId;
  if (!action || id === undefined || !element) return actionText;
  const name = element.name ? ` ${element.role} '${element.name}'` : ` ${element.role}`;
  const rest = action.text !== undefined && action.type !== 'stop' ? ` ${JSON.stringify(action.text)}` : '';
  return `${action.type} [${id}]${name}${rest}`;
}
