// The per-purpose output ceiling (answer room + thinking budget, capped at Gemini's maximum) and what a
// finish reason says about a reply.
import { describe, expect, it } from 'vitest';
import { earlyEndProblem, isCompleteFinish } from '../../../main/llm/finish-reason';
import { outputTokenLimit } from '../../../main/llm/output-limits';

describe('outputTokenLimit', () => {
  it('adds the thinking budget to the answer room of the purpose', () => {
    expect(outputTokenLimit({ purpose: 'policy', thinkingBudget: 256 })).toBe(4096 + 256);
    expect(outputTokenLimit({ purpose: 'autorater', thinkingBudget: 8192 })).toBe(1024 + 8192);
    expect(outputTokenLimit({ purpose: 'subgoals', thinkingBudget: 'off' })).toBe(2048);
    expect(outputTokenLimit({ purpose: 'subgoals', thinkingBudget: 0 })).toBe(2048);
  });

  it('a dynamic or unset budget gets the largest budget Gemini 2.5 Pro accepts (32768)', () => {
    expect(outputTokenLimit({ purpose: 'policy', thinkingBudget: 'dynamic' })).toBe(4096 + 32_768);
    expect(outputTokenLimit({ purpose: 'policy', thinkingBudget: -1 })).toBe(36_864);
    expect(outputTokenLimit({ purpose: 'autorater', thinkingBudget: undefined })).toBe(33_792);
  });

  it('never passes 65536, and a purpose without an entry gets no ceiling; overrides replace the room', () => {
    expect(outputTokenLimit({ purpose: 'policy', thinkingBudget: 64_000 })).toBe(65_536);
    expect(outputTokenLimit({ purpose: 'something-new', thinkingBudget: 256 })).toBeUndefined();
    expect(outputTokenLimit({ purpose: 'policy', thinkingBudget: 'off' }, { policy: 1000 })).toBe(1000);
  });
});

describe('finish reasons', () => {
  it('STOP and stop are complete; an absent reason is usable but not known complete', () => {
    expect(isCompleteFinish('STOP')).toBe(true);
    expect(isCompleteFinish('stop')).toBe(true);
    expect(isCompleteFinish(undefined)).toBe(false);
    expect(earlyEndProblem(undefined)).toBeNull();
    expect(earlyEndProblem('STOP')).toBeNull();
  });

  it('truncation, safety blocks and blocked prompts each say what happened', () => {
    expect(earlyEndProblem('MAX_TOKENS', 4352)).toBe('the reply was cut off at the output limit of 4352 tokens (finish reason MAX_TOKENS)');
    expect(earlyEndProblem('length')).toBe('the reply was cut off at the output limit (finish reason length)');
    expect(earlyEndProblem('SAFETY')).toBe('the provider stopped the reply early (finish reason SAFETY)');
    expect(earlyEndProblem('RECITATION')).toBe('the provider stopped the reply early (finish reason RECITATION)');
    expect(earlyEndProblem('PROMPT_BLOCKED:OTHER')).toBe('the provider blocked the prompt (PROMPT_BLOCKED:OTHER)');
  });
});
