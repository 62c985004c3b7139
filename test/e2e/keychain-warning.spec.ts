import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KeychainSecretStore, type SafeStorageLike } from '../../electron/secret-store';
import { ownHost } from './own-host';
import { saveView } from './shots';

// The desktop app on Linux without a keyring (issue 14): Electron's safeStorage reports `basic_text`, so keys
// stay in memory for the session and the Settings page shows why, beside each key. The desktop key store
// runs here with a stand-in safeStorage that answers as Electron does on such a machine; the page is served
// over the web host so Chromium can show it (the IPC path is covered by electron-bundle.test.ts).
const noKeyring: SafeStorageLike = {
  getSelectedStorageBackend: () => 'basic_text',
  isAsyncEncryptionAvailable: async () => true,
  encryptStringAsync: async () => {
    throw new Error('basic_text must not be used');
  },
  decryptStringAsync: async () => {
    throw new Error('basic_text must not be used');
  },
};
const app = ownHost('mira-e2e-keyring-', (dataDir) => ({ sandbox: false, mode: 'desktop', secrets: new KeychainSecretStore(dataDir, noKeyring, 'linux', {}) }));

test('without an OS keyring a saved key is kept for the session, with a visible warning', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/settings`);
  const key = page.getByTestId('secret-gemini_api_key');
  await expect(key.getByTestId('secret-warning')).toContainText('No OS keyring was found');
  await key.getByLabel('Gemini API key', { exact: true }).fill('AIza-e2e-key-4321');
  await key.getByRole('button', { name: 'Save key' }).click();
  await expect(key.getByTestId('secret-status')).toContainText('set (…4321) · this session only (not written to disk)');
  await expect(key.getByTestId('secret-warning')).toContainText('keys are kept in memory for this session only');
  expect(existsSync(join(app.dir, 'secrets.bin.json'))).toBe(false);
  await saveView(page, 'settings-no-keyring', true);
});
