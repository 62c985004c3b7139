// BrowserPool's two ways to a browser: launch its own (the app's default) or connect to one already serving
// at a Playwright endpoint (how test processes share the run's one Chromium, test/setup/browser-server.ts).
import { join } from 'node:path';
import { chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool, launchArgs } from '../../main/browser/pool';
import { findBrowser } from '../../main/browser/find-browser';
import { sharedBrowserEndpoint } from '../helpers/shared-browser';
import { serveFolder } from '../helpers/static-server';

let server: Awaited<ReturnType<typeof serveFolder>>;
beforeAll(async () => {
  server = await serveFolder(join(import.meta.dirname, '../fixtures/pages'));
});
afterAll(async () => {
  await server?.close();
});

async function titleThrough(pool: BrowserPool): Promise<string> {
  const session = await pool.newSession();
  try {
    await session.page.goto(`${server.url}/form.html`);
    return await session.page.title();
  } finally {
    await session.close();
  }
}

describe('BrowserPool', () => {
  it('connects to a browser server; closing the pool disconnects and leaves the server for the next pool', async () => {
    const endpoint = sharedBrowserEndpoint();
    expect(endpoint, 'the vitest global setup serves one Chromium').toMatch(/^ws:\/\//);
    const first = new BrowserPool({ wsEndpoint: endpoint });
    expect(await titleThrough(first)).toBe('Fixture form');
    await first.close();
    const second = new BrowserPool({ wsEndpoint: endpoint });
    try {
      expect(await titleThrough(second)).toBe('Fixture form');
    } finally {
      await second.close();
    }
  });

  it('fails a new session with an error, not a hang, once the server it used has gone away', async () => {
    const location = findBrowser();
    const own = await chromium.launchServer({ executablePath: location.executablePath!, headless: true, args: launchArgs() });
    const pool = new BrowserPool({ wsEndpoint: own.wsEndpoint() });
    try {
      expect(await titleThrough(pool)).toBe('Fixture form');
      await own.close();
      await expect(titleThrough(pool)).rejects.toThrow();
    } finally {
      await pool.close();
      await own.close().catch(() => undefined);
    }
  });

  it('launches its own Chromium when given no endpoint (the app\'s default)', async () => {
    const pool = new BrowserPool();
    try {
      expect(await titleThrough(pool)).toBe('Fixture form');
    } finally {
      await pool.close();
    }
  });
});
