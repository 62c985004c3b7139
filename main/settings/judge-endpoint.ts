// The fuzzy_match judge's own server (docs/design/WEBARENA.md §2.2): a judge set apart from the run's LLM may name
// a base URL of its own, so a local agent on an OpenAI-compatible server (vLLM at 127.0.0.1:8000) is judged by a
// hosted model behind another server of the same kind, as the originals judge with gpt-4-1106-preview. Its key is
// the judge key (judge_api_key, MIRA_JUDGE_API_KEY), tied to the judge's origin as every key is to its endpoint
// (api-keys.ts); the provider's own key never goes to the judge's server, nor the judge's to the provider's.
import { LLM_PROVIDERS, type LlmProviderId } from '../api/registries';
import type { WorkbenchSettings } from '../api/settings';
import { originOf, resolveKey, singleKeyStore, type KeyPolicy } from './api-keys';
import type { SecretStore } from './secret-store';

export interface OwnEndpointInputs {
  settings: WorkbenchSettings;
  secrets: SecretStore;
}

/** What a client for the judge's own server is built with (llm/client-factory.ts): the settings with the
 * provider's base URL replaced by `baseUrl`, and a store holding only the judge key, for that origin. Throws,
 * naming what to set, when a judge key was given but cannot go there, or a Gemini judge has none. */
export async function ownEndpointInputs(
  settings: WorkbenchSettings, secrets: SecretStore, provider: LlmProviderId, baseUrl: string, policy: KeyPolicy = {},
): Promise<OwnEndpointInputs> {
  const section = LLM_PROVIDERS[provider].settings;
  if (!section) throw new Error(`${LLM_PROVIDERS[provider].label} has no base URL to set: the judge cannot have a server of its own there.`);
  // The judge key is resolved against the base URL asked for (a resumed run's recorded one), not today's setting.
  const at: WorkbenchSettings = { ...settings, [section]: { ...settings[section], baseUrl }, judge: { ...settings.judge, baseUrl } };
  const resolved = await resolveKey(secrets, 'judge_api_key', at, policy);
  const origin = originOf(baseUrl);
  if (resolved.key === null && resolved.reason) throw new Error(`The judge's API key for ${origin}: ${resolved.reason} (Settings → Judge).`);
  // OpenAI-compatible servers may need no key (a local judge); Gemini always does.
  if (resolved.key === null && provider === 'gemini') {
    throw new Error(`The judge at ${origin} (Gemini) needs an API key: save the judge's API key in Settings → Judge, or set MIRA_JUDGE_API_KEY.`);
  }
  return { settings: at, secrets: singleKeyStore(secrets.kind, resolved.key, origin) };
}
