// A ceiling on how many tokens one reply may generate, per purpose, so a model that runs on (repeats itself,
// never closes its JSON) ends at a known size instead of the model's maximum. Gemini counts thinking tokens
// against maxOutputTokens (a 2.5 model with a small limit thinks it away and answers nothing, finish reason
// MAX_TOKENS), so the ceiling is the answer's room plus the thinking budget.
import type { LlmPurpose, LlmRequest, ThinkingBudget } from './types';

/** Room for the visible answer, by purpose: a policy writes its reasoning and one action; a verdict or a
 * subgoal list is a short JSON object. */
export const ANSWER_TOKENS: Readonly<Record<string, number>> = {
  policy: 4096,
  subgoals: 2048,
  autorater: 1024,
  'autorater-try': 1024,
  analyzer: 2048,
  fuzzy_match: 512,
};

/** What a dynamic (or unset) thinking budget may use: the largest budget Gemini 2.5 Pro accepts. */
export const DYNAMIC_THINKING_TOKENS = 32_768;

/** Gemini 2.5's most output tokens per reply. */
export const MAX_OUTPUT_TOKENS = 65_536;

function thinkingRoom(budget: ThinkingBudget | undefined): number {
  if (budget === 'off' || budget === 0) return 0;
  if (budget === undefined || budget === 'dynamic' || budget === -1) return DYNAMIC_THINKING_TOKENS;
  return budget;
}

/** The maxOutputTokens for a request that sets none; undefined for a purpose with no ceiling here. */
export function outputTokenLimit(req: Pick<LlmRequest, 'purpose' | 'thinkingBudget'>, answerTokens: Readonly<Record<string, number>> = ANSWER_TOKENS): number | undefined {
  const answer = answerTokens[req.purpose as LlmPurpose];
  if (answer === undefined) return undefined;
  return Math.min(MAX_OUTPUT_TOKENS, answer + thinkingRoom(req.thinkingBudget));
}
