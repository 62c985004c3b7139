import { access, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { SettingsStore } from '../../main/settings/settings-store';

const GOOGLE = 'https://generativelanguage.googleapis.com';
let dir: string;
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
  await rm(dir, { recursive: true, force: true });
});

async function openCore(env: NodeJS.ProcessEnv = {}): Promise<Core> {
  dir = await mkdtemp(join(tmpdir(), 'mira-settings-'));
  return (core = await createCore({ dataDir: dir, sandbox: false, secrets: new MemorySecretStore(env) }));
}

async function allFilesText(root: string): Promise<string> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push((await readFile(join(entry.parentPath, entry.name))).toString('latin1'));
  }
  return out.join('\n');
}

const exists = (path: string) => access(path).then(() => true, () => false);

describe('settings and secrets', () => {
  it('saves settings atomically, merges nested sections, and keeps the API key out of every file', async () => {
    const api = (await openCore()).api;
    const before = await api.getSettings();
    expect(before.settings.provider).toBe('none');
    expect(before.secrets.gemini_api_key).toEqual({ set: false, hint: null, storage: 'memory', endpoint: GOOGLE, note: null });

    const updated = await api.updateSettings({ provider: 'gemini', gemini: { model: 'gemini-2.5-flash' } });
    expect(updated.settings.gemini).toEqual({ model: 'gemini-2.5-flash', baseUrl: null, thinkingBudget: 'dynamic' });
    const view = await api.setSecret('gemini_api_key', 'AIzaSyTESTKEY-1234');
    expect(view.secrets.gemini_api_key).toEqual({ set: true, hint: '…1234', storage: 'memory', endpoint: GOOGLE, note: null });
    expect(JSON.stringify(view)).not.toContain('AIzaSyTESTKEY');

    const saved = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect(saved.provider).toBe('gemini');
    await core!.close();
    core = null;
    expect(await allFilesText(dir)).not.toContain('AIzaSyTESTKEY');
  });

  it('reports an environment key as such, and says when it is kept from a custom endpoint', async () => {
    const api = (await openCore({ GEMINI_API_KEY: 'AIza-env-abcd', OPENAI_API_KEY: 'sk-env-wxyz' })).api;
    const view = await api.getSettings();
    expect(view.secrets.gemini_api_key).toEqual({ set: true, hint: '…abcd', storage: 'environment', endpoint: GOOGLE, note: null });
    expect(view.secrets.openai_api_key).toMatchObject({ set: false, hint: null, note: expect.stringMatching(/^OPENAI_API_KEY is not sent to a custom endpoint; .*--allow-env-key-for-custom-endpoint/) });
    expect((await api.clearSecret('gemini_api_key')).secrets.gemini_api_key.storage).toBe('environment');
  });

  it('updateSettings cannot set browserPath: a field-level error, nothing saved', async () => {
    const api = (await openCore()).api;
    await expect(api.updateSettings({ provider: 'gemini', browserPath: '/tmp/evil.sh' } as never)).rejects.toThrow(
      /^updateSettings: browserPath: cannot be changed over the API .*--browser <path> or MIRA_BROWSER=<path>/,
    );
    expect(await exists(join(dir, 'settings.json'))).toBe(false);
    expect((await api.getSettings()).settings).toMatchObject({ provider: 'none', browserPath: null });
  });

  it('only the trusted shell sets the browser, and only to an executable file', async () => {
    const c = await openCore();
    expect('setBrowserPathFromTrustedShell' in c.api).toBe(false);
    await expect(c.setBrowserPathFromTrustedShell('/etc/passwd')).rejects.toThrow('/etc/passwd is not executable');
    await expect(c.setBrowserPathFromTrustedShell('chromium')).rejects.toThrow('must be absolute');
    const view = await c.setBrowserPathFromTrustedShell(process.execPath);
    expect(view.settings.browserPath).toBe(process.execPath);
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).browserPath).toBe(process.execPath);
  });

  it('a settings.json with a wrong field: field-level error, never merged, never written back', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mira-settings-'));
    const text = JSON.stringify({ provider: 'gemini', gemini: { baseUrl: 'file:///etc/passwd' }, siteProfile: { SHOPPING: 7770 } }, null, 2);
    const file = join(dir, 'settings.json');
    await writeFile(file, text);
    const mtime = (await stat(file)).mtimeMs;
    core = await createCore({ dataDir: dir, sandbox: false, secrets: new MemorySecretStore({}) });
    const failure = await core.api.getSettings().catch((err: Error) => err);
    expect((failure as Error).message).toBe(
      `${file} (fix or remove it): gemini.baseUrl: must be an http:// or https:// URL; siteProfile.SHOPPING: Invalid input: expected string, received number`,
    );
    // A save would have to start from the broken file: refused, the file stays as the user wrote it.
    await expect(core.api.updateSettings({ trainerBackend: 'cpu' })).rejects.toThrow(/gemini\.baseUrl: must be an http/);
    expect(await readFile(file, 'utf8')).toBe(text);
    expect((await stat(file)).mtimeMs).toBe(mtime);
  });

  it('refuses a settings file that does not parse instead of overwriting it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mira-settings-'));
    await writeFile(join(dir, 'settings.json'), '{ "provider": ');
    await expect(new SettingsStore(dir).load()).rejects.toThrow(/settings\.json is not valid JSON/);
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe('{ "provider": ');
  });
});
