// Security: getSettings never hands a remote browser endpoint's credentials to a front end. settings.json's
// browserEndpoints may carry a Browserless `?token=` or `user:password@`; the Settings page does not use the
// list (it is start-up only, not writable over the API), so the view shows each endpoint as its status does.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsApi } from '../../../main/settings/settings-api';
import { MemorySecretStore } from '../../../main/settings/secret-store';
import { SettingsStore } from '../../../main/settings/settings-store';

const TOKEN = 'tok-41c9e07d2b';
const PASSWORD = 'pw-9a7b3c1d';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-settings-view-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('settings view', () => {
  it('shows browser endpoints without their tokens or passwords, and leaves the file as it is', async () => {
    const endpoints = [`ws://grid.example:3000/?token=${TOKEN}#max=2`, `http://user:${PASSWORD}@cdp.example:9222`, 'local#max=1'];
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ browserEndpoints: endpoints }));
    const store = new SettingsStore(dir);
    const api = createSettingsApi(store, new MemorySecretStore({}));
    const view = await api.getSettings();
    const shown = JSON.stringify(view);
    expect(shown).not.toContain(TOKEN);
    expect(shown).not.toContain(PASSWORD);
    expect(view.settings.browserEndpoints).toEqual(['ws://grid.example:3000/?token=…#max=2', 'http://…@cdp.example:9222/', 'local#max=1']);
    // The process still connects with the real URLs.
    expect((await store.load()).browserEndpoints).toEqual(endpoints);
  });
});
