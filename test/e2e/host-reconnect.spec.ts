import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createCore, type Core } from '../../main/core';
import { startCoreHost } from '../../main/host/core-host';
import type { WebHost } from '../../main/host/web-host';

// The web client against a host that restarts (issue 14): with the same token the open page reconnects on
// its own (the browser re-sends the token cookie); with a new token it tells the person to open the new URL.
// Restarts the host, so this spec has its own core and host.
let dir: string;
let core: Core;
let host: WebHost;
const FIRST_TOKEN = 'first-token-0123456789abcdef';

const serveOn = (port: number, token: string) => startCoreHost(core, {
  port,
  token,
});

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-e2e-reconnect-'));
  core = await createCore({ dataDir: dir, sandbox: { instancesPerFamily: 1 }, mode: 'web' });
  host = await serveOn(0, FIRST_TOKEN);
});
test.afterAll(async () => {
  await host?.close();
  await core?.close();
  await rm(dir, { recursive: true, force: true });
});

test('the page reconnects after a restart, and asks for the new URL when the token changed', async ({ page }) => {
  await page.goto(`${host.loginUrl}#/tasks`);
  // The token left the address bar: the cookie carries it now.
  await expect(page).toHaveURL(`${host.url}/#/tasks`);
  await expect(page.getByRole('heading', { name: 'Sandbox tasks' })).toBeVisible();

  const port = host.port;
  await host.close();
  host = await serveOn(port, FIRST_TOKEN);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('link', { name: 'Runs' }).click();
  await nav.getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByRole('heading', { name: 'Sandbox tasks' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await host.close();
  host = await serveOn(port, 'second-token-0123456789abcdef');
  await nav.getByRole('link', { name: 'Runs' }).click();
  await expect(page.getByRole('alert')).toContainText('has a new access token: open the URL it printed in its terminal');

  // Opening the new URL is all it takes.
  await page.goto(`${host.loginUrl}#/tasks`);
  await expect(page.getByRole('heading', { name: 'Sandbox tasks' })).toBeVisible();
});
