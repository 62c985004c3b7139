import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type WorkbenchSettings } from '../../../main/api/settings';
import { clearKeysForOtherEndpoints, keyStatus, resolveKey, saveKey } from '../../../main/settings/api-keys';
import { MemorySecretStore } from '../../../main/settings/secret-store';

const GOOGLE = 'https://generativelanguage.googleapis.com';
const withOpenAi = (baseUrl: string | null): WorkbenchSettings => ({ ...DEFAULT_SETTINGS, openaiCompatible: { baseUrl, model: 'm' } });
const withGemini = (baseUrl: string | null): WorkbenchSettings => ({ ...DEFAULT_SETTINGS, gemini: { ...DEFAULT_SETTINGS.gemini, baseUrl } });

describe('API keys tied to their endpoint', () => {
  it('a key is stored with the origin of the base URL it was entered for, and handed out only there', async () => {
    const store = new MemorySecretStore({});
    await saveKey(store, 'openai_api_key', 'sk-entered-1111', withOpenAi('http://127.0.0.1:8000/v1'));
    // Not in plain text on its own: the stored value carries its endpoint.
    expect(JSON.parse((await store.get('openai_api_key'))!)).toEqual({ format: 'mira-key/1', key: 'sk-entered-1111', origin: 'http://127.0.0.1:8000' });
    expect(await resolveKey(store, 'openai_api_key', withOpenAi('http://127.0.0.1:8000/other/v1'))).toMatchObject({ key: 'sk-entered-1111', source: 'stored' });
    expect(await resolveKey(store, 'openai_api_key', withOpenAi('http://127.0.0.1:8001/v1'))).toEqual({
      key: null, origin: 'http://127.0.0.1:8001', reason: 'entered for http://127.0.0.1:8000, not http://127.0.0.1:8001; enter the key again',
    });
  });

  it('moving a provider to another origin clears its key (and says why); a path change on the same origin keeps it', async () => {
    const store = new MemorySecretStore({});
    await saveKey(store, 'openai_api_key', 'sk-entered-2222', withOpenAi('http://127.0.0.1:8000/v1'));
    await saveKey(store, 'gemini_api_key', 'AIza-entered-3333', withGemini(null));
    expect(await clearKeysForOtherEndpoints(store, { ...withOpenAi('http://127.0.0.1:8000/v2'), gemini: withGemini(null).gemini })).toEqual([]);
    // localhost is another origin than 127.0.0.1, even for the same server: the key is not sent there.
    const moved = withOpenAi('http://localhost:8000/v1');
    expect(await clearKeysForOtherEndpoints(store, moved)).toEqual(['openai_api_key']);
    expect(await keyStatus(store, 'openai_api_key', moved)).toEqual({
      set: false, hint: null, storage: 'memory', endpoint: 'http://localhost:8000', note: 'cleared because the endpoint changed; enter the key again',
    });
    // Moving back does not bring it back: it is gone, not hidden.
    expect((await resolveKey(store, 'openai_api_key', withOpenAi('http://127.0.0.1:8000/v1'))).key).toBeNull();
    expect(await keyStatus(store, 'gemini_api_key', moved)).toMatchObject({ set: true, hint: '…3333', endpoint: GOOGLE });
  });

  it('an OpenAI-compatible key needs a saved base URL to be tied to', async () => {
    await expect(saveKey(new MemorySecretStore({}), 'openai_api_key', 'sk-x', withOpenAi(null))).rejects.toThrow(/Save the OpenAI-compatible base URL first/);
  });

  it("environment keys go to the provider's default endpoint only, unless the command line opts in", async () => {
    const store = new MemorySecretStore({ GEMINI_API_KEY: 'AIza-env-4444', OPENAI_API_KEY: 'sk-env-5555' });
    expect(await resolveKey(store, 'gemini_api_key', withGemini(null))).toEqual({ key: 'AIza-env-4444', source: 'environment', origin: GOOGLE });
    const custom = await resolveKey(store, 'gemini_api_key', withGemini('http://127.0.0.1:9000'));
    expect(custom).toMatchObject({ key: null, reason: expect.stringMatching(/^GEMINI_API_KEY is sent only to https:\/\/generativelanguage\.googleapis\.com; .*--allow-env-key-for-custom-endpoint/) });
    // OpenAI-compatible servers have no default endpoint: the environment key is never sent by default.
    expect(await resolveKey(store, 'openai_api_key', withOpenAi('http://127.0.0.1:8000/v1'))).toMatchObject({ key: null, reason: expect.stringMatching(/^OPENAI_API_KEY is not sent to a custom endpoint/) });
    const optIn = { allowEnvKeyForCustomEndpoint: true };
    expect(await resolveKey(store, 'gemini_api_key', withGemini('http://127.0.0.1:9000'), optIn)).toMatchObject({ key: 'AIza-env-4444', source: 'environment' });
    expect(await keyStatus(store, 'openai_api_key', withOpenAi('http://127.0.0.1:8000/v1'), optIn)).toEqual({
      set: true, hint: '…5555', storage: 'environment', endpoint: 'http://127.0.0.1:8000', note: null,
    });
  });

  it('a key saved before keys carried their endpoint: Gemini keeps Google\'s endpoint, OpenAI-compatible must be entered again', async () => {
    const store = new MemorySecretStore({});
    await store.set('gemini_api_key', 'AIza-old-6666');
    await store.set('openai_api_key', 'sk-old-7777');
    expect((await resolveKey(store, 'gemini_api_key', withGemini(null))).key).toBe('AIza-old-6666');
    expect((await resolveKey(store, 'gemini_api_key', withGemini('http://127.0.0.1:9000'))).key).toBeNull();
    expect(await resolveKey(store, 'openai_api_key', withOpenAi('http://127.0.0.1:8000/v1'))).toMatchObject({ key: null, reason: 'saved before keys were tied to endpoints; enter the key again' });
  });
});
