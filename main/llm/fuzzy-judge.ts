// A FuzzyJudge backed by an LLM, asking what the originals ask and reading the reply as they read it
// (docs/design/WEBARENA.md §2.2): web-arena-x/webarena evaluation_harness/helper_functions.py llm_fuzzy_match /
// llm_ua_match, and VisualAgentBench's copy, which words the fuzzy_match closing line differently. The
// originals call gpt-4-1106-preview at temperature 0; here the model is the judge setting's (Settings' judge, else
// the run's LLM; runs/evaluation-judge.ts), so verdicts are only as comparable as the judge model is.
import type { LlmRequest, LlmResponse } from './types';
import { JudgeCallError, type FuzzyJudge, type FuzzyPrompt, type FuzzyVerdict } from '../eval/fuzzy';

export const JUDGE_SYSTEM = 'You are a helpful assistant';

const FUZZY_CLOSING = {
  webarena: 'Conclude the judgement by correct/incorrect/partially correct.',
  'vab-lite': "Conclude the judgement by 'correct', 'incorrect', or 'partially correct'. Only output one of these options, and nothing else.",
} as const;

/** The user message the original sends, line for line. */
export function judgeMessage(p: FuzzyPrompt): string {
  if (p.mode === 'unachievable') {
    return `task: ${p.question}\n` +
      `actual unachievable reason: ${p.reference}\n` +
      `reported unachievable reason: ${p.answer}\n` +
      "The task described above is inherently unachievable due to the reason specified under 'actual unachievable reason'. " +
      'An individual previously attempted this task and was unable to complete it. They provided a reason for their failure, ' +
      "which is listed under 'reported unachievable reason'. Your role is to review both the actual and reported reasons. " +
      'Determine if the reported reason aligns with the actual reason, even if implicitly. ' +
      "If the stated reason is in line with the actual reason, respond with 'same'. Otherwise, respond with 'different'.";
  }
  return 'Help a teacher to grade the answer of a student given a question. Keep in mind that the student may use different phrasing or wording to answer the question. The goal is to evaluate whether the answer is semantically equivalent to the reference answer.\n' +
    `question: ${p.question}\n` +
    `reference answer: ${p.reference}\n` +
    "all the string 'N/A' that you see is a special sequence that means 'not achievable'\n" +
    `student answer: ${p.answer}\n` +
    FUZZY_CLOSING[p.profile ?? 'webarena'];
}

/** The original's reading of the reply, lower-cased: fuzzy_match — "partially correct" or "incorrect"
 * anywhere scores 0, else "correct" scores 1; unachievable — "different" scores 0, else "same" scores 1. A
 * reply with neither is an error (the original's assert), which fails the check with the reply quoted. */
export function verdictFromReply(reply: string, mode: FuzzyPrompt['mode']): FuzzyVerdict {
  // A thinking model on an OpenAI-compatible server may put its reasoning in <think>…</think> before the
  // verdict; words there ("is it incorrect?") are not the verdict.
  const text = reply.replace(/<think>[\s\S]*?<\/think>/gi, '').toLowerCase();
  if (mode === 'unachievable') {
    if (text.includes('different')) return 'incorrect';
    if (text.includes('same')) return 'correct';
  } else {
    if (text.includes('partially correct')) return 'partially correct';
    if (text.includes('incorrect')) return 'incorrect';
    if (text.includes('correct')) return 'correct';
  }
  const expected = mode === 'unachievable' ? '"same" or "different"' : '"correct", "incorrect" or "partially correct"';
  throw new Error(`the judge's reply has none of ${expected}: ${JSON.stringify(reply.slice(0, 200))}`);
}

export interface JudgeLlm {
  generate(req: LlmRequest): Promise<LlmResponse>;
}

/** A judge over any LLM client (main/llm): one call per judgement, at temperature 0 like the originals. No
 * output cap is set, so a thinking model is not cut off before it answers (the originals allow 768 tokens of
 * a model that does not think). A failed call is a JudgeCallError whose cause is the client's error, so an
 * outage is told from the agent's doing (agent/infra-failure.ts looks through causes). */
export function llmFuzzyJudge(llm: JudgeLlm, model: string): FuzzyJudge {
  return {
    async judge(prompt) {
      let response: LlmResponse;
      try {
        response = await llm.generate({
          model,
          system: JUDGE_SYSTEM,
          messages: [{ role: 'user', parts: [{ text: judgeMessage(prompt) }] }],
          temperature: 0,
          purpose: 'fuzzy_match',
        });
      } catch (err) {
        throw new JudgeCallError(`the LLM judge's call failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
      return verdictFromReply(response.text, prompt.mode);
    },
  };
}
