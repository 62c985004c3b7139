// What a provider's finish reason says about a reply: finished normally, or ended early (a safety block, a
// blocked prompt, the output token limit). An early end is not the model's answer, so it is neither parsed
// as one (a policy would count it as the agent's parse failure) nor cached.

/** The reasons that mean "the model finished its answer": Gemini's STOP, OpenAI's stop (and eos / end_turn,
 * which some OpenAI-compatible servers write). */
const COMPLETE = new Set(['STOP', 'stop', 'eos', 'end_turn']);

/** Truncation at the output limit: Gemini's MAX_TOKENS, OpenAI's length. */
const TRUNCATED = new Set(['MAX_TOKENS', 'length']);

export function isCompleteFinish(reason: string | undefined): boolean {
  return reason !== undefined && COMPLETE.has(reason);
}

/** null when the reply may be used; otherwise a sentence saying why it ended early. An absent reason (a
 * proxy or server that does not report one) is let through: nothing says the reply is incomplete. */
export function earlyEndProblem(reason: string | undefined, maxOutputTokens?: number): string | null {
  if (reason === undefined || COMPLETE.has(reason) || reason === 'FINISH_REASON_UNSPECIFIED') return null;
  if (TRUNCATED.has(reason)) {
    const limit = maxOutputTokens === undefined ? '' : ` of ${maxOutputTokens} tokens`;
    return `the reply was cut off at the output limit${limit} (finish reason ${reason})`;
  }
  if (reason.startsWith('PROMPT_BLOCKED')) return `the provider blocked the prompt (${reason})`;
  return `the provider stopped the reply early (finish reason ${reason})`;
}
