// BrowserPool over several endpoints (issue 23 "Remote browsers"), one connection kind at a time: a Chromium
// DevTools endpoint (http://…, connectOverCDP), and a Playwright server that dies between sessions (the pool
// marks it, moves the next session to the local browser, and says so in its status).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEndpointList } from '../../main/api/endpoint-spec';
import { findBrowser } from '../../main/browser/find-browser';
import { BrowserPool, launchArgs } from '../../main/browser/pool';
import { sharedBrowserEndpoint } from '../helpers/shared-browser';
import { serveFolder } from '../helpers/static-server';

let site: Awaited<ReturnType<typeof serveFolder>>;
beforeAll(async () => {
  site = await serveFolder(join(import.meta.dirname, '../fixtures/pages'));
});
afterAll(async () => {
  await site?.close();
});

async function titleThrough(pool: BrowserPool): Promise<{ title: string; endpoint: string }> {
  const session = await pool.newSession();
  try {
    await session.page.goto(`${site.url}/form.html`);
    return { title: await session.page.title(), endpoint: session.endpoint };
  } finally {
    await session.close();
  }
}

/** Chromium with a DevTools port, as a user starts one for CDP (`--remote-debugging-port`): its port is read
 * from DevToolsActivePort in the profile, which Chromium writes once it listens. */
async function startDevToolsChromium(): Promise<{ url: string; process: ChildProcess; profile: string }> {
  const profile = await mkdtemp(join(tmpdir(), 'mira-cdp-'));
  // In its own process group, killed as a group (killGroup): Debian's /usr/bin/chromium-headless-shell is a shell
  // script that runs the browser as its child, so killing the script alone would leave the browser running.
  const child = spawn(findBrowser().executablePath!, ['--headless', '--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1', `--user-data-dir=${profile}`, ...launchArgs(), 'about:blank'], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 600; i++) {
    const text = await readFile(join(profile, 'DevToolsActivePort'), 'utf8').catch(() => '');
    const port = Number(text.split('\n')[0]);
    if (port > 0) return { url: `http://127.0.0.1:${port}`, process: child, profile };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  killGroup(child);
  throw new Error('Chromium did not open its DevTools port.');
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    child.kill('SIGKILL'); // the group is gone already
  }
}

describe('BrowserPool with remote endpoints', () => {
  it('opens sessions on a CDP endpoint (http://…) and reports it as kind cdp', { timeout: 120_000 }, async () => {
    const cdp = await startDevToolsChromium();
    const pool = new BrowserPool({ wsEndpoint: sharedBrowserEndpoint(), endpoints: parseEndpointList(['local#max=0', `${cdp.url}#max=2`]) });
    try {
      expect(await titleThrough(pool)).toEqual({ title: 'Fixture form', endpoint: cdp.url });
      expect(pool.endpointStatus()).toEqual([expect.objectContaining({ endpoint: cdp.url, kind: 'cdp', connected: true, limit: 2, activeContexts: 0, contextsOpened: 1, failures: 0 })]);
    } finally {
      await pool.close();
      killGroup(cdp.process);
      await rm(cdp.profile, { recursive: true, force: true }).catch(() => undefined);
    }
  });

  it('moves sessions off a Playwright server that died, marking it failed, and never leaks a place', { timeout: 120_000 }, async () => {
    const server = await chromium.launchServer({ executablePath: findBrowser().executablePath!, headless: true, args: launchArgs() });
    const remote = server.wsEndpoint();
    const pool = new BrowserPool({ wsEndpoint: sharedBrowserEndpoint(), endpoints: parseEndpointList(['local#max=1', `${remote}#max=4`]) });
    try {
      // Equal free shares: the local browser first; it is then full, so the next goes to the server.
      const first = await pool.newSession();
      const held = await pool.newSession();
      expect([first.endpoint, held.endpoint]).toEqual(['local', remote]);
      await first.close();
      await server.kill();
      // The held session learns its browser is gone; the next one opens on the local browser, though the
      // server had more room, because a failed endpoint rests.
      await expect.poll(() => held.crashed, { timeout: 30_000 }).toMatch(/went away/);
      expect(await titleThrough(pool)).toEqual({ title: 'Fixture form', endpoint: 'local' });
      await held.close();
      const [local, dead] = pool.endpointStatus();
      expect(local).toMatchObject({ kind: 'local', connected: true, failures: 0, activeContexts: 0, contextsOpened: 2 });
      expect(dead).toMatchObject({ kind: 'ws', connected: false, failures: 1, activeContexts: 0, contextsOpened: 1 });
      expect(dead.lastError).toContain('disconnected');
      expect(dead.restingUntil).not.toBeNull();
      expect(pool.slots.inUse).toBe(0);
    } finally {
      await pool.close();
      await server.close().catch(() => undefined);
    }
  });
});
