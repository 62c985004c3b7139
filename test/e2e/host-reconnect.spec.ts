import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { startCoreHost } from '../../main/host/core-host';
import { ownHost } from './own-host';

// The web client's access token (issue 14; the cookie-leak audit finding of the sixth session): the printed URL
// moves the token into the origin's storage, no cookie is ever set, another listener on 127.0.0.1 receives
// nothing of it, and the page reconnects on its own after a restart with the same token; with a new token it
// tells the person to open the new URL. Restarts the host, so this spec has its own core and host.
const FIRST_TOKEN = 'first-token-0123456789abcdef';
const app = ownHost('mira-e2e-reconnect-', { sandbox: { instancesPerFamily: 1 } }, undefined, { port: 0, token: FIRST_TOKEN });

const serveOn = (port: number, token: string) => startCoreHost(app.core, { port, token });

test('the token leaves the address bar for the origin\'s storage, and never reaches another port', async ({ browser }) => {
  // A fresh browser, as a person's: nothing stored yet.
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  // Another program's server on this machine, as the person's browser might load it.
  const seen: IncomingHttpHeaders[] = [];
  const neighbour = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>neighbour</title><img src="/pixel.png">');
  });
  await new Promise<void>((resolve) => neighbour.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`${app.host.url}/#/tasks`);
    await expect(page.getByRole('alert')).toContainText('This tab has no access token for the workbench: open the URL it printed in its terminal');

    await page.goto(`${app.host.loginUrl}#/tasks`);
    await expect(page).toHaveURL(`${app.host.url}/#/tasks`);
    await expect(page.getByRole('heading', { name: 'Sandbox tasks' })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('mira-token'))).toBe(FIRST_TOKEN);
    expect(await context.cookies()).toEqual([]);

    await page.goto(`http://127.0.0.1:${(neighbour.address() as AddressInfo).port}/`);
    await expect(page).toHaveTitle('neighbour');
    expect(seen.length).toBeGreaterThan(0);
    for (const headers of seen) expect(JSON.stringify(headers)).not.toContain(FIRST_TOKEN);

    // A second tab typed by hand (no token in its URL) is let in from storage.
    const second = await context.newPage();
    await second.goto(`${app.host.url}/#/tasks`);
    await expect(second.getByRole('heading', { name: 'Sandbox tasks' })).toBeVisible();
  } finally {
    await context.close();
    await new Promise<void>((resolve) => neighbour.close(() => resolve()));
  }
});

test('the page reconnects after a restart, and asks for the new URL when the token changed', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/tasks`);
  await expect(page).toHaveURL(`${app.host.url}/#/tasks`);
  await expect(page.getByRole('heading', { name: 'Sandbox tasks' })).toBeVisible();

  const port = app.host.port;
  await app.host.close();
  app.host = await serveOn(port, FIRST_TOKEN);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('link', { name: 'Runs' }).click();
  await nav.getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByRole('heading', { name: 'Sandbox tasks' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await app.host.close();
  app.host = await serveOn(port, 'second-token-0123456789abcdef');
  await nav.getByRole('link', { name: 'Runs' }).click();
  await expect(page.getByRole('alert')).toContainText('has a new access token: open the URL it printed in its terminal');

  // Opening the new URL is all it takes.
  await page.goto(`${app.host.loginUrl}#/tasks`);
  await expect(page.getByRole('heading', { name: 'Sandbox tasks' })).toBeVisible();
});
