import { expect, test } from '@playwright/test';
import { chromium, type BrowserServer } from 'playwright';
import { findBrowser } from '../../main/browser/find-browser';
import { launchArgs } from '../../main/browser/pool';
import { ownHost } from './own-host';
import { saveView } from './shots';

// Remote browsers on the Runs page (issue 23): a workbench with its local browser and one Playwright browser
// server runs two episodes, one on each; the table shows both endpoints' load, then the server's death.
// Its own core and host, so the shared e2e host keeps its single local browser.
let server: BrowserServer;
const app = ownHost(
  'mira-e2e-endpoints-',
  async () => {
    server = await chromium.launchServer({ executablePath: findBrowser().executablePath!, headless: true, args: launchArgs() });
    return { sandbox: { instancesPerFamily: 1 }, browserEndpoints: ['local#max=1', `${server.wsEndpoint()}#max=1`] };
  },
  async (core) => {
    const tasks = core.catalog!.all().slice(0, 2).map((t) => t.id);
    const { done } = await core.run({ taskIds: tasks, policy: 'oracle', capture: 'none', scheduler: { concurrency: 2 } });
    await done;
  },
);
test.afterAll(async () => {
  await server?.close().catch(() => undefined);
});

test('the Runs page shows each browser endpoint with its load, and a dead one as down', async ({ page }) => {
  await page.goto(app.host.loginUrl);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Runs' }).click();
  const table = page.getByTestId('endpoint-table');
  await expect(page.getByRole('heading', { name: 'Browser endpoints' })).toBeVisible();
  const rows = table.getByTestId('endpoint-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('local');
  await expect(rows.nth(1)).toContainText(server.wsEndpoint());
  await expect(rows.nth(1)).toContainText('Playwright server');
  await expect(rows.nth(1).getByTestId('endpoint-health')).toHaveText('connected');
  // Each ran one of the two episodes; both are finished, so nothing is open.
  for (const i of [0, 1]) {
    await expect(rows.nth(i).getByTestId('endpoint-load')).toHaveText('0 / 1');
    await expect(rows.nth(i).locator('td').nth(4)).toHaveText('1');
  }
  await saveView(page, 'runs-browser-endpoints');

  await server.kill();
  // The table refreshes on its own; the dead endpoint rests and says why.
  await expect(rows.nth(1).getByTestId('endpoint-health')).toContainText(/down|disconnected/, { timeout: 30_000 });
  await expect(rows.nth(1).locator('td').nth(5)).toHaveText('1');
  await expect(rows.nth(1)).toContainText('disconnected');
  await expect(rows.nth(0).getByTestId('endpoint-health')).toHaveText('connected');
});
