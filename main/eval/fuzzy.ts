// The LLM judgements the evaluators need (docs/design/WEBARENA.md §2.2: fuzzy_match and the N/A rule), behind an
// injectable interface (main/llm/fuzzy-judge.ts asks an LLM; runs give every episode the run's LLM). Without a
// judge such checks fail with a note saying one is required, never pass silently.
import type { EvaluationCheck } from '../api/types';
import type { ProfileName } from './profiles';
import { UnscorableConfigError } from './unscorable';

/** A judge that cannot be asked (no LLM configured for the run): the episode is recorded as not scored, with
 * this reason, rather than failed by a check nobody could judge. */
export class JudgeUnavailableError extends UnscorableConfigError {
  override name = 'JudgeUnavailableError';
}

/** The judge's LLM call failed (provider down, refused key, rate limit): the episode's score is unknown, and the
 * episode loop records an outage as an infrastructure failure (its `cause` is the LLM's error). */
export class JudgeCallError extends Error {
  override name = 'JudgeCallError';
}

export type FuzzyVerdict = 'correct' | 'partially correct' | 'incorrect';

export interface FuzzyPrompt {
  /** The task intent. */
  question: string;
  /** The reference answer (fuzzy_match) or the true reason the task is impossible (N/A rule). */
  reference: string;
  /** The agent's answer, or the text read from the page. */
  answer: string;
  /** 'fuzzy_match': is the answer semantically the reference (original llm_fuzzy_match)?
   * 'unachievable': does the reported reason refer to the reference reason (original llm_ua_match; answer
   * 'correct' for "same", 'incorrect' for "different")? Absent means 'fuzzy_match'. */
  mode?: 'fuzzy_match' | 'unachievable';
  /** The scoring profile asking: the two originals word the fuzzy_match prompt differently
   * (main/llm/fuzzy-judge.ts). Absent means 'webarena'. */
  profile?: ProfileName;
}

export interface FuzzyJudge {
  judge(prompt: FuzzyPrompt): Promise<FuzzyVerdict>;
}

export const JUDGE_REQUIRED_NOTE = 'an LLM judge is required for this check and none is configured; scored 0';

/** Asks the judge and turns the verdict into a check: only "correct" scores 1 (the original treats a reply
 * containing "partially correct" or "incorrect" as 0). No judge fails the check; a judge that is unavailable or
 * whose call failed stops scoring (both errors above); a reply without a verdict fails the check. */
export async function judgedCheck(
  base: Pick<EvaluationCheck, 'kind' | 'rule' | 'expected' | 'actual'>,
  prompt: FuzzyPrompt,
  judge: FuzzyJudge | undefined,
  extraNote?: string,
): Promise<EvaluationCheck> {
  const notes = extraNote ? [extraNote] : [];
  if (!judge) return { ...base, passed: false, score: 0, note: [...notes, JUDGE_REQUIRED_NOTE].join('; ') };
  try {
    const verdict = await judge.judge(prompt);
    const passed = verdict === 'correct';
    return { ...base, passed, score: passed ? 1 : 0, note: [...notes, `judge said "${verdict}"`].join('; ') };
  } catch (err) {
    if (err instanceof JudgeUnavailableError || err instanceof JudgeCallError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    return { ...base, passed: false, score: 0, note: [...notes, `the LLM judge failed: ${message}; scored 0`].join('; ') };
  }
}
