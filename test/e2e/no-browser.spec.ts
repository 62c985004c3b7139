import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DesktopBridge, PickBrowserResult } from '../../main/api/desktop';
import { ownHost } from './own-host';
import { saveView } from './shots';

// First run with no Chromium (issue 18): a workbench whose browser does not exist shows what to install
// instead of failing runs. Its own core and host, so the shared e2e host keeps its browser.
let missingBrowser: string;
const app = ownHost('mira-e2e-no-browser-', (dataDir) => {
  missingBrowser = join(dataDir, 'chromium-not-installed-yet');
  return { browserPath: missingBrowser, sandbox: false };
});

test('web mode says what to install, with no file-picker button, and can be set aside', async ({ page }) => {
  await page.goto(app.host.loginUrl);
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
  await page.goto(app.host.loginUrl);
  await page.getByRole('button', { name: 'Choose a browser…' }).click();
  await expect(page.getByTestId('no-browser').getByRole('status')).toHaveText("/home/me/notes.txt is not executable: choose the browser's executable file.");
  await expect(page.getByRole('heading', { name: 'No Chromium found' })).toBeVisible();
});

test('"Check again" finds a browser installed while the workbench runs', async ({ page }) => {
  await page.goto(app.host.loginUrl);
  await expect(page.getByRole('heading', { name: 'No Chromium found' })).toBeVisible();
  await writeFile(missingBrowser, '#!/bin/sh\n', { mode: 0o755 });
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByTestId('no-browser')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
});
