import type { SecretName, SecretStatus } from '../api/settings';

/** Where API keys live. The desktop app injects one backed by the OS keychain (Electron safeStorage); the
 * web host and the CLI keep keys in memory for the process only. Keys are never written to settings files
 * or logs. What is stored under a name is opaque here: api-keys.ts keeps the key with the endpoint it was
 * entered for. */
export interface SecretStore {
  readonly kind: Exclude<SecretStatus['storage'], 'environment'>;
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
  /** A key from the environment (GEMINI_API_KEY, OPENAI_API_KEY, MIRA_JUDGE_API_KEY), kept apart from stored keys because it may
   * go only to the provider's default endpoint (api-keys.ts). Stores without one have no environment keys. */
  environmentKey?(name: SecretName): string | null;
  /** Why keys are not kept where they should be (the desktop keychain: no OS keyring, a damaged secrets file,
   * a key that no longer decrypts); the Settings page shows it. Null or absent when all is well. */
  warning?(name: SecretName): Promise<string | null>;
}

/** MIRA_JUDGE_API_KEY: the judge's own key (settings/judge-endpoint.ts), apart from the run's OPENAI_API_KEY. */
export const ENV_KEY_NAMES: Record<SecretName, string> = { gemini_api_key: 'GEMINI_API_KEY', openai_api_key: 'OPENAI_API_KEY', judge_api_key: 'MIRA_JUDGE_API_KEY' };

export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const;
  private readonly values = new Map<SecretName, string>();

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  async get(name: SecretName): Promise<string | null> {
    return this.values.get(name) ?? null;
  }

  async set(name: SecretName, value: string): Promise<void> {
    this.values.set(name, value);
  }

  async delete(name: SecretName): Promise<void> {
    this.values.delete(name);
  }

  environmentKey(name: SecretName): string | null {
    return this.env[ENV_KEY_NAMES[name]] || null;
  }
}
