import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../main/cli/args';
import { checkCommandLine, switchesOf } from '../../../main/cli/flag-check';
import { llmSettingsOverrides } from '../../../main/cli/llm-settings';
import { judgeOptions } from '../../../main/cli/run-options';

// `run --judge-provider/--judge-model` choose the fuzzy_match judge of one run (docs/design/WEBARENA.md §2.2),
// laid over Settings' judge for this process and checked by the settings schema, naming the flag.
const args = (argv: string[]) => parseArgs(argv, switchesOf(argv[0]));

describe('run --judge-provider / --judge-model', () => {
  it('sets the judge for this process, leaving other settings alone', () => {
    expect(llmSettingsOverrides(args(['run', '--judge-provider', 'openai-compatible', '--judge-model', 'gpt-4-1106-preview']), {})).toEqual({
      judge: { provider: 'openai-compatible', model: 'gpt-4-1106-preview', baseUrl: null },
    });
    expect(llmSettingsOverrides(args(['run', '--judge-provider', 'gemini']), {})).toEqual({ judge: { provider: 'gemini', model: null, baseUrl: null } });
    expect(llmSettingsOverrides(args(['run', '--judge-provider', 'run']), {})).toEqual({ judge: { provider: 'run', model: null, baseUrl: null } });
    expect(llmSettingsOverrides(args(['run']), {})).toEqual({});
  });

  it('refuses a model without its provider, an unknown provider, and a model for the run\'s LLM', () => {
    expect(() => judgeOptions(args(['run', '--judge-model', 'gpt-4-1106-preview']))).toThrow(UsageError);
    expect(() => llmSettingsOverrides(args(['run', '--judge-model', 'gpt-4-1106-preview']), {})).toThrow(
      "--judge-model names the judge's model at a provider: give --judge-provider gemini|openai-compatible with it.",
    );
    expect(() => llmSettingsOverrides(args(['run', '--judge-provider', 'openai']), {})).toThrow('--judge-provider: must be gemini, openai-compatible, run (got "openai").');
    // A wrong flag value is a usage error (exit 2); a wrong environment value stays exit 1.
    expect(() => llmSettingsOverrides(args(['run', '--judge-provider', 'openai']), {})).toThrow(UsageError);
    expect(() => llmSettingsOverrides(args(['run', '--provider', 'claude']), {})).toThrow(UsageError);
    expect(() => llmSettingsOverrides(args(['run']), { MIRA_LLM_PROVIDER: 'claude' })).not.toThrow(UsageError);
    expect(() => llmSettingsOverrides(args(['run', '--judge-provider', 'run', '--judge-model', 'x']), {})).toThrow(
      "--judge-provider/--judge-model: must be null when the judge is the run's LLM",
    );
  });

  // The standard evaluation: a local agent on vLLM judged by a hosted model at another OpenAI-compatible server.
  it('--judge-base-url gives the judge a server of its own, checked like the run\'s base URL; no key flag exists', () => {
    const flags = ['--provider', 'openai-compatible', '--base-url', 'http://127.0.0.1:8000/v1', '--judge-provider', 'openai-compatible', '--judge-model', 'gpt-4-1106-preview', '--judge-base-url', 'https://api.openai.com/v1'];
    expect(llmSettingsOverrides(args(['run', ...flags]), {})).toEqual({
      provider: 'openai-compatible', openaiCompatible: { baseUrl: 'http://127.0.0.1:8000/v1' },
      judge: { provider: 'openai-compatible', model: 'gpt-4-1106-preview', baseUrl: 'https://api.openai.com/v1' },
    });
    expect(() => llmSettingsOverrides(args(['run', '--judge-base-url', 'https://api.openai.com/v1']), {})).toThrow(
      "--judge-base-url names the judge's server at a provider: give --judge-provider gemini|openai-compatible with it.",
    );
    expect(() => llmSettingsOverrides(args(['run', '--judge-provider', 'gemini', '--judge-base-url', 'ftp://judge']), {})).toThrow(
      '--judge-provider/--judge-base-url: must be an http:// or https:// URL (got "gemini ftp://judge").',
    );
    expect(() => llmSettingsOverrides(args(['run', '--judge-provider', 'openai-compatible', '--judge-base-url', 'https://u:sk-secret@api.example/v1']), {})).toThrow('must not carry a user name or password');
    expect(() => llmSettingsOverrides(args(['run', '--judge-provider', 'run', '--judge-base-url', 'https://api.openai.com/v1']), {})).toThrow("must be null when the judge is the run's LLM");
    expect(() => checkCommandLine(args(['run', '--judge-provider', 'gemini', '--judge-api-key', 'k']))).toThrow('run has no flag --judge-api-key');
  });

  it('are run flags: other commands refuse them', () => {
    expect(() => checkCommandLine(args(['run', '--judge-provider', 'gemini', '--judge-model', 'm']))).not.toThrow();
    expect(() => checkCommandLine(args(['serve', '--judge-model', 'm']))).toThrow('serve has no flag --judge-model');
    expect(() => checkCommandLine(args(['serve', '--judge-base-url', 'http://x']))).toThrow('serve has no flag --judge-base-url');
  });
});
