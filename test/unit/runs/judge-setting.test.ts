import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type WorkbenchSettings } from '../../../main/api/settings';
import { mergeSettings, parseSettingsPatch, parseStoredSettings } from '../../../main/api/settings-schema';
import { judgeSelection, keptJudge } from '../../../main/runs/evaluation-judge';

// The fuzzy_match judge is a setting (docs/design/WEBARENA.md §2.2): the run's LLM by default, or a fixed
// provider and model as the originals fix gpt-4-1106-preview. Before, the judge was always the run's LLM.
const withJudge = (judge: Pick<WorkbenchSettings['judge'], 'provider'> & Partial<WorkbenchSettings['judge']>): WorkbenchSettings => ({ ...DEFAULT_SETTINGS, provider: 'gemini', judge: { model: null, baseUrl: null, ...judge } });

describe('the judge setting', () => {
  it('defaults to the run\'s LLM, also for a settings.json written before it existed', () => {
    expect(DEFAULT_SETTINGS.judge).toEqual({ provider: 'run', model: null, baseUrl: null });
    expect(mergeSettings(DEFAULT_SETTINGS, parseStoredSettings({ provider: 'gemini' }, 'settings.json')).judge).toEqual({ provider: 'run', model: null, baseUrl: null });
  });

  it('is replaced whole by a patch; a provider alone leaves the model to that provider\'s setting', () => {
    expect(parseSettingsPatch({ judge: { provider: 'gemini' } })).toEqual({ judge: { provider: 'gemini', model: null, baseUrl: null } });
    const saved = mergeSettings(withJudge({ provider: 'gemini', model: 'gemini-2.5-pro' }), parseSettingsPatch({ judge: { provider: 'openai-compatible', model: 'gpt-4-1106-preview' } }));
    expect(saved.judge).toEqual({ provider: 'openai-compatible', model: 'gpt-4-1106-preview', baseUrl: null });
  });

  it('refuses an unknown provider, and a model for the run\'s LLM, naming the field', () => {
    expect(() => parseSettingsPatch({ judge: { provider: 'gpt4', model: null } })).toThrow('updateSettings: judge.provider: must be gemini, openai-compatible, run');
    expect(() => parseSettingsPatch({ judge: { provider: 'run', model: 'x' } })).toThrow("judge.model: must be null when the judge is the run's LLM");
    expect(() => parseSettingsPatch({ judge: { provider: 'gemini', model: '' } })).toThrow('judge.model: must name a model (or be null)');
    expect(() => parseSettingsPatch({ judge: { provider: 'gemini', model: null, key: 'sk-x' } })).toThrow('judge: unknown field key');
  });

  it('takes a base URL of the judge\'s own, checked as a provider\'s is, for a fixed provider only', () => {
    expect(parseSettingsPatch({ judge: { provider: 'openai-compatible', model: 'gpt-4-1106-preview', baseUrl: 'https://api.openai.com/v1' } }).judge)
      .toEqual({ provider: 'openai-compatible', model: 'gpt-4-1106-preview', baseUrl: 'https://api.openai.com/v1' });
    expect(() => parseSettingsPatch({ judge: { provider: 'openai-compatible', baseUrl: 'api.openai.com' } })).toThrow('judge.baseUrl: must be an http:// or https:// URL');
    expect(() => parseSettingsPatch({ judge: { provider: 'run', baseUrl: 'https://api.openai.com/v1' } })).toThrow("judge.baseUrl: must be null when the judge is the run's LLM");
    expect(() => parseSettingsPatch({ judge: { provider: 'gemini', baseUrl: 'https://me:pw@judge.example' } })).toThrow('judge.baseUrl: must not carry a user name or password');
    // A key in the query (or fragment) would be recorded with every run and printed with the URL.
    expect(() => parseSettingsPatch({ judge: { provider: 'openai-compatible', baseUrl: 'https://judge.example/v1?api_key=sk-SECRET' } }))
      .toThrow('judge.baseUrl: must not have a query (?…) or fragment (#…)');
    expect(() => parseSettingsPatch({ judge: { provider: 'gemini', baseUrl: 'https://judge.example/v1#sk-SECRET' } })).toThrow('judge.baseUrl: must not have a query');
    // Replaced whole: a new provider does not inherit the previous judge's server.
    const saved = mergeSettings(withJudge({ provider: 'openai-compatible', baseUrl: 'https://api.openai.com/v1' }), parseSettingsPatch({ judge: { provider: 'gemini' } }));
    expect(saved.judge).toEqual({ provider: 'gemini', model: null, baseUrl: null });
  });
});

