// What makes two milestones the same one. A repeated milestone is judged done the moment its twin is
// (docs/design/MIRA.md §3.1: the AutoRater judges the pending milestones in order), so it adds no progress
// step: the teacher's reply (./generate.ts) and a hand-saved set (./save-check.ts) are both refused for one.
import type { SubgoalItem } from '../api/inference-types';

/** A milestone as the prompts list it: without the list marker ("1.", "2)", "-", "•") or bold markers a model
 * may add (the prompts number the milestones themselves, so "1. 1. Open …" would read as a different list). */
export function milestoneText(raw: string): string {
  return raw.trim().replace(/^(?:\d{1,2}[.)]|[-*•])\s+/, '').replaceAll('**', '').trim();
}

/** Two milestones are the same when they differ only in case, spacing, a list marker or a final full stop. */
export function milestoneKey(raw: string): string {
  return milestoneText(raw).toLowerCase().replace(/[\s.]+$/, '').replace(/\s+/g, ' ');
}

/** The first milestone (0-based) that repeats an earlier one or a confirmed one (a re-plan keeps those,
 * docs/design/MIRA.md §3.2), and which: `of` indexes `completed` when `ofCompleted`, else `texts`. */
export function firstRepeat(texts: readonly string[], completed: readonly string[] = []): { index: number; of: number; ofCompleted: boolean } | null {
  const seen = completed.map(milestoneKey);
  for (const [index, text] of texts.entries()) {
    const at = seen.indexOf(milestoneKey(text));
    if (at >= 0) return at < completed.length ? { index, of: at, ofCompleted: true } : { index, of: at - completed.length, ofCompleted: false };
    seen.push(milestoneKey(text));
  }
  return null;
}

/** The repeated milestone of a set to save, named with its twin as the editor numbers them (from 1); none or one. */
export function repeatProblems(items: readonly SubgoalItem[]): string[] {
  const repeat = firstRepeat(items.map((i) => i.text));
  if (!repeat) return [];
  return [`Subgoal ${repeat.index + 1} repeats subgoal ${repeat.of + 1} ("${items[repeat.of].text}"): a repeated milestone is judged done together with its twin, so it adds no step. Reword it or remove it.`];
}
