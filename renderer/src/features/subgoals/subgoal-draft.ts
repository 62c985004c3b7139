import type { SubgoalItem, SubgoalPredicateSpec } from '../../../../main/api/contract';

/** A subgoal as the editor holds it: the predicate as JSON text, so any of its kinds can be typed by hand. */
export interface DraftItem {
  /** Stable React key while rows move. */
  key: number;
  text: string;
  predicate: string;
}

let nextKey = 1;

export function toDraft(items: readonly SubgoalItem[]): DraftItem[] {
  return items.map((i) => ({ key: nextKey++, text: i.text, predicate: i.predicate ? JSON.stringify(i.predicate) : '' }));
}

/** Whether the draft holds exactly these items (text and predicate as the editor shows them). */
export function sameItems(draft: readonly DraftItem[], items: readonly SubgoalItem[]): boolean {
  return draft.length === items.length && draft.every((d, i) => d.text === items[i].text && d.predicate === (items[i].predicate ? JSON.stringify(items[i].predicate) : ''));
}

export function emptyItem(): DraftItem {
  return { key: nextKey++, text: '', predicate: '' };
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

/** The most milestones and the longest milestone text a set may have (saveSubgoalSet's schema, main/api/schemas.ts). */
export const MAX_SUBGOALS = 20;
export const MAX_SUBGOAL_TEXT = 2000;

/** When two milestones are the same one: they differ only in case, spacing, a list marker or a final full stop.
 * The core refuses such a set too (main/subgoals/milestone-text.ts, milestoneKey: the same rule, which the
 * renderer cannot import, docs/design/ARCHITECTURE.md §4); a unit test keeps the two in step. */
export function milestoneKey(raw: string): string {
  return raw.trim().replace(/^(?:\d{1,2}[.)]|[-*•])\s+/, '').replaceAll('**', '').trim().toLowerCase().replace(/[\s.]+$/, '').replace(/\s+/g, ' ');
}

/** The label of a row's field, as the editor names its inputs (SubgoalRow). */
export const fieldLabel = (index: number, field: 'text' | 'predicate') => `Subgoal ${index + 1} ${field}`;

/** The draft as API items, or the first problem: what is wrong, and the field at fault (its label), so the
 * editor can mark it and put the focus there. */
export function fromDraft(draft: readonly DraftItem[]): { items: SubgoalItem[] } | { error: string; field: string | null } {
  if (draft.length === 0) return { error: 'A subgoal set needs at least one milestone.', field: null };
  if (draft.length > MAX_SUBGOALS) return { error: `A subgoal set has at most ${MAX_SUBGOALS} milestones; this one has ${draft.length}.`, field: null };
  const items: SubgoalItem[] = [];
  const seen = new Map<string, number>();
  for (const [i, d] of draft.entries()) {
    if (!d.text.trim()) return { error: `Subgoal ${i + 1} has no text.`, field: fieldLabel(i, 'text') };
    const length = d.text.trim().length;
    if (length > MAX_SUBGOAL_TEXT) return { error: `Subgoal ${i + 1} is ${length.toLocaleString('en-US')} characters long; a milestone has at most ${MAX_SUBGOAL_TEXT.toLocaleString('en-US')}.`, field: fieldLabel(i, 'text') };
    // A repeat is judged done together with its twin, so it adds no step (docs/design/MIRA.md §3.1).
    const twin = seen.get(milestoneKey(d.text));
    if (twin !== undefined) return { error: `Subgoal ${i + 1} repeats subgoal ${twin + 1} ("${draft[twin].text.trim()}"): a repeated milestone is judged done together with its twin, so it adds no step. Reword it or remove it.`, field: fieldLabel(i, 'text') };
    seen.set(milestoneKey(d.text), i);
    let predicate: SubgoalPredicateSpec | null = null;
    if (d.predicate.trim()) {
      try {
        predicate = JSON.parse(d.predicate) as SubgoalPredicateSpec;
      } catch {
        return { error: `Subgoal ${i + 1}: the predicate is not valid JSON.`, field: fieldLabel(i, 'predicate') };
      }
      if (!predicate || typeof predicate !== 'object' || typeof (predicate as { kind?: unknown }).kind !== 'string') return { error: `Subgoal ${i + 1}: a predicate needs a "kind".`, field: fieldLabel(i, 'predicate') };
    }
    items.push({ text: d.text.trim(), predicate });
  }
  return { items };
}

/** A Save the core refused, said as the editor names things: the core checks the items' shape (main/api/
 * schemas.ts) and names a field by its argument path, 0-based ("argument 1.1.predicate.kind"); a person reads
 * "Subgoal 2 predicate", and that field gets the mark and the focus. Other errors pass through as they are. */
export function explainSaveError(message: string): { error: string; field: string | null } {
  // The core's own refusals name the subgoal from 1 (main/subgoals/save-check.ts): a repeat is its text's fault,
  // anything else ("Subgoal 2: the URL pattern …") its predicate's.
  const named = /The subgoal set was not saved\. Subgoal (\d+)( repeats|:)/.exec(message);
  if (named) return { error: message, field: fieldLabel(Number(named[1]) - 1, named[2] === ' repeats' ? 'text' : 'predicate') };
  const issues = message.replace(/^saveSubgoalSet: /, '').split('; ');
  for (const issue of issues) {
    const m = /^argument 1\.(\d+)\.(text|predicate)(?:\.([\w.]+))?: (.*)$/.exec(issue);
    if (!m) continue;
    const field = m[2] as 'text' | 'predicate';
    const label = fieldLabel(Number(m[1]), field);
    return { error: `${label}${m[3] ? ` "${m[3]}"` : ''}: ${m[4]}`, field: label };
  }
  return { error: message, field: null };
}

/** One line per milestone, for the diff between versions. */
export function describe(items: readonly SubgoalItem[]): string {
  return items.map((i, k) => `${k + 1}. ${i.text}${i.predicate ? `  ⟨${JSON.stringify(i.predicate)}⟩` : ''}`).join('\n');
}
