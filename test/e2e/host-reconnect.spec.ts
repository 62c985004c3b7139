import { expect, test } from '@playwright/test';
import { startCoreHost } from '../../main/host/core-host';
import { ownHost } from './own-host';

// The web client against a host that restarts (issue 14): with the same token the open page reconnects on
// its own (the browser re-sends the token cookie); with a new token it tells the person to open the new URL.
// Restarts the host, so this spec has its own core and host.
const FIRST_TOKEN = 'first-token-0123456789abcdef';
const app = ownHost('mira-e2e-reconnect-', { sandbox: { instancesPerFamily: 1 } }, undefined, { port: 0, token: FIRST_TOKEN });

const serveOn = (port: number, token: string) => startCoreHost(app.core, { port, token });

test('the page reconnects after a restart, and asks for the new URL when the token changed', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/tasks`);
  // The token left the address bar: the cookie carries it now.
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
