import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type WorkbenchSettings } from '../../../main/api/settings';
import { endpointFor, keyStatus, resolveKey, saveKey } from '../../../main/settings/api-keys';
import { ownEndpointInputs } from '../../../main/settings/judge-endpoint';
import { MemorySecretStore } from '../../../main/settings/secret-store';

// The judge's own server takes the judge key only (main/settings/judge-endpoint.ts, docs/design/WEBARENA.md §2.2):
// the provider's key never goes there, and the judge key never goes to the provider's server.
const AGENT = 'http://127.0.0.1:8000/v1';
const JUDGE = 'https://judge.example/v1';
const settings: WorkbenchSettings = {
  ...DEFAULT_SETTINGS, provider: 'openai-compatible', openaiCompatible: { baseUrl: AGENT, model: 'qwen' },
  judge: { provider: 'openai-compatible', model: 'gpt-4-1106-preview', baseUrl: JUDGE },
};

describe('the judge key', () => {
  it('is tied to the judge\'s base URL, and waits for one', async () => {
    expect(endpointFor('judge_api_key', settings)).toBe('https://judge.example');
    expect(endpointFor('judge_api_key', DEFAULT_SETTINGS)).toBeNull();
    await expect(saveKey(new MemorySecretStore({}), 'judge_api_key', 'k', DEFAULT_SETTINGS)).rejects.toThrow("Save the judge's base URL (a judge with a server of its own) first");
  });

  it('is what the judge\'s server gets; the provider\'s key is not', async () => {
    const store = new MemorySecretStore({});
    await saveKey(store, 'openai_api_key', 'sk-agent', settings);
    await saveKey(store, 'judge_api_key', 'sk-judge', settings);
    const judge = await ownEndpointInputs(settings, store, 'openai-compatible', JUDGE);
    expect(judge.settings.openaiCompatible.baseUrl).toBe(JUDGE);
    expect(await resolveKey(judge.secrets, 'openai_api_key', judge.settings)).toMatchObject({ key: 'sk-judge', origin: 'https://judge.example' });
    // The provider's own server still gets its own key.
    expect(await resolveKey(store, 'openai_api_key', settings)).toMatchObject({ key: 'sk-agent' });
    expect(await keyStatus(store, 'judge_api_key', settings)).toEqual({ set: true, hint: '…udge', storage: 'memory', endpoint: 'https://judge.example', note: null });
  });

  it('is not sent to another server than the one it was saved for (a resumed run\'s recorded judge)', async () => {
    const store = new MemorySecretStore({});
    await saveKey(store, 'judge_api_key', 'sk-judge', settings);
    await expect(ownEndpointInputs(settings, store, 'openai-compatible', 'https://elsewhere.example/v1')).rejects.toThrow(
      "The judge's API key for https://elsewhere.example: entered for https://judge.example, not https://elsewhere.example; enter the key again (Settings → Judge).",
    );
  });

  it('comes from MIRA_JUDGE_API_KEY only with the opt-in for custom servers; a Gemini judge needs one', async () => {
    const env = new MemorySecretStore({ MIRA_JUDGE_API_KEY: 'sk-env-judge', OPENAI_API_KEY: 'sk-env-agent' });
    await expect(ownEndpointInputs(settings, env, 'openai-compatible', JUDGE)).rejects.toThrow('MIRA_JUDGE_API_KEY is not sent to a custom endpoint');
    const allowed = await ownEndpointInputs(settings, env, 'openai-compatible', JUDGE, { allowEnvKeyForCustomEndpoint: true });
    expect((await resolveKey(allowed.secrets, 'openai_api_key', allowed.settings)).key).toBe('sk-env-judge');
    await expect(ownEndpointInputs(settings, new MemorySecretStore({}), 'gemini', JUDGE)).rejects.toThrow(
      "The judge at https://judge.example (Gemini) needs an API key: save the judge's API key in Settings → Judge, or set MIRA_JUDGE_API_KEY.",
    );
    // An OpenAI-compatible judge without any key goes without one (a local judge server).
    const bare = await ownEndpointInputs(settings, new MemorySecretStore({}), 'openai-compatible', JUDGE);
    expect((await resolveKey(bare.secrets, 'openai_api_key', bare.settings)).key).toBeNull();
  });
});
