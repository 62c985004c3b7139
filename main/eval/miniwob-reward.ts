// MiniWoB++ scoring (docs/design/WEBARENA.md §5): the page's raw reward in [−1, 1], read once the episode is
// over. Success is raw reward > 0 (BrowserGym's rule) or = 1 (the miniwob Python package's): a setting,
// recorded with every score as the profile and in the check, since success rates differ between them.
import type { EvaluationResult } from '../api/types';
import { MINIWOB_SUCCESS_RULES, type MiniWobSuccessRule } from '../api/run-options';
import { readMiniWobState, type MiniWobState } from '../tasks/miniwob/page-protocol';
import { findTaskTab, taskStartOf, whyNotTaskPage } from '../tasks/miniwob/task-page';
import type { PageLike } from './page-like';

export { MINIWOB_SUCCESS_RULES, type MiniWobSuccessRule };

const RULE_TEXT: Record<MiniWobSuccessRule, string> = {
  browsergym: 'raw reward > 0 (BrowserGym)',
  miniwob: 'raw reward = 1 (miniwob package)',
};

export function isMiniWobSuccessRule(value: unknown): value is MiniWobSuccessRule {
  return typeof value === 'string' && (MINIWOB_SUCCESS_RULES as readonly string[]).includes(value);
}

/** The score is the raw reward itself (−1 for a wrong answer). An episode the page did not finish scores as its
 * users' tools score it: 0 under BrowserGym's rule (no reward yet), −1 under the miniwob package's (its timer
 * ends every unfinished episode with −1). */
export function scoreMiniWob(state: MiniWobState, rule: MiniWobSuccessRule, instruction?: string, whereNote?: string): EvaluationResult {
  const success = state.done && (rule === 'browsergym' ? state.rawReward > 0 : state.rawReward === 1);
  const score = state.done ? state.rawReward : rule === 'miniwob' ? -1 : 0;
  const unfinished = rule === 'miniwob' ? '; scored −1, as the miniwob package\'s time limit would' : '; scored 0, as BrowserGym does';
  const notes = [
    state.done ? `the page ended the episode${state.reason ? ` (${state.reason})` : ''}` : `${whereNote ?? 'the episode was not finished on the page (WOB_DONE_GLOBAL false)'}${unfinished}`,
    instruction ? `instruction: "${instruction}"` : '',
  ].filter(Boolean);
  return {
    profile: `miniwob/${rule}`,
    score,
    success,
    checks: [{
      kind: 'miniwob_reward',
      rule: RULE_TEXT[rule],
      expected: rule === 'browsergym' ? '> 0' : '1',
      actual: String(score),
      passed: success,
      score,
      note: notes.join('; '),
    }],
  };
}

/** A Playwright page knows its other tabs; the fakes unit tests pass do not. */
type WithTabs = PageLike & { context?: () => { pages(): PageLike[] } };

/** Scores the episode from its active tab, as BrowserGym's validate() does: only while that tab is the one the task
 * was started in and still shows the task's URL (task-page.ts). Otherwise the episode scores as unfinished (0 under
 * BrowserGym's rule, as there), even if the task page, still open in another tab, was solved: the check says so.
 * The page seed is recorded in the check, so the instance the agent saw can be reproduced. */
export async function evaluateMiniWob(page: WithTabs, rule: MiniWobSuccessRule): Promise<EvaluationResult> {
  const away = whyNotTaskPage(page);
  if (away) return scoreMiniWob({ done: false, rawReward: 0, reason: null }, rule, undefined, `${away}; ${await taskTabNote(page)}`);
  const start = taskStartOf(page);
  const seeds = start ? `page seed ${start.pageSeed} (BrowserGym's RandomState(${start.seed}).randint(0, 1000000))` : '';
  const state = await readMiniWobState(page).catch((err: unknown) => err instanceof Error ? err : new Error(String(err)));
  if (state instanceof Error) {
    return withNote(scoreMiniWob({ done: false, rawReward: 0, reason: null }, rule, undefined, `the task page could not be read (${state.message})`), seeds);
  }
  return withNote(scoreMiniWob(state, rule, await instructionOf(page)), seeds);
}

async function instructionOf(tab: PageLike): Promise<string> {
  const instruction = await tab.evaluate<unknown>('typeof core !== "undefined" && core.getUtterance ? core.getUtterance() : ""').catch(() => '');
  // Some versions return { utterance, fields } instead of a string.
  const text = typeof instruction === 'object' && instruction !== null ? (instruction as { utterance?: unknown }).utterance : instruction;
  return String(text ?? '');
}

/** What the task page showed when the active tab was another one: for the explanation only, never the score. */
async function taskTabNote(page: WithTabs): Promise<string> {
  const open = findTaskTab([page, ...(page.context?.().pages() ?? [])]);
  const rule = 'BrowserGym scores only the active tab on the task URL';
  if (!open) return `the task's tab is closed; ${rule}`;
  if (open.tab === page) return rule;
  const state = await readMiniWobState(open.tab).catch(() => null);
  const seen = !state ? 'could not be read' : state.done ? `had ended the episode with raw reward ${state.rawReward}` : 'had not ended the episode';
  return `the task page, still open in another tab, ${seen}, which does not count: ${rule}`;
}

function withNote(result: EvaluationResult, note: string): EvaluationResult {
  if (note) result.checks[0].note = result.checks[0].note ? `${result.checks[0].note}; ${note}` : note;
  return result;
}
