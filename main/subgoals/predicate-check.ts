// Save-time check of hand-typed milestone predicates (docs/design/MIRA.md §2.2): the schema (main/api/schemas.ts)
// checks their shape, but some well-shaped predicates can never mean what their author meant, and at judging time
// (./predicates.ts) they fail silently — always met, or never met with evidence that looks like a real "no".
import type { Page } from 'playwright';
import type { SubgoalItem } from '../api/inference-types';
import type { TaskRecord } from '../api/types';
import type { SubgoalPredicate } from '../sandbox/types';

type AriaRole = Parameters<Page['getByRole']>[0];
/** The roles getByRole knows: another role finds nothing, so a typo ("buton") reads as "no element" for ever. */
const ARIA_ROLES = [
  'alert', 'alertdialog', 'application', 'article', 'banner', 'blockquote', 'button', 'caption', 'cell', 'checkbox', 'code',
  'columnheader', 'combobox', 'complementary', 'contentinfo', 'definition', 'deletion', 'dialog', 'directory', 'document',
  'emphasis', 'feed', 'figure', 'form', 'generic', 'grid', 'gridcell', 'group', 'heading', 'img', 'insertion', 'link', 'list',
  'listbox', 'listitem', 'log', 'main', 'marquee', 'math', 'meter', 'menu', 'menubar', 'menuitem', 'menuitemcheckbox',
  'menuitemradio', 'navigation', 'none', 'note', 'option', 'paragraph', 'presentation', 'progressbar', 'radio', 'radiogroup',
  'region', 'row', 'rowgroup', 'rowheader', 'scrollbar', 'search', 'searchbox', 'separator', 'slider', 'spinbutton', 'status',
  'strong', 'subscript', 'superscript', 'switch', 'tab', 'table', 'tablist', 'tabpanel', 'term', 'textbox', 'time', 'timer',
  'toolbar', 'tooltip', 'tree', 'treegrid', 'treeitem',
] as const satisfies readonly AriaRole[];
// Every role Playwright knows is listed (a Playwright upgrade that adds one fails to type-check here).
const EVERY_ROLE_LISTED: [Exclude<AriaRole, (typeof ARIA_ROLES)[number]>] extends [never] ? true : never = true;
void EVERY_ROLE_LISTED;
const KNOWN_ROLES: ReadonlySet<string> = new Set(ARIA_ROLES);

/** Why a predicate cannot mean what it says on the task, or null when it can (url_matches: ./url-pattern-check.ts). */
export function predicateProblem(predicate: SubgoalPredicate, task: Pick<TaskRecord, 'source'>): string | null {
  switch (predicate.kind) {
    case 'site_state':
      // Only the built-in sites can be asked for their state (./predicates.ts): elsewhere it is never met.
      return task.source === 'sandbox' ? null : `a site_state predicate reads the state of the built-in sandbox sites, which this ${task.source} task does not run on, so it would never be met; check the page instead (url_matches, text_present or element_state)`;
    case 'text_present':
      // Judged on the page's text with runs of white space collapsed: a blank text is "on" every page.
      return predicate.text.trim() ? null : 'the text_present text is blank, so it would be met on every page';
    case 'element_state': {
      const { role, name, nameContains } = predicate.query;
      if (role !== undefined && !KNOWN_ROLES.has(role)) return `the element_state role "${role}" is no ARIA role, so no element would ever be found (e.g. button, link, textbox, combobox, checkbox, heading)`;
      if (role === undefined && (name !== undefined || nameContains !== undefined)) return 'the element_state query names an element but gives no "role"; without one the whole page is checked, not that element';
      if (name !== undefined && nameContains !== undefined) return 'the element_state query gives both "name" and "nameContains"; give one (the exact name, or a part of it)';
      return null;
    }
    default:
      return null;
  }
}

/** One line per predicate that cannot mean what it says, numbered as the editor shows the subgoals. */
export function subgoalPredicateProblems(items: readonly SubgoalItem[], task: Pick<TaskRecord, 'source'>): string[] {
  return items.flatMap((item, k) => {
    const problem = item.predicate ? predicateProblem(item.predicate as SubgoalPredicate, task) : null;
    return problem ? [`Subgoal ${k + 1}: ${problem}.`] : [];
  });
}
