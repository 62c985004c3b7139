// The desktop app's key store (issue 14, "The desktop shell"): keys sealed by the OS keychain through
// Electron's async safeStorage API; no keyring on Linux (`basic_text`) means memory for the session with a
// warning; a key that does not decrypt is reported for that key alone; a damaged secrets file is never
// overwritten. safeStorage is a stand-in here (a keychain cannot run in a test), with Electron's API shape.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeychainSecretStore, type SafeStorageLike } from '../../../electron/secret-store';
import { DEFAULT_SETTINGS } from '../../../main/api/settings';
import { keyStatus } from '../../../main/settings/api-keys';

/** A keychain whose "encryption" is tagged with its key id, so a rotated or foreign key fails to decrypt. */
function fakeKeychain(options: { backend?: string; available?: boolean; keyId?: string; rotatedFrom?: string } = {}): SafeStorageLike & { encrypted: number } {
  const keyId = options.keyId ?? 'k1';
  const chain = {
    encrypted: 0,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    async encryptStringAsync(text: string) {
      chain.encrypted++;
      return Buffer.from(`${keyId}:${Buffer.from(text).toString('hex')}`);
    },
    async decryptStringAsync(buffer: Buffer) {
      const [id, hex] = buffer.toString().split(':');
      if (id !== keyId && id !== options.rotatedFrom) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: Buffer.from(hex, 'hex').toString(), shouldReEncrypt: id !== keyId };
    },
  };
  return chain;
}

let dir: string;
const file = () => join(dir, 'secrets.bin.json');
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-keychain-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('KeychainSecretStore', () => {
  it('seals keys with the keychain: the file holds no plain key and a new process reads it back', async () => {
    const store = new KeychainSecretStore(dir, fakeKeychain(), 'linux', {});
    await store.set('gemini_api_key', 'AIza-secret-1234');
    const onDisk = await readFile(file(), 'utf8');
    expect(onDisk).not.toContain('AIza-secret-1234');
    expect(Object.keys(JSON.parse(onDisk))).toEqual(['gemini_api_key']);
    const restarted = new KeychainSecretStore(dir, fakeKeychain(), 'linux', {});
    expect(await restarted.get('gemini_api_key')).toBe('AIza-secret-1234');
    expect(restarted.kind).toBe('os-keychain');
    expect(await restarted.warning('gemini_api_key')).toBeNull();
  });

  it('refuses basic_text on Linux: keys stay in memory for the session, with a warning the Settings page shows', async () => {
    const store = new KeychainSecretStore(dir, fakeKeychain({ backend: 'basic_text' }), 'linux', {});
    await store.set('gemini_api_key', 'AIza-secret-1234');
    expect(await store.get('gemini_api_key')).toBe('AIza-secret-1234');
    expect(existsSync(file())).toBe(false);
    expect(store.kind).toBe('memory');
    const status = await keyStatus(store, 'gemini_api_key', DEFAULT_SETTINGS);
    expect(status).toMatchObject({ set: true, hint: '…1234', storage: 'memory' });
    expect(status.warning).toMatch(/No OS keyring .*basic_text.*memory for this session/);
    // The next session starts without the key.
    expect(await new KeychainSecretStore(dir, fakeKeychain({ backend: 'basic_text' }), 'linux', {}).get('gemini_api_key')).toBeNull();
  });

  it('asks only Linux for its backend, and falls back to memory wherever async encryption is unavailable', async () => {
    const mac = new KeychainSecretStore(dir, fakeKeychain({ backend: 'basic_text' }), 'darwin', {});
    await mac.set('openai_api_key', 'sk-mac-5678');
    expect(mac.kind).toBe('os-keychain');
    const noEncryption = new KeychainSecretStore(join(dir, 'other'), fakeKeychain({ available: false }), 'win32', {});
    await noEncryption.set('openai_api_key', 'sk-win-0000');
    expect(noEncryption.kind).toBe('memory');
    expect(await noEncryption.warning('openai_api_key')).toMatch(/not available/);
  });

  it('reports a key that fails to decrypt for that key alone, and a new key replaces it', async () => {
    const before = new KeychainSecretStore(dir, fakeKeychain({ keyId: 'old-machine' }), 'linux', {});
    await before.set('gemini_api_key', 'AIza-old-1111');
    const now = fakeKeychain({ keyId: 'k1' });
    const sealedNow = (await now.encryptStringAsync('sk-ok-2222')).toString('base64');
    const onDisk = JSON.parse(await readFile(file(), 'utf8'));
    await writeFile(file(), JSON.stringify({ ...onDisk, openai_api_key: sealedNow }));

    const store = new KeychainSecretStore(dir, now, 'linux', {});
    expect(await store.get('gemini_api_key')).toBeNull();
    expect(await store.get('openai_api_key')).toBe('sk-ok-2222');
    expect(await store.warning('gemini_api_key')).toMatch(/could not be decrypted \(Error while decrypting.*\); enter it again/);
    expect(await store.warning('openai_api_key')).toBeNull();
    await store.set('gemini_api_key', 'AIza-new-3333');
    expect(await store.get('gemini_api_key')).toBe('AIza-new-3333');
    expect(await store.warning('gemini_api_key')).toBeNull();
  });

  it('re-encrypts a key when safeStorage says the keychain key was rotated', async () => {
    await new KeychainSecretStore(dir, fakeKeychain({ keyId: 'k0' }), 'linux', {}).set('gemini_api_key', 'AIza-rot-4444');
    const rotated = fakeKeychain({ keyId: 'k1', rotatedFrom: 'k0' });
    const store = new KeychainSecretStore(dir, rotated, 'linux', {});
    expect(await store.get('gemini_api_key')).toBe('AIza-rot-4444');
    expect(Buffer.from(JSON.parse(await readFile(file(), 'utf8')).gemini_api_key, 'base64').toString()).toMatch(/^k1:/);
  });

  it('never overwrites a secrets file that does not parse; keys entered meanwhile stay in memory', async () => {
    const damaged = '{"gemini_api_key": "c2VhbGVk", oops';
    await writeFile(file(), damaged);
    const store = new KeychainSecretStore(dir, fakeKeychain(), 'linux', {});
    await store.set('gemini_api_key', 'AIza-mem-5555');
    await store.delete('openai_api_key');
    expect(await readFile(file(), 'utf8')).toBe(damaged);
    expect(await store.get('gemini_api_key')).toBe('AIza-mem-5555');
    expect(store.kind).toBe('memory');
    expect(await store.warning('gemini_api_key')).toMatch(/secrets\.bin\.json is damaged \(not JSON: .*\); it is left as it is/);
    await writeFile(file(), '["not", "a map"]');
    const other = new KeychainSecretStore(dir, fakeKeychain(), 'linux', {});
    expect(await other.warning('openai_api_key')).toMatch(/damaged \(not a JSON object\)/);
  });

  it('offers environment keys apart from stored ones', async () => {
    const store = new KeychainSecretStore(dir, fakeKeychain(), 'linux', { GEMINI_API_KEY: 'AIza-env-6666' });
    expect(await store.get('gemini_api_key')).toBeNull();
    expect(store.environmentKey('gemini_api_key')).toBe('AIza-env-6666');
    expect(store.environmentKey('openai_api_key')).toBeNull();
  });
});
