import { defineConfig } from '@playwright/test';
import { findBrowser } from '../../main/browser/find-browser';
import { launchArgs } from '../../main/browser/pool';
import { E2E_AUTH_FILE } from './state';

// E2E tests drive the real renderer in web mode, in real Chromium: Playwright's own browser when installed,
// otherwise the system's (Debian's chromium on CI).
const browser = findBrowser();

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  globalSetup: './global-setup.ts',
  timeout: 60_000,
  // The server runs real episodes on a 2-core machine: waits are generous so a busy moment is not a failure
  // (speed is measured in `npm run bench`, not here).
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  use: {
    headless: true,
    viewport: { width: 1440, height: 900 },
    // The web host requires its token: every page starts with it in the origin's storage (state.ts).
    storageState: E2E_AUTH_FILE,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: browser.executablePath ?? undefined,
      args: launchArgs(),
    },
  },
});
