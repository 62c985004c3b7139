import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateEpisode } from '../../../main/eval/evaluate';
import { JudgeCallError, JudgeUnavailableError } from '../../../main/eval/fuzzy';
import { UnscorableConfigError } from '../../../main/eval/unscorable';
import { JUDGE_SYSTEM, judgeMessage, llmFuzzyJudge, verdictFromReply } from '../../../main/llm/fuzzy-judge';
import type { LlmRequest, LlmResponse } from '../../../main/llm/types';
import { ctx, task } from '../eval/helpers';

const LITE = join(import.meta.dirname, '../../fixtures/webarena-lite/test_webarena_lite.raw.json');
const liteTasks = JSON.parse(readFileSync(LITE, 'utf8')) as Record<string, any>[];

// The expected texts were printed by the originals' own message-building code (llm_fuzzy_match / llm_ua_match
// of web-arena-x/webarena and of VisualAgentBench, run in Python outside the repo) for these inputs.
const inputs = { question: 'Where is CMU?', reference: 'Pittsburgh', answer: 'n/a, the store does not sell it' };
const FUZZY_HEAD = 'Help a teacher to grade the answer of a student given a question. Keep in mind that the student may use different phrasing or wording to answer the question. The goal is to evaluate whether the answer is semantically equivalent to the reference answer.\n' +
  'question: Where is CMU?\nreference answer: Pittsburgh\n' +
  "all the string 'N/A' that you see is a special sequence that means 'not achievable'\n" +
  'student answer: n/a, the store does not sell it\n';

describe('the LLM judge asks what the originals ask (docs/design/WEBARENA.md §2.2)', () => {
  it('fuzzy_match: webarena and VisualAgentBench differ only in the closing line', () => {
    expect(judgeMessage(inputs)).toBe(`${FUZZY_HEAD}Conclude the judgement by correct/incorrect/partially correct.`);
    expect(judgeMessage({ ...inputs, profile: 'vab-lite' })).toBe(
      `${FUZZY_HEAD}Conclude the judgement by 'correct', 'incorrect', or 'partially correct'. Only output one of these options, and nothing else.`);
  });
  it('the N/A reason check is the same in both', () => {
    const message = judgeMessage({ ...inputs, mode: 'unachievable' });
    expect(message.startsWith('task: Where is CMU?\nactual unachievable reason: Pittsburgh\nreported unachievable reason: n/a, the store does not sell it\nThe task described above is inherently unachievable')).toBe(true);
    expect(message.endsWith("If the stated reason is in line with the actual reason, respond with 'same'. Otherwise, respond with 'different'.")).toBe(true);
    expect(judgeMessage({ ...inputs, mode: 'unachievable', profile: 'vab-lite' })).toBe(message);
  });
  it('reads replies as the originals do: any "incorrect" or "partially correct" is 0, "different" beats "same"', () => {
    expect(verdictFromReply('Correct.', 'fuzzy_match')).toBe('correct');
    expect(verdictFromReply('The answer is not correct; it is incorrect.', 'fuzzy_match')).toBe('incorrect');
    expect(verdictFromReply('Partially Correct', 'fuzzy_match')).toBe('partially correct');
    expect(verdictFromReply('Same. Not different at all.', 'unachievable')).toBe('incorrect');
    expect(verdictFromReply('same', 'unachievable')).toBe('correct');
    expect(() => verdictFromReply('I cannot tell', 'fuzzy_match')).toThrow(/none of "correct"/);
    expect(() => verdictFromReply('yes', 'unachievable')).toThrow(/none of "same" or "different"/);
  });
});

describe('verdictFromReply and a thinking model', () => {
  it('reads the verdict after a <think> block, not the words inside it', () => {
    expect(verdictFromReply("<think>Is 'Blue' incorrect? No, blue is the sky's colour.</think>\ncorrect", 'fuzzy_match')).toBe('correct');
    expect(verdictFromReply('<THINK>maybe the same</THINK>different', 'unachievable')).toBe('incorrect');
  });
});

