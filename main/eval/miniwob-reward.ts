// MiniWoB++ scoring (WEBARENA.md "MiniWoB++"): the page's raw reward in [−1, 1], read once the episode is
// over. Success is raw reward > 0 (BrowserGym's rule) or = 1 (the miniwob Python package's): a setting,
// recorded with every score as the profile and in the check, since success rates differ between them.
import type { EvaluationResult } from '../api/types';
import { readMiniWobState, type MiniWobState } from '../tasks/miniwob/page-protocol';
import type { PageLike } from './page-like';

export type MiniWobSuccessRule = 'browsergym' | 'miniwob';
export const MINIWOB_SUCCESS_RULES: readonly MiniWobSuccessRule[] = ['browsergym', 'miniwob'];

const RULE_TEXT: Record<MiniWobSuccessRule, string> = {
  browsergym: 'raw reward > 0 (BrowserGym)',
  miniwob: 'raw reward = 1 (miniwob package)',
};

export function isMiniWobSuccessRule(value: unknown): value is MiniWobSuccessRule {
  return typeof value === 'string' && (MINIWOB_SUCCESS_RULES as readonly string[]).includes(value);
}

/** The score is the raw reward itself (−1 for a wrong answer, 0 when the episode never finished). */
export function scoreMiniWob(state: MiniWobState, rule: MiniWobSuccessRule, instruction?: string): EvaluationResult {
  const success = state.done && (rule === 'browsergym' ? state.rawReward > 0 : state.rawReward === 1);
  const notes = [
    state.done ? `the page ended the episode${state.reason ? ` (${state.reason})` : ''}` : 'the episode was not finished on the page (WOB_DONE_GLOBAL false)',
    instruction ? `instruction: "${instruction}"` : '',
  ].filter(Boolean);
  return {
    profile: `miniwob/${rule}`,
    score: state.rawReward,
    success,
    checks: [{
      kind: 'miniwob_reward',
      rule: RULE_TEXT[rule],
      expected: rule === 'browsergym' ? '> 0' : '1',
      actual: String(state.rawReward),
      passed: success,
      score: state.rawReward,
      note: notes.join('; '),
    }],
  };
}

/** Reads WOB_DONE_GLOBAL / WOB_RAW_REWARD_GLOBAL (and the instruction, for the explanation) from the page. */
export async function evaluateMiniWob(page: PageLike, rule: MiniWobSuccessRule): Promise<EvaluationResult> {
  const state = await readMiniWobState(page);
  const instruction = await page.evaluate<unknown>('typeof core !== "undefined" && core.getUtterance ? core.getUtterance() : ""').catch(() => '');
  const text = typeof instruction === 'object' && instruction !== null ? (instruction as { utterance?: unknown }).utterance : instruction;
  return scoreMiniWob(state, rule, String(text ?? ''));
}
