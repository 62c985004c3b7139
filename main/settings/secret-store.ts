import type { SecretName, SecretStatus } from '../api/settings';

/** Where API keys live. The desktop app injects one backed by the OS keychain (Electron safeStorage); the
 * web host and the CLI keep keys in memory for the process only, falling back to the environment
 * (GEMINI_API_KEY, OPENAI_API_KEY). Keys are never written to settings files or logs. */
export interface SecretStore {
  readonly kind: SecretStatus['storage'];
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
}

const ENV_NAMES: Record<SecretName, string> = { gemini_api_key: 'GEMINI_API_KEY', openai_api_key: 'OPENAI_API_KEY' };

export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const;
  private readonly values = new Map<SecretName, string>();

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  async get(name: SecretName): Promise<string | null> {
    return this.values.get(name) ?? this.env[ENV_NAMES[name]] ?? null;
  }

  async set(name: SecretName, value: string): Promise<void> {
    this.values.set(name, value);
  }

  async delete(name: SecretName): Promise<void> {
    this.values.delete(name);
  }

  fromEnvironment(name: SecretName): boolean {
    return !this.values.has(name) && Boolean(this.env[ENV_NAMES[name]]);
  }
}

export async function secretStatus(store: SecretStore, name: SecretName): Promise<SecretStatus> {
  const value = await store.get(name);
  const storage = store instanceof MemorySecretStore && store.fromEnvironment(name) ? 'environment' : store.kind;
  return { set: Boolean(value), hint: value ? `…${value.slice(-4)}` : null, storage };
}
