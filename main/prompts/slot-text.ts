// How episode facts are written into prompt slots, shared by the policy, subgoal and AutoRater prompts so
// each sees the same action log and milestone list.
import type { SubgoalItem } from '../api/inference-types';

export interface LoggedAction {
  t: number;
  actionText: string;
  error: string | null;
  url: string;
}

/** Long pages are cut: a 12k-character AX tree is ~3k tokens, and the head of the page carries the layout. */
export const MAX_OBSERVATION_CHARS = 12_000;

export function clipObservation(text: string, max = MAX_OBSERVATION_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… (${text.length - max} more characters cut)`;
}

export function historyText(history: readonly LoggedAction[]): string {
  if (history.length === 0) return '(none yet)';
  return history.map((h) => `${h.t + 1}. ${h.actionText || '(no action parsed)'}${h.error ? ` — error: ${h.error}` : ''} (on ${h.url})`).join('\n');
}

/** "1. [x] …" lines; without a progress vector every box is empty. */
export function subgoalList(items: readonly SubgoalItem[], progress?: readonly number[] | null): string {
  return items.map((s, i) => `${i + 1}. [${progress?.[i] === 1 ? 'x' : ' '}] ${s.text}`).join('\n');
}
