import { describe, expect, it } from 'vitest';
import { runHeaderLines } from '../../../main/cli/run-header';
import type { RunRecord } from '../../../main/api/types';
import { judgeMismatch, judgeOf, judgeText } from '../../../renderer/src/features/report/run-judge';

// A run records the LLM that judged its fuzzy_match checks (docs/design/WEBARENA.md §2.2); the report and
// `analyze` name it, and Compare flags runs judged by different models as not comparable on judged tasks.
const run = (judge?: unknown): RunRecord => ({
  id: 'r1', kind: 'eval', status: 'finished', createdAt: '2026-12-05T10:00:00.000Z',
  config: { policy: 'oracle', taskIds: ['webarena/7'], seed: 0, ...(judge === undefined ? {} : { judge }) },
});
const gemini = { provider: 'gemini', model: 'gemini-2.5-pro', thinkingBudget: 0 };
const gpt4 = { provider: 'openai-compatible', model: 'gpt-4-1106-preview' };

describe('the recorded judge', () => {
  it('is read from the run config, and absent for runs that recorded none', () => {
    expect(judgeOf(run(gemini))).toEqual(gemini);
    expect(judgeOf(run())).toBeNull();
    expect(judgeOf(run({ provider: 'gemini' }))).toBeNull();
    expect(judgeText(judgeOf(run(gpt4)))).toBe('openai-compatible · gpt-4-1106-preview');
  });

  it('flags two runs judged by different models, and only those', () => {
    expect(judgeMismatch(run(gemini), run(gpt4))).toBe(
      'The runs were judged by different LLMs (A: gemini · gemini-2.5-pro, B: openai-compatible · gpt-4-1106-preview): their outcomes on tasks scored by fuzzy_match are not comparable.',
    );
    expect(judgeMismatch(run(gemini), run({ ...gemini, thinkingBudget: 'dynamic' }))).toBeNull();
    expect(judgeMismatch(run(gemini), run())).toBeNull();
  });

  it('names the judge\'s own server, and flags one model name at two servers', () => {
    const at = (baseUrl: string) => run({ ...gpt4, baseUrl });
    expect(judgeText(judgeOf(at('https://judge.example/v1/')))).toBe('openai-compatible · gpt-4-1106-preview at https://judge.example/v1');
    // A run recorded before the settings refused a query shows none of it (it may hold a key).
    expect(judgeText(judgeOf(at('https://judge.example/v1?api_key=sk-SECRET')))).toBe('openai-compatible · gpt-4-1106-preview at https://judge.example/v1');
    expect(judgeMismatch(at('https://judge.example/v1'), at('http://127.0.0.1:8000/v1'))).toBe(
      'The runs were judged by different LLMs (A: openai-compatible · gpt-4-1106-preview at https://judge.example/v1, B: openai-compatible · gpt-4-1106-preview at http://127.0.0.1:8000/v1): their outcomes on tasks scored by fuzzy_match are not comparable.',
    );
    expect(judgeMismatch(at('https://judge.example/v1'), run(gpt4))).toMatch(/^The runs were judged by different LLMs/);
    expect(judgeMismatch(at('https://judge.example/v1/'), at('https://judge.example/v1'))).toBeNull();
  });

  it('is named in the head of `analyze`', () => {
    const lines = runHeaderLines(run(gemini), { familyOf: () => null, lastFinishedAt: null, model: null });
    expect(lines).toContain('  judge:       gemini gemini-2.5-pro (scores fuzzy_match checks)');
    expect(runHeaderLines(run(), { familyOf: () => null, lastFinishedAt: null, model: null }).some((l) => l.includes('judge:'))).toBe(false);
  });
});
