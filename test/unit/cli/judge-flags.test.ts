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
      judge: { provider: 'openai-compatible', model: 'gpt-4-1106-preview' },
    });
    expect(llmSettingsOverrides(args(['run', '--judge-provider', 'gemini']), {})).toEqual({ judge: { provider: 'gemini', model: null } });
    expect(llmSettingsOverrides(args(['run', '--judge-provider', 'run']), {})).toEqual({ judge: { provider: 'run', model: null } });
    expect(llmSettingsOverrides(args(['run']), {})).toEqual({});
  });

  it('refuses a model without its provider, an unknown provider, and a model for the run\'s LLM', () => {
    expect(() => judgeOptions(args(['run', '--judge-model', 'gpt-4-1106-preview']))).toThrow(UsageError);
    expect(() => llmSettingsOverrides(args(['run', '--judge-model', 'gpt-4-1106-preview']), {})).toThrow(
      "--judge-model names the judge's model at a provider: give --judge-provider gemini|openai-compatible with it.",
    );
    expect(() => llmSettingsOverrides(args(['run', '--judge-provider', 'openai']), {})).toThrow('--judge-provider: must be gemini, openai-compatible, run (got "openai").');
    expect(() => llmSettingsOverrides(args(['run', '--judge-provider', 'run', '--judge-model', 'x']), {})).toThrow(
      "--judge-provider/--judge-model: must be null when the judge is the run's LLM",
    );
  });

  it('are run flags: other commands refuse them', () => {
    expect(() => checkCommandLine(args(['run', '--judge-provider', 'gemini', '--judge-model', 'm']))).not.toThrow();
    expect(() => checkCommandLine(args(['serve', '--judge-model', 'm']))).toThrow('serve has no flag --judge-model');
  });
});
