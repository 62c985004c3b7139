// The test run's shared Chromium (test/setup/browser-server.ts): its endpoint, and a connection to it for
// tests that drive Playwright directly. Outside vitest's global setup (none provided), pools launch their own.
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, inject } from 'vitest';
import { findBrowser } from '../../main/browser/find-browser';
import { BrowserPool, launchArgs } from '../../main/browser/pool';
import type { BrowserSession } from '../../main/browser/session';

export function sharedBrowserEndpoint(): string | null {
  return inject('browserWsEndpoint') ?? null;
}

/** A Browser for a test file: connected to the shared one when there is one, else launched. Close it after. */
export async function connectBrowser(): Promise<Browser> {
  const endpoint = sharedBrowserEndpoint();
  if (endpoint) return chromium.connect(endpoint);
  const location = findBrowser();
  if (!location.executablePath) throw new Error(location.problem ?? 'No browser found.');
  return chromium.launch({ executablePath: location.executablePath, headless: true, args: launchArgs() });
}

/** One browser session on the shared Chromium for a test file: opened before its first test, closed after its
 * last. Read `.session` inside tests. */
export function useBrowserSession(): { readonly session: BrowserSession } {
  const held = {} as { pool?: BrowserPool; session: BrowserSession };
  beforeAll(async () => {
    held.pool = new BrowserPool({ wsEndpoint: sharedBrowserEndpoint() });
    held.session = await held.pool.newSession();
  });
  afterAll(async () => {
    await held.session?.close();
    await held.pool?.close();
  });
  return held;
}
