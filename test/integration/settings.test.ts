import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { SettingsStore } from '../../main/settings/settings-store';

let dir: string;
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
  await rm(dir, { recursive: true, force: true });
});

async function allFilesText(root: string): Promise<string> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push((await readFile(join(entry.parentPath, entry.name))).toString('latin1'));
  }
  return out.join('\n');
}

describe('settings and secrets', () => {
  it('saves settings atomically, merges nested sections, and keeps the API key out of every file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mira-settings-'));
    core = await createCore({ dataDir: dir, sandbox: false, secrets: new MemorySecretStore({}) });
    const before = await core.api.getSettings();
    expect(before.settings.provider).toBe('none');
    expect(before.secrets.gemini_api_key).toEqual({ set: false, hint: null, storage: 'memory' });

    const updated = await core.api.updateSettings({ provider: 'gemini', gemini: { model: 'gemini-2.5-flash' } as never });
    expect(updated.settings.gemini).toEqual({ model: 'gemini-2.5-flash', baseUrl: null, thinkingBudget: 'dynamic' });
    const view = await core.api.setSecret('gemini_api_key', 'AIzaSyTESTKEY-1234');
    expect(view.secrets.gemini_api_key).toEqual({ set: true, hint: '…1234', storage: 'memory' });
    expect(JSON.stringify(view)).not.toContain('AIzaSyTESTKEY');

    const saved = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect(saved.provider).toBe('gemini');
    await core.close();
    core = null;
    expect(await allFilesText(dir)).not.toContain('AIzaSyTESTKEY');
    const cleared = await new MemorySecretStore({}).get('gemini_api_key');
    expect(cleared).toBeNull();
  });

  it('reports a key from the environment as such', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mira-settings-'));
    core = await createCore({ dataDir: dir, sandbox: false, secrets: new MemorySecretStore({ OPENAI_API_KEY: 'sk-env-abcd' }) });
    expect((await core.api.getSettings()).secrets.openai_api_key).toEqual({ set: true, hint: '…abcd', storage: 'environment' });
    const view = await core.api.clearSecret('openai_api_key');
    expect(view.secrets.openai_api_key.storage).toBe('environment');
  });

  it('refuses a settings file that does not parse instead of overwriting it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mira-settings-'));
    await writeFile(join(dir, 'settings.json'), '{ "provider": ');
    await expect(new SettingsStore(dir).load()).rejects.toThrow(/settings\.json is not valid JSON/);
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe('{ "provider": ');
  });
});
