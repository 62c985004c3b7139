import { safeStorage } from 'electron';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretName } from '../main/api/settings';
import type { SecretStore } from '../main/settings/secret-store';

/** API keys encrypted by the OS keychain (Electron safeStorage: Keychain, DPAPI, libsecret/kwallet). The
 * file on disk holds only ciphertext; without keychain encryption the key is refused rather than stored in
 * plain text. */
export class KeychainSecretStore implements SecretStore {
  readonly kind = 'os-keychain' as const;
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'secrets.bin.json');
  }

  async get(name: SecretName): Promise<string | null> {
    const sealed = (await this.readAll())[name];
    return sealed ? safeStorage.decryptString(Buffer.from(sealed, 'base64')) : null;
  }

  async set(name: SecretName, value: string): Promise<void> {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('The OS keychain is not available, so the key was not saved. Set GEMINI_API_KEY in the environment instead.');
    }
    const all = await this.readAll();
    all[name] = safeStorage.encryptString(value).toString('base64');
    await this.writeAll(all);
  }

  async delete(name: SecretName): Promise<void> {
    const all = await this.readAll();
    delete all[name];
    await this.writeAll(all);
  }

  private async readAll(): Promise<Partial<Record<SecretName, string>>> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8'));
    } catch {
      return {};
    }
  }

  private async writeAll(all: Partial<Record<SecretName, string>>): Promise<void> {
    const temp = `${this.file}.tmp`;
    await writeFile(temp, JSON.stringify(all), { mode: 0o600 });
    await rename(temp, this.file);
  }
}
