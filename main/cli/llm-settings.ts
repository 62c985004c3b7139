import { isMember, LLM_PROVIDER_IDS, LLM_PROVIDERS } from '../api/registries';
import type { SettingsPatch } from '../api/settings';
import { parseSettingsPatch, SettingsValidationError } from '../api/settings-schema';
import { LLM_CACHE_MODES, type CacheMode } from '../llm/client';
import { flagString, UsageError, type ParsedArgs } from './args';
import { judgeOptions } from './run-options';

/** The environment variables that set this process's LLM settings (flags win over them). */
export const LLM_ENV = {
  provider: 'MIRA_LLM_PROVIDER',
  geminiBaseUrl: 'MIRA_GEMINI_BASE_URL',
  geminiModel: 'MIRA_GEMINI_MODEL',
  openaiBaseUrl: 'MIRA_OPENAI_BASE_URL',
  openaiModel: 'MIRA_OPENAI_MODEL',
} as const;

const PROVIDERS = [...LLM_PROVIDER_IDS, 'none'] as const;

/** LLM settings for this process from the command line (`--provider`, `--base-url`) and the environment
 * (LLM_ENV), laid over settings.json without changing it (issue 21). Every value is checked by the settings
 * schema and a wrong one is refused naming where it came from. Keys stay tied to endpoints
 * (main/settings/api-keys.ts): an environment key is not sent to a base URL given here unless
 * --allow-env-key-for-custom-endpoint is also given. */
export function llmSettingsOverrides(args: ParsedArgs, env: NodeJS.ProcessEnv = process.env): SettingsPatch {
  const fromEnv = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  const providerFlag = flagString(args, 'provider');
  const provider = providerFlag ?? fromEnv(LLM_ENV.provider);
  const providerSource = providerFlag !== undefined ? '--provider' : LLM_ENV.provider;
  if (provider !== undefined && !(PROVIDERS as readonly string[]).includes(provider)) {
    throw UsageError.forSource(providerSource, `${providerSource} must be ${PROVIDERS.join(', ')}, not "${provider}".`);
  }
  const patch: SettingsPatch = {};
  const take = (source: string, value: string | undefined, part: SettingsPatch) => {
    if (value === undefined) return;
    try {
      parseSettingsPatch(part);
    } catch (err) {
      if (err instanceof SettingsValidationError) throw UsageError.forSource(source, `${source}: ${err.problems.map((p) => p.message).join('; ')} (got "${value}").`);
      throw err;
    }
    Object.assign(patch, { ...part, gemini: { ...patch.gemini, ...part.gemini }, openaiCompatible: { ...patch.openaiCompatible, ...part.openaiCompatible } });
  };
  const geminiBaseUrl = fromEnv(LLM_ENV.geminiBaseUrl);
  const openaiBaseUrl = fromEnv(LLM_ENV.openaiBaseUrl);
  const geminiModel = fromEnv(LLM_ENV.geminiModel);
  const openaiModel = fromEnv(LLM_ENV.openaiModel);
  take(providerSource, provider, { provider: provider as (typeof PROVIDERS)[number] });
  take(LLM_ENV.geminiBaseUrl, geminiBaseUrl, { gemini: { baseUrl: geminiBaseUrl } });
  take(LLM_ENV.openaiBaseUrl, openaiBaseUrl, { openaiCompatible: { baseUrl: openaiBaseUrl } });
  take(LLM_ENV.geminiModel, geminiModel, { gemini: { model: geminiModel } });
  take(LLM_ENV.openaiModel, openaiModel, { openaiCompatible: { model: openaiModel } });
  const baseUrl = flagString(args, 'base-url');
  if (baseUrl !== undefined) {
    const section = isMember(LLM_PROVIDER_IDS, provider) ? LLM_PROVIDERS[provider].settings : undefined;
    if (!section) {
      const withUrl = LLM_PROVIDER_IDS.filter((id) => LLM_PROVIDERS[id].settings);
      throw new Error(`--base-url sets one provider's endpoint: name it with --provider ${withUrl.join('|')} (or ${LLM_ENV.provider}).`);
    }
    take('--base-url', baseUrl, { [section]: { baseUrl } });
  }
  takeJudge(args, take);
  if (patch.gemini && Object.keys(patch.gemini).length === 0) delete patch.gemini;
  if (patch.openaiCompatible && Object.keys(patch.openaiCompatible).length === 0) delete patch.openaiCompatible;
  return patch;
}

/** The fuzzy_match judge of this `run` (run-options.ts judgeOptions), checked by the settings schema. Its key is
 * not a flag: Settings' judge key or MIRA_JUDGE_API_KEY, sent to a custom server only with
 * --allow-env-key-for-custom-endpoint as the run's key is (main/settings/api-keys.ts). */
function takeJudge(args: ParsedArgs, take: (source: string, value: string | undefined, part: SettingsPatch) => void): void {
  const judge = judgeOptions(args);
  if (!judge) return;
  const given = [['--judge-provider', judge.provider], ['--judge-model', judge.model], ['--judge-base-url', judge.baseUrl]].filter((f): f is [string, string] => f[1] !== null);
  take(given.map(([flag]) => flag).join('/'), given.map(([, value]) => value).join(' '), { judge: judge as NonNullable<SettingsPatch['judge']> });
}

/** `--llm-cache readwrite|refresh|off` for this process: refresh asks again and overwrites what is cached (a reply
 * a person wants re-drawn, or one cached before a fix); undefined when not given (the client's default). */
export function llmCacheModeOf(args: ParsedArgs): CacheMode | undefined {
  const mode = flagString(args, 'llm-cache');
  if (mode === undefined) return undefined;
  if (!(LLM_CACHE_MODES as readonly string[]).includes(mode)) throw new UsageError(`--llm-cache must be ${LLM_CACHE_MODES.join(', ')}, not "${mode}".`);
  return mode as CacheMode;
}
