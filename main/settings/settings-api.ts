// The Settings part of the core: what the API may change (issue 14). Patches are validated with the
// settings schema (browserPath is refused field-level: it runs as the user's program); keys are saved for
// the endpoint they were entered for and cleared when a provider moves to another host. The browser path
// has its own door, for the desktop shell's native file dialog only — it is not part of the web/IPC API.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { redactEndpoint } from '../api/endpoint-spec';
import { SECRET_NAMES, type SecretName, type SettingsPatch, type SettingsView } from '../api/settings';
import { clearKeysForOtherEndpoints, endpointFor, keyStatus, saveKey, type KeyPolicy } from './api-keys';
import type { SecretStore } from './secret-store';
import { parseSettingsPatch } from '../api/settings-schema';
import type { SettingsStore } from './settings-store';

export interface SettingsApi {
  getSettings(): Promise<SettingsView>;
  updateSettings(patch: SettingsPatch): Promise<SettingsView>;
  setSecret(name: SecretName, value: string): Promise<SettingsView>;
  clearSecret(name: SecretName): Promise<SettingsView>;
  /** For the desktop shell only, after its native file dialog and the user's confirmation: never bound to
   * the WebSocket API or a renderer-invokable IPC method. Checks the path names an executable file. */
  setBrowserPathFromTrustedShell(path: string | null): Promise<SettingsView>;
}

export function createSettingsApi(store: SettingsStore, secrets: SecretStore, policy: KeyPolicy = {}): SettingsApi {
  const view = async (): Promise<SettingsView> => {
    const settings = await store.load();
    const statuses = await Promise.all(SECRET_NAMES.map(async (name) => [name, await keyStatus(secrets, name, settings, policy)] as const));
    // Endpoint URLs may carry a token or password; front ends get them as the status shows them (start-up only).
    const shown = { ...settings, browserEndpoints: settings.browserEndpoints.map(redactEndpoint) };
    return { settings: shown, secrets: Object.fromEntries(statuses) as SettingsView['secrets'] };
  };
  return {
    getSettings: view,
    async updateSettings(patch) {
      // In-process callers get the same check as the transports (schemas.ts).
      const before = await store.loadStored();
      const next = await store.update(parseSettingsPatch(patch));
      // Only a provider whose saved endpoint this update changed loses its key, checked against the endpoint in
      // use: a --base-url given for this session (main/cli/llm-settings.ts) never wipes a key on an unrelated save.
      const after = await store.loadStored();
      const moved = SECRET_NAMES.filter((name) => endpointFor(name, before) !== endpointFor(name, after));
      await clearKeysForOtherEndpoints(secrets, next, moved);
      return view();
    },
    async setSecret(name, value) {
      await saveKey(secrets, name, value, await store.load());
      return view();
    },
    async clearSecret(name) {
      await secrets.delete(name);
      return view();
    },
    async setBrowserPathFromTrustedShell(path) {
      if (path !== null) await checkExecutable(path);
      await store.update({ browserPath: path });
      return view();
    },
  };
}

async function checkExecutable(path: string): Promise<void> {
  if (!isAbsolute(path)) throw new Error(`The browser path must be absolute, not "${path}".`);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new Error(`No browser at ${path}: choose the browser's executable file.`);
  // Windows has no execute bit; elsewhere a non-executable file cannot be the browser.
  if (process.platform !== 'win32') {
    await access(path, constants.X_OK).catch(() => {
      throw new Error(`${path} is not executable: choose the browser's executable file.`);
    });
  }
}
