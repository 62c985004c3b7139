// Builds the LLM client a run or an API call uses from Settings (provider, model, base URL, thinking
// budget), the secret store (API keys) and a run's own selection (`--provider gemini --model …`). The one
// place keys meet endpoints: a key goes only to the origin it was entered for (settings/api-keys.ts).
import type { LlmSelection } from '../api/inference-types';
import { isMember, LLM_PROVIDER_IDS, type LlmProviderId } from '../api/registries';
import type { WorkbenchSettings } from '../api/settings';
import { resolveKey, type KeyPolicy } from '../settings/api-keys';
import { ownEndpointInputs } from '../settings/judge-endpoint';
import type { SecretStore } from '../settings/secret-store';
import { LlmClient, type CacheMode } from './client';
import { GEMINI_BASE_URL, GeminiProvider } from './gemini';
import { OpenAiCompatibleProvider } from './openai-compatible';
import { ANSWER_TOKENS, outputTokenLimit } from './output-limits';
import type { RetrySettings } from './retry';
import type { ThinkingBudget } from './types';

/** Core-level knobs (tests pass instant retries and short time-outs; the desktop app keeps the defaults). */
export interface LlmRuntimeOptions extends KeyPolicy {
  retry?: Partial<RetrySettings>;
  /** Per-attempt time limit in ms. */
  timeoutMs?: number;
  /** The on-disk response cache; false turns it off. */
  cacheDir?: string | false;
  /** 'refresh' asks again and overwrites what is cached (re-judging with fresh replies). */
  cacheMode?: CacheMode;
  /** Answer room per purpose (thinking added on top), overriding ANSWER_TOKENS for Gemini calls. */
  answerTokens?: Partial<Record<string, number>>;
}

export interface ResolvedLlm {
  client: LlmClient;
  model: string;
  /** Gemini only; undefined for OpenAI-compatible servers, which have no such setting. */
  thinkingBudget?: ThinkingBudget;
}

type ClientOptions = Omit<ConstructorParameters<typeof LlmClient>[0], 'provider'>;
interface ProviderInputs {
  settings: WorkbenchSettings;
  secrets: SecretStore;
  selection: LlmSelection;
  runtime: LlmRuntimeOptions;
  common: ClientOptions;
}

interface ProviderFactory {
  /** Where the provider's calls go under these settings (null: not configured), for a run's preflight. */
  endpoint(settings: WorkbenchSettings): string | null;
  build(inputs: ProviderInputs): Promise<ResolvedLlm>;
}

/** One factory per registered provider (main/api/registries.ts): a Record, so a provider added to the registry
 * does not compile until it says where its calls go and how its client is built. */
const FACTORIES: Record<LlmProviderId, ProviderFactory> = {
  gemini: {
    endpoint: (settings) => settings.gemini.baseUrl ?? GEMINI_BASE_URL,
    build: async ({ settings, secrets, selection, runtime, common }) => {
      const key = await resolveKey(secrets, 'gemini_api_key', settings, runtime);
      if (key.key === null) throw new Error(`Gemini needs an API key for ${key.origin}: ${key.reason ?? 'set it in Settings or in GEMINI_API_KEY'}.`);
      const gemini = new GeminiProvider({ apiKey: key.key, baseUrl: settings.gemini.baseUrl ?? undefined });
      // A ceiling per purpose (output-limits.ts). Not for OpenAI-compatible servers: vLLM refuses a request
      // whose max_tokens plus prompt passes the model's context, which we do not know; their size guard is
      // the reply-body limit (reply-limit.ts).
      const overrides = Object.entries(runtime.answerTokens ?? {}).filter((e): e is [string, number] => e[1] !== undefined);
      const answerTokens: Record<string, number> = { ...ANSWER_TOKENS, ...Object.fromEntries(overrides) };
      return {
        client: new LlmClient({ provider: gemini, ...common, outputLimit: (req) => outputTokenLimit(req, answerTokens) }),
        model: selection.model ?? settings.gemini.model,
        thinkingBudget: selection.thinkingBudget ?? settings.gemini.thinkingBudget,
      };
    },
  },
  'openai-compatible': {
    endpoint: (settings) => settings.openaiCompatible.baseUrl,
    build: async ({ settings, secrets, selection, runtime, common }) => {
      const { baseUrl, model } = settings.openaiCompatible;
      if (!baseUrl) throw new Error('The OpenAI-compatible provider needs a base URL in Settings (e.g. http://127.0.0.1:8000/v1).');
      const chosen = selection.model ?? model;
      if (!chosen) throw new Error('The OpenAI-compatible provider needs a model name (Settings or --model).');
      // Local servers (vLLM, Ollama) need no key: without a usable one the request goes without.
      const apiKey = (await resolveKey(secrets, 'openai_api_key', settings, runtime)).key ?? undefined;
      return { client: new LlmClient({ provider: new OpenAiCompatibleProvider({ baseUrl, apiKey, name: `openai:${baseUrl}` }), ...common }), model: chosen };
    },
  },
};

/** Where a selection's calls go (the provider's default or its configured base URL); null without a provider. */
export function llmEndpoint(settings: WorkbenchSettings, selection: LlmSelection = {}): string | null {
  const provider = selection.provider ?? settings.provider;
  if (selection.baseUrl && isMember(LLM_PROVIDER_IDS, provider)) return selection.baseUrl; // a judge's own server
  return isMember(LLM_PROVIDER_IDS, provider) ? FACTORIES[provider].endpoint(settings) : null;
}

export async function createLlm(settings: WorkbenchSettings, secrets: SecretStore, selection: LlmSelection = {}, runtime: LlmRuntimeOptions = {}): Promise<ResolvedLlm> {
  const provider: unknown = selection.provider ?? (settings.provider === 'none' ? undefined : settings.provider);
  if (provider === undefined) throw new Error('No LLM provider is configured: choose Gemini or an OpenAI-compatible server in Settings, or pass --provider.');
  // Settings and requests are validated, but a stored run config or a hand-edited file may still name a
  // provider this build does not have: say so instead of sending its calls somewhere else.
  if (!isMember(LLM_PROVIDER_IDS, provider)) throw new Error(`Unknown LLM provider "${String(provider)}"; choose one of ${LLM_PROVIDER_IDS.join(', ')}.`);
  // The judge's own server gets the judge key only, never the provider's (settings/judge-endpoint.ts).
  if (selection.baseUrl) ({ settings, secrets } = await ownEndpointInputs(settings, secrets, provider, selection.baseUrl, runtime));
  const common: ClientOptions = {
    retry: runtime.retry,
    defaultTimeoutMs: runtime.timeoutMs,
    cacheDir: runtime.cacheDir || undefined,
    cacheMode: runtime.cacheMode,
  };
  return FACTORIES[provider].build({ settings, secrets, selection, runtime, common });
}
