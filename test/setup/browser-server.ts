// Vitest global setup: one Chromium for the whole test run. It is started once as a Playwright browser
// server; every test process connects to it (BrowserPool's wsEndpoint, via test/helpers/shared-browser.ts)
// instead of launching its own, which on a 2-core machine saves a browser start per test file.
import { chromium } from 'playwright';
import type { TestProject } from 'vitest/node';
import { findBrowser } from '../../main/browser/find-browser';
import { launchArgs } from '../../main/browser/pool';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared browser's endpoint; null when no Chromium was found (browser tests then fail saying what to install). */
    browserWsEndpoint: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const location = findBrowser();
  if (!location.executablePath) {
    project.provide('browserWsEndpoint', null);
    return async () => undefined;
  }
  const server = await chromium.launchServer({ executablePath: location.executablePath, headless: true, args: launchArgs() });
  project.provide('browserWsEndpoint', server.wsEndpoint());
  return () => server.close();
}
