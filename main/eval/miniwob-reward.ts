// MiniWoB++ scoring (docs/design/WEBARENA.md §5): the page's raw reward in [−1, 1], read once the episode is
// over. Success is raw reward > 0 (BrowserGym's rule) or = 1 (the miniwob Python package's): a setting,
// recorded with every score as the profile and in the check, since success rates differ between them.
import type { EvaluationResult } from '../api/types';
import { MINIWOB_SUCCESS_RULES, type MiniWobSuccessRule } from '../api/run-options';
import { readMiniWobState, type MiniWobState } from '../tasks/miniwob/page-protocol';
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

/** Reads WOB_DONE_GLOBAL / WOB_RAW_REWARD_GLOBAL (and the instruction, for the explanation) from the task page:
 * the active tab, else another tab that still shows it (the agent opened a new one). When no tab does (the
 * agent navigated away), the episode is scored as unfinished, with the reason — never left unscored. */
export async function evaluateMiniWob(page: WithTabs, rule: MiniWobSuccessRule): Promise<EvaluationResult> {
  const tabs = [page, ...(page.context?.().pages() ?? []).filter((p) => p !== page)];
  for (const tab of tabs) {
    const state = await readMiniWobState(tab).catch(() => null);
    if (!state) continue;
    const instruction = await tab.evaluate<unknown>('typeof core !== "undefined" && core.getUtterance ? core.getUtterance() : ""').catch(() => '');
    const text = typeof instruction === 'object' && instruction !== null ? (instruction as { utterance?: unknown }).utterance : instruction;
    const where = tab === page ? undefined : `read from another tab (${tab.url()}); the active tab shows ${page.url()}`;
    const result = scoreMiniWob(state, rule, String(text ?? ''), state.done ? undefined : where);
    if (where && state.done) result.checks[0].note += `; ${where}`;
    return result;
  }
  return scoreMiniWob({ done: false, rawReward: 0, reason: null }, rule, undefined,
    `no open tab shows the task page any more (the active tab is ${page.url()}): the agent left it before the task ended`);
}
