import { expect, test } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DesktopBridge, PickBrowserResult } from '../../main/api/desktop';
import { createCore, type Core } from '../../main/core';
import { startCoreHost } from '../../main/host/core-host';
import type { WebHost } from '../../main/host/web-host';
import { saveView } from './shots';

// First run with no Chromium (issue 18): a workbench whose browser does not exist shows what to install
// instead of failing runs. Its own core and host, so the shared e2e host keeps its browser.
let dataDir: string;
let missingBrowser: string;
let core: Core;
let host: WebHost;

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mira-e2e-no-browser-'));
  missingBrowser = join(dataDir, 'chromium-not-installed-yet');
  core = await createCore({ dataDir, browserPath: missingBrowser, sandbox: false, mode: 'web' });
  host = await startCoreHost(core);
});
test.afterAll(async () => {
  await host?.close();
  await core?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('web mode says what to install, with no file-picker button, and can be set aside', async ({ page }) => {
  await page.goto(host.loginUrl);
  const screen = page.getByTestId('no-browser');
  await expect(page.getByRole('heading', { name: 'No Chromium found' })).toBeVisible();
  await expect(screen).toContainText('sudo apt-get install chromium');
  await expect(screen).toContainText('npx playwright install chromium');
  await expect(screen).toContainText('--browser /path/to/chrome');
  await expect(screen.getByTestId('no-browser-problem')).toContainText(`The configured browser path ${missingBrowser} does not exist.`);
  await expect(page.getByRole('button', { name: 'Choose a browser…' })).toHaveCount(0);
  await expect(screen).toContainText('chosen where the workbench is started, never from this page');
  await saveView(page, 'no-browser');

  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(screen.getByRole('status')).toHaveText('Still no Chromium found.');

  await page.getByRole('button', { name: 'Continue without a browser' }).click();
  await expect(screen).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
});

test('the desktop app adds "Choose a browser…", and a refused choice is explained', async ({ page }) => {
  // The preload's bridge, answered as the shell answers a file that is not a program (the real bridge and
  // its dialogs are covered by test/integration/electron-bundle.test.ts).
  await page.addInitScript(() => {
    const refused: PickBrowserResult = { status: 'invalid', message: "/home/me/notes.txt is not executable: choose the browser's executable file." };
    const desktop: DesktopBridge = { pickBrowser: async () => refused };
    Object.assign(window, { miraDesktop: desktop });
  });
  await page.goto(host.loginUrl);
  await page.getByRole('button', { name: 'Choose a browser…' }).click();
  await expect(page.getByTestId('no-browser').getByRole('status')).toHaveText("/home/me/notes.txt is not executable: choose the browser's executable file.");
  await expect(page.getByRole('heading', { name: 'No Chromium found' })).toBeVisible();
});

test('"Check again" finds a browser installed while the workbench runs', async ({ page }) => {
  await page.goto(host.loginUrl);
  await expect(page.getByRole('heading', { name: 'No Chromium found' })).toBeVisible();
  await writeFile(missingBrowser, '#!/bin/sh\n', { mode: 0o755 });
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByTestId('no-browser')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
});