describe('judgeSelection', () => {
  const runLlm = { provider: 'openai-compatible' as const, model: 'qwen-7b' };

  it('is the run\'s LLM when Settings say so, or when there are no settings', () => {
    expect(judgeSelection({ llm: runLlm }, withJudge({ provider: 'run', model: null }))).toEqual({ selection: runLlm, origin: "the run's LLM" });
    expect(judgeSelection({}, undefined)).toEqual({ selection: {}, origin: "the run's LLM" });
  });

  it('is Settings\' judge whatever the run\'s LLM, its model left to the provider\'s setting when unnamed', () => {
    expect(judgeSelection({ llm: runLlm }, withJudge({ provider: 'gemini', model: 'gemini-judge' }))).toEqual({
      selection: { provider: 'gemini', model: 'gemini-judge' }, origin: 'the judge LLM set in Settings',
    });
    expect(judgeSelection({ llm: runLlm }, withJudge({ provider: 'gemini', model: null })).selection).toEqual({ provider: 'gemini' });
    expect(judgeSelection({ llm: runLlm }, withJudge({ provider: 'openai-compatible', model: 'gpt-4-1106-preview', baseUrl: 'https://api.openai.com/v1' })).selection)
      .toEqual({ provider: 'openai-compatible', model: 'gpt-4-1106-preview', baseUrl: 'https://api.openai.com/v1' });
  });

  it('keeps a judge the run recorded, over whatever Settings say now', () => {
    const recorded = { provider: 'gemini' as const, model: 'gemini-2.5-pro', thinkingBudget: 0 };
    expect(judgeSelection({ llm: runLlm, judge: recorded }, withJudge({ provider: 'openai-compatible', model: 'other' }))).toEqual({
      selection: recorded, origin: "the run's recorded judge",
    });
  });
});

describe('the run LLM\'s base URL', () => {
  it('refuses a query or fragment as the judge\'s does: the clients append their paths to it', () => {
    expect(() => parseSettingsPatch({ openaiCompatible: { baseUrl: 'http://127.0.0.1:8000/v1?key=sk-x' } })).toThrow('openaiCompatible.baseUrl: must not have a query');
    expect(() => parseSettingsPatch({ gemini: { baseUrl: 'https://gemini.example/#k' } })).toThrow('gemini.baseUrl: must not have a query');
    expect(parseSettingsPatch({ openaiCompatible: { baseUrl: 'http://127.0.0.1:8000/v1' } }).openaiCompatible).toEqual({ baseUrl: 'http://127.0.0.1:8000/v1' });
  });
});

describe('keptJudge', () => {
  const runLlm = { provider: 'openai-compatible' as const, model: 'qwen-7b' };
  const recorded = { provider: 'gemini' as const, model: 'gemini-2.5-pro' };

  it('is the judge a run recorded, else (a run started before judges were recorded) the run\'s own LLM', () => {
    expect(keptJudge({ llm: runLlm, judge: recorded })).toEqual(recorded);
    expect(keptJudge({ llm: runLlm })).toEqual(runLlm);
    // Such a run without an LLM of its own (an oracle) was judged by Settings' provider: its selection is empty.
    expect(keptJudge({})).toEqual({});
    // Taken as the recorded judge, Settings' judge of today does not replace it.
    expect(judgeSelection({ llm: runLlm, judge: keptJudge({ llm: runLlm }) }, withJudge({ provider: 'gemini', model: 'judge-b' })).selection).toEqual(runLlm);
  });
});
