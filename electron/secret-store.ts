// API keys in the desktop app, encrypted with the OS keychain through Electron's safeStorage (Keychain,
// DPAPI, libsecret/kwallet). The file holds only ciphertext. Where that protection is not real — Linux
// without a keyring, where safeStorage falls back to `basic_text` (a fixed, public password) — keys are
// kept in memory for the session and the Settings page says so (issue 14, "The desktop shell").
// No `electron` import: main.ts passes Electron's safeStorage in, and tests pass a stand-in.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretName } from '../main/api/settings';
import { MemorySecretStore, type SecretStore } from '../main/settings/secret-store';

/** The part of Electron's safeStorage used here: the async API (the sync one is deprecated in Electron 45). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: which password store backs the key ('basic_text' = none). */
  getSelectedStorageBackend?(): string;
}

type SealedFile = Partial<Record<SecretName, string>>;

const NO_KEYRING =
  'No OS keyring was found (Electron would fall back to `basic_text`, an obfuscation with a fixed password), so keys are kept in memory for this session only. ' +
  'Install and unlock a keyring (GNOME Keyring / libsecret or KWallet) to store them, or set GEMINI_API_KEY / OPENAI_API_KEY in the environment.';
const NO_ENCRYPTION = 'OS keychain encryption is not available, so keys are kept in memory for this session only. Set GEMINI_API_KEY / OPENAI_API_KEY in the environment to avoid re-entering them.';

export class KeychainSecretStore implements SecretStore {
  readonly file: string;
  /** Keys entered while the keychain cannot be used (kept for this session only), and the environment's. */
  private readonly session: MemorySecretStore;
  /** Why the keychain is not used at all (no keyring, no encryption); null when it is. */
  private keychainProblem: string | null = null;
  /** Why the secrets file is not written (it exists but does not parse or read); null when it is fine. */
  private fileProblem: string | null = null;
  /** Stored keys that did not decrypt, with the reason, reported per key. */
  private readonly undecryptable = new Map<SecretName, string>();
  private ready: Promise<void> | null = null;

  constructor(
    userDataDir: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly platform: NodeJS.Platform = process.platform,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.file = join(userDataDir, 'secrets.bin.json');
    this.session = new MemorySecretStore(env);
  }

  get kind(): 'os-keychain' | 'memory' {
    return this.keychainProblem || this.fileProblem ? 'memory' : 'os-keychain';
  }

  async get(name: SecretName): Promise<string | null> {
    await this.init();
    if (this.kind === 'memory') return this.session.get(name);
    const sealed = (await this.readFile())[name];
    if (!sealed) return null;
    try {
      const { result, shouldReEncrypt } = await this.safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'));
      this.undecryptable.delete(name);
      // The keychain's key was rotated: store the value again under the new one.
      if (shouldReEncrypt) await this.set(name, result);
      return result;
    } catch (err) {
      this.undecryptable.set(name, err instanceof Error ? err.message : String(err));
      return null;
    }
  }

  async set(name: SecretName, value: string): Promise<void> {
    await this.init();
    if (this.kind === 'memory') return this.session.set(name, value);
    const all = await this.readFile();
    all[name] = (await this.safeStorage.encryptStringAsync(value)).toString('base64');
    await this.writeFile(all);
    this.undecryptable.delete(name);
  }

  async delete(name: SecretName): Promise<void> {
    await this.init();
    await this.session.delete(name);
    if (this.fileProblem) return; // never rewrite a file that could not be read
    const all = await this.readFile();
    if (!(name in all)) return;
    delete all[name];
    await this.writeFile(all);
    this.undecryptable.delete(name);
  }

  environmentKey(name: SecretName): string | null {
    return this.session.environmentKey(name);
  }

  /** What the Settings page shows beside the key: why it is not kept in the keychain, or did not decrypt. */
  async warning(name: SecretName): Promise<string | null> {
    await this.init();
    const undecryptable = this.undecryptable.get(name);
    return this.keychainProblem ?? this.fileProblem ?? (undecryptable ? `The stored key could not be decrypted (${undecryptable}); enter it again to replace it.` : null);
  }

  /** Decides once, after app ready, whether the keychain is real, and whether the file can be written. */
  private init(): Promise<void> {
    this.ready ??= (async () => {
      if (this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend?.() === 'basic_text') this.keychainProblem = NO_KEYRING;
      else if (!(await this.safeStorage.isAsyncEncryptionAvailable())) this.keychainProblem = NO_ENCRYPTION;
      await this.readFile();
    })();
    return this.ready;
  }

  private async readFile(): Promise<SealedFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      this.fileProblem ??= `The secrets file ${this.file} could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); it is left as it is and keys are kept in memory for this session.`;
      return {};
    }
    const parsed = parseSealedFile(text);
    if (typeof parsed === 'string') {
      this.fileProblem ??= `The secrets file ${this.file} is damaged (${parsed}); it is left as it is (move it away to start over) and keys are kept in memory for this session.`;
      return {};
    }
    return parsed;
  }

  private async writeFile(all: SealedFile): Promise<void> {
    const temp = `${this.file}.tmp`;
    await writeFile(temp, JSON.stringify(all), { mode: 0o600 });
    await rename(temp, this.file);
  }
}

/** The file's content, or why it is not a map of secret names to base64 ciphertext. */
function parseSealedFile(text: string): SealedFile | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return `not JSON: ${(err as Error).message}`;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  for (const [key, sealed] of Object.entries(value)) {
    if (typeof sealed !== 'string') return `the entry "${key}" is not a string`;
  }
  return value as SealedFile;
}
