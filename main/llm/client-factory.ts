// Builds the LLM client a run or an API call uses from Settings (provider, model, base URL, thinking
// budget), the secret store (API keys) and a run's own selection (`--provider gemini --model …`). The one
// place keys meet endpoints: a key goes only to the origin it was entered for (settings/api-keys.ts).
import type { LlmSelection } from '../api/inference-types';
import type { WorkbenchSettings } from '../api/settings';
import { resolveKey, type KeyPolicy } from '../settings/api-keys';
import type { SecretStore } from '../settings/secret-store';
import { LlmClient, type CacheMode } from './client';
import { GeminiProvider } from './gemini';
import { OpenAiCompatibleProvider } from './openai-compatible';
import type { RetrySettings } from './retry';
import type { ThinkingBudget } from './types';

/** Core-level knobs (tests pass instant retries and short time-outs; the desktop app keeps the defaults). */
export interface LlmRuntimeOptions extends KeyPolicy {
  retry?: Partial<RetrySettings>;
  /** Per-attempt time limit in ms. */
  timeoutMs?: number;
  /** The on-disk response cache; false turns it off. */
  cacheDir?: string | false;
  cacheMode?: CacheMode;
}

export interface ResolvedLlm {
  client: LlmClient;
  model: string;
  /** Gemini only; undefined for OpenAI-compatible servers, which have no such setting. */
  thinkingBudget?: ThinkingBudget;
}

export async function createLlm(settings: WorkbenchSettings, secrets: SecretStore, selection: LlmSelection = {}, runtime: LlmRuntimeOptions = {}): Promise<ResolvedLlm> {
  const provider = selection.provider ?? (settings.provider === 'none' ? undefined : settings.provider);
  if (!provider) throw new Error('No LLM provider is configured: choose Gemini or an OpenAI-compatible server in Settings, or pass --provider.');
  const common = {
    retry: runtime.retry,
    defaultTimeoutMs: runtime.timeoutMs,
    cacheDir: runtime.cacheDir || undefined,
    cacheMode: runtime.cacheMode,
  };
  if (provider === 'gemini') {
    const key = await resolveKey(secrets, 'gemini_api_key', settings, runtime);
    if (key.key === null) throw new Error(`Gemini needs an API key for ${key.origin}: ${key.reason ?? 'set it in Settings or in GEMINI_API_KEY'}.`);
    const gemini = new GeminiProvider({ apiKey: key.key, baseUrl: settings.gemini.baseUrl ?? undefined });
    return {
      client: new LlmClient({ provider: gemini, ...common }),
      model: selection.model ?? settings.gemini.model,
      thinkingBudget: selection.thinkingBudget ?? settings.gemini.thinkingBudget,
    };
  }
  const { baseUrl, model } = settings.openaiCompatible;
  if (!baseUrl) throw new Error('The OpenAI-compatible provider needs a base URL in Settings (e.g. http://127.0.0.1:8000/v1).');
  const chosen = selection.model ?? model;
  if (!chosen) throw new Error('The OpenAI-compatible provider needs a model name (Settings or --model).');
  // Local servers (vLLM, Ollama) need no key: without a usable one the request goes without.
  const apiKey = (await resolveKey(secrets, 'openai_api_key', settings, runtime)).key ?? undefined;
  return { client: new LlmClient({ provider: new OpenAiCompatibleProvider({ baseUrl, apiKey, name: `openai:${baseUrl}` }), ...common }), model: chosen };
}
