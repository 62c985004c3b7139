import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type SecretStatus, type WorkbenchSettings } from '../../../main/api/settings';
import { judgeGap, providerGap } from '../../../renderer/src/features/settings/provider-gap';

// The Settings page says what a chosen provider still lacks, the way an LLM run would refuse (the first-hour
// audit of 2026-12-05: choosing Gemini and saving said only "Settings saved.", and the next react run failed).
const status = (set: boolean): SecretStatus => ({ set, hint: set ? '…abcd' : null, storage: 'memory', endpoint: null, note: null });
const secrets = (gemini: boolean, judge = status(false)) => ({ gemini_api_key: status(gemini), openai_api_key: status(false), judge_api_key: judge });
const withProvider = (provider: WorkbenchSettings['provider'], openaiCompatible = DEFAULT_SETTINGS.openaiCompatible): WorkbenchSettings => ({ ...DEFAULT_SETTINGS, provider, openaiCompatible });

describe('providerGap', () => {
  it('says nothing without a provider (the sandbox oracle and baselines need none)', () => {
    expect(providerGap(withProvider('none'), secrets(false))).toBeNull();
  });

  it('names the missing Gemini key, and is quiet once one is set', () => {
    expect(providerGap(withProvider('gemini'), secrets(false))).toBe('Gemini has no API key yet: LLM runs are refused until one is saved below (or GEMINI_API_KEY is set before the workbench starts).');
    expect(providerGap(withProvider('gemini'), secrets(true))).toBeNull();
  });

  it('asks an OpenAI-compatible server for its base URL, then its model, and needs no key', () => {
    expect(providerGap(withProvider('openai-compatible'), secrets(false))).toMatch(/^The OpenAI-compatible provider has no base URL yet/);
    expect(providerGap(withProvider('openai-compatible', { baseUrl: 'http://127.0.0.1:8000/v1', model: null }), secrets(false))).toMatch(/^The OpenAI-compatible provider has no model name yet/);
    expect(providerGap(withProvider('openai-compatible', { baseUrl: 'http://127.0.0.1:8000/v1', model: 'qwen' }), secrets(false))).toBeNull();
  });
});

describe('judgeGap', () => {
  const withJudge = (judge: Pick<WorkbenchSettings['judge'], 'provider'> & Partial<WorkbenchSettings['judge']>, openaiCompatible = DEFAULT_SETTINGS.openaiCompatible): WorkbenchSettings => ({ ...DEFAULT_SETTINGS, openaiCompatible, judge: { model: null, baseUrl: null, ...judge } });

  it('says nothing when the judge is the run\'s LLM (the provider above is checked instead)', () => {
    expect(judgeGap(withJudge({ provider: 'run', model: null }), secrets(false))).toBeNull();
  });

  it('checks the judge\'s own provider, with its model, whatever the run\'s provider is', () => {
    expect(judgeGap(withJudge({ provider: 'gemini', model: 'gemini-2.5-pro' }), secrets(false))).toMatch(/^The judge cannot be used yet, so runs of fuzzy_match tasks are refused\. Gemini has no API key yet/);
    expect(judgeGap(withJudge({ provider: 'gemini', model: null }), secrets(true))).toBeNull();
    const server = { baseUrl: 'http://127.0.0.1:8000/v1', model: null };
    expect(judgeGap(withJudge({ provider: 'openai-compatible', model: null }, server), secrets(false))).toMatch(/has no model name yet/);
    expect(judgeGap(withJudge({ provider: 'openai-compatible', model: 'gpt-4-1106-preview' }, server), secrets(false))).toBeNull();
  });

  it('checks a judge with a server of its own against the judge key, not the provider\'s', () => {
    const remote = { baseUrl: 'https://judge.example/v1' };
    expect(judgeGap(withJudge({ provider: 'gemini', ...remote }), secrets(true))).toMatch(/The judge's server has no API key yet: save the judge's API key below/);
    expect(judgeGap(withJudge({ provider: 'gemini', ...remote }), secrets(false, status(true)))).toBeNull();
    // An OpenAI-compatible judge may need no key (a local server), but does need a model.
    expect(judgeGap(withJudge({ provider: 'openai-compatible', ...remote }), secrets(false))).toMatch(/The OpenAI-compatible judge has no model name yet/);
    expect(judgeGap(withJudge({ provider: 'openai-compatible', model: 'gpt-4-1106-preview', ...remote }), secrets(false))).toBeNull();
    const cleared = { ...status(false), note: 'cleared because the endpoint changed; enter the key again' };
    expect(judgeGap(withJudge({ provider: 'openai-compatible', model: 'gpt-4-1106-preview', ...remote }), secrets(false, cleared))).toMatch(/The judge's API key: cleared because the endpoint changed/);
  });
});