describe('llmFuzzyJudge over an LLM client', () => {
  const fakeLlm = (reply: (req: LlmRequest) => string) => {
    const requests: LlmRequest[] = [];
    return {
      requests,
      async generate(req: LlmRequest): Promise<LlmResponse> {
        requests.push(req);
        return { text: reply(req), usage: { inputTokens: 0, outputTokens: 0, thinkingTokens: 0 }, latencyMs: 0, attempts: 1,
          cached: false, model: req.model, provider: 'fake' };
      },
    };
  };

  it('scores a Lite fuzzy_match task with one call in the vab-lite wording (references joined)', async () => {
    const t = liteTasks.find((x) => Array.isArray(x.eval.reference_answers?.fuzzy_match) && x.eval.reference_answers.fuzzy_match.length > 1)!;
    const llm = fakeLlm(() => 'correct');
    const r = await evaluateEpisode(t, ctx('vab-lite', { answer: 'Some Answer', llm: llmFuzzyJudge(llm, 'judge-model') }));
    expect(r.success).toBe(true);
    expect(llm.requests).toHaveLength(1);
    const [req] = llm.requests;
    expect(req).toMatchObject({ model: 'judge-model', system: JUDGE_SYSTEM, temperature: 0, purpose: 'fuzzy_match' });
    const text = (req.messages[0].parts[0] as { text: string }).text;
    expect(text).toContain(`reference answer: ${t.eval.reference_answers.fuzzy_match.join(', ')}\n`);
    expect(text).toContain('student answer: some answer\n'); // the cleaned (lower-cased) answer, as the original passes it
    expect(text).toMatch(/Only output one of these options, and nothing else\.$/);
  });

  it('an unreadable reply fails the check with the reply quoted, never passes', async () => {
    const t = task({ eval_types: ['string_match'], reference_answers: { fuzzy_match: ['blue'] } });
    const r = await evaluateEpisode(t, ctx('webarena', { answer: 'blue', llm: llmFuzzyJudge(fakeLlm(() => 'maybe'), 'm') }));
    expect(r.success).toBe(false);
    expect(r.checks[0].note).toMatch(/the LLM judge failed: the judge's reply has none of .*"maybe"/);
  });

  // A judge whose call fails says nothing about the agent: scoring stops with the LLM's error as the cause, so the
  // episode loop can record an outage as an infrastructure failure (runs/evaluation-judge.ts, agent/episode-endings.ts).
  it('a failed judge call stops scoring with a JudgeCallError carrying the client error, never a 0', async () => {
    const t = task({ eval_types: ['string_match'], reference_answers: { fuzzy_match: ['blue'] } });
    const down = new Error('503 The model is overloaded.');
    const judge = llmFuzzyJudge({ generate: () => Promise.reject(down) }, 'm');
    const failure = await evaluateEpisode(t, ctx('webarena', { answer: 'blue', llm: judge })).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(JudgeCallError);
    expect((failure as Error).message).toBe("the LLM judge's call failed: 503 The model is overloaded.");
    expect((failure as Error).cause).toBe(down);
  });

  it('a judge that cannot be asked leaves the episode unscored with the reason (an UnscorableConfigError)', async () => {
    const t = task({ eval_types: ['string_match'], reference_answers: { fuzzy_match: ['blue'] } });
    const judge = { judge: () => Promise.reject(new JudgeUnavailableError('no LLM is configured')) };
    const failure = await evaluateEpisode(t, ctx('webarena', { answer: 'blue', llm: judge })).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(UnscorableConfigError);
    expect((failure as Error).message).toBe('no LLM is configured');
  });

  it('the N/A rule asks the reason question with string_note', async () => {
    const t = task({ eval_types: ['string_match'], reference_answers: { fuzzy_match: 'N/A' }, string_note: 'The product is not sold' });
    const llm = fakeLlm((req) => ((req.messages[0].parts[0] as { text: string }).text.includes('unachievable') ? 'same' : 'correct'));
    const r = await evaluateEpisode(t, ctx('webarena', { answer: 'It is not sold here', llm: llmFuzzyJudge(llm, 'm') }));
    expect(r.success).toBe(true);
    expect((llm.requests[0].messages[0].parts[0] as { text: string }).text).toContain('actual unachievable reason: The product is not sold\n');
  });
});
