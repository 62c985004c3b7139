// API keys tied to the endpoint they were entered for (issue 14 "What the API may change"). A stored key
// carries the origin (scheme://host:port) of the base URL it was entered for, inside the SecretStore; it is
// handed out only for that origin. Pointing a provider at another host clears the key, so a page that
// changes the base URL never receives it. Environment keys go only to the provider's default endpoint
// (Gemini's own; OpenAI-compatible servers have none) unless the user opts in on the command line.
import { SECRET_NAMES, type SecretName, type SecretStatus, type WorkbenchSettings } from '../api/settings';
import { GEMINI_BASE_URL } from '../llm/gemini';
import { ENV_KEY_NAMES, type SecretStore } from './secret-store';

const ENVELOPE = 'mira-key/1';

export const ALLOW_ENV_KEY_HINT = 'start the workbench with --allow-env-key-for-custom-endpoint (or MIRA_ALLOW_ENV_KEY_CUSTOM_ENDPOINT=1) to send it there';

export interface KeyPolicy {
  /** The command-line opt-in: environment keys may go to a custom endpoint too. */
  allowEnvKeyForCustomEndpoint?: boolean;
}

interface StoredKey {
  key: string | null;
  origin: string | null;
  cleared?: 'endpoint-changed';
}

export type KeyResolution =
  | { key: string; source: 'stored' | 'environment'; origin: string }
  | { key: null; origin: string | null; reason: string | null };

export function originOf(url: string): string {
  return new URL(url).origin;
}

/** Where the named key would be sent under these settings; null when the provider has no endpoint yet. */
export function endpointFor(name: SecretName, settings: WorkbenchSettings): string | null {
  if (name === 'gemini_api_key') return originOf(settings.gemini.baseUrl ?? GEMINI_BASE_URL);
  const baseUrl = name === 'judge_api_key' ? settings.judge.baseUrl : settings.openaiCompatible.baseUrl;
  return baseUrl ? originOf(baseUrl) : null;
}

/** Which base URL a key waits for, in the message that refuses to save it without one. */
const BASE_URL_FIELD: Record<Exclude<SecretName, 'gemini_api_key'>, string> = {
  openai_api_key: 'the OpenAI-compatible base URL',
  judge_api_key: "the judge's base URL (a judge with a server of its own)",
};

function defaultEndpoint(name: SecretName): string | null {
  return name === 'gemini_api_key' ? originOf(GEMINI_BASE_URL) : null;
}

async function readStored(store: SecretStore, name: SecretName): Promise<StoredKey | null> {
  const raw = await store.get(name);
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredKey> & { format?: unknown };
    if (value && value.format === ENVELOPE) {
      return { key: typeof value.key === 'string' ? value.key : null, origin: typeof value.origin === 'string' ? value.origin : null, cleared: value.cleared };
    }
  } catch {
    // not an envelope: a bare key, below
  }
  // A key saved before keys carried their endpoint: a Gemini key can only have meant Google's endpoint; an
  // OpenAI-compatible one is not sent anywhere until entered again.
  return { key: raw, origin: defaultEndpoint(name) };
}

function writeStored(store: SecretStore, name: SecretName, value: StoredKey): Promise<void> {
  return store.set(name, JSON.stringify({ format: ENVELOPE, ...value }));
}

/** Saves a key for the endpoint the settings name now. */
export async function saveKey(store: SecretStore, name: SecretName, value: string, settings: WorkbenchSettings): Promise<void> {
  const origin = endpointFor(name, settings);
  if (!origin) throw new Error(`Save ${BASE_URL_FIELD[name as keyof typeof BASE_URL_FIELD]} first: a key is tied to the endpoint it is entered for.`);
  await writeStored(store, name, { key: value, origin });
}

/** A store that holds one key, for one origin, under every name: a client built with it sends that key only
 * there (resolveKey checks the origin), and no environment key at all (settings/judge-endpoint.ts). */
export function singleKeyStore(kind: SecretStore['kind'], key: string | null, origin: string): SecretStore {
  const envelope = key === null ? null : JSON.stringify({ format: ENVELOPE, key, origin });
  return {
    kind,
    get: async () => envelope,
    set: async () => {
      throw new Error('a single-key store is read-only');
    },
    delete: async () => {
      throw new Error('a single-key store is read-only');
    },
  };
}

/** After a settings change: every stored key (of `names`, default all) whose provider now points at another
 * origin is cleared (the store remembers why, for the Settings page). A change of path on the same host keeps the key. */
export async function clearKeysForOtherEndpoints(store: SecretStore, settings: WorkbenchSettings, names: readonly SecretName[] = SECRET_NAMES): Promise<SecretName[]> {
  const cleared: SecretName[] = [];
  for (const name of names) {
    const origin = endpointFor(name, settings);
    const stored = await readStored(store, name);
    if (!origin || !stored?.key || stored.origin === origin) continue;
    await writeStored(store, name, { key: null, origin: stored.origin, cleared: 'endpoint-changed' });
    cleared.push(name);
  }
  return cleared;
}

/** The key to send to the endpoint the settings name, or why there is none. */
export async function resolveKey(store: SecretStore, name: SecretName, settings: WorkbenchSettings, policy: KeyPolicy = {}): Promise<KeyResolution> {
  const origin = endpointFor(name, settings);
  const stored = await readStored(store, name);
  if (origin && stored?.key && stored.origin === origin) return { key: stored.key, source: 'stored', origin };
  const env = store.environmentKey?.(name) ?? null;
  const fallback = defaultEndpoint(name);
  if (env && origin && (origin === fallback || policy.allowEnvKeyForCustomEndpoint)) return { key: env, source: 'environment', origin };
  return { key: null, origin, reason: whyNoKey(name, origin, stored, env !== null, fallback) };
}

function whyNoKey(name: SecretName, origin: string | null, stored: StoredKey | null, hasEnv: boolean, fallback: string | null): string | null {
  if (stored?.cleared === 'endpoint-changed') return 'cleared because the endpoint changed; enter the key again';
  if (stored?.key) {
    if (!stored.origin) return 'saved before keys were tied to endpoints; enter the key again';
    return origin ? `entered for ${stored.origin}, not ${origin}; enter the key again` : `entered for ${stored.origin}; the base URL is not set`;
  }
  if (hasEnv) {
    const only = fallback ? `is sent only to ${fallback}` : 'is not sent to a custom endpoint';
    return `${ENV_KEY_NAMES[name]} ${only}; ${ALLOW_ENV_KEY_HINT}`;
  }
  return null;
}

/** How the Settings page shows a key: usable for the current endpoint or not (and why), never the value. */
export async function keyStatus(store: SecretStore, name: SecretName, settings: WorkbenchSettings, policy: KeyPolicy = {}): Promise<SecretStatus> {
  const resolved = await resolveKey(store, name, settings, policy);
  const warning = await store.warning?.(name);
  const warned = warning ? { warning } : {};
  if (resolved.key !== null) {
    return { set: true, hint: `…${resolved.key.slice(-4)}`, storage: resolved.source === 'environment' ? 'environment' : store.kind, endpoint: resolved.origin, note: null, ...warned };
  }
  return { set: false, hint: null, storage: store.kind, endpoint: resolved.origin, note: resolved.reason, ...warned };
}
