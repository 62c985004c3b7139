import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { e2eState } from './state';

// Issue 20: the Settings page's MiniWoB++ checkout field works. A folder that is not a checkout is refused with
// the reason (nothing saved); a checkout is opened at once and its tasks appear where tasks are picked.
const FIXTURE = join(import.meta.dirname, '../fixtures/miniwob');

async function saveWith(page: Page, dir: string): Promise<void> {
  await page.goto(`${e2eState().url}/#/settings`);
  await page.getByLabel('MiniWoB++ checkout', { exact: true }).fill(dir);
  await page.getByRole('button', { name: 'Save settings' }).click();
}

// Other specs expect no MiniWoB++ tasks: clear the field again.
test.afterAll(async ({ browser }, testInfo) => {
  const context = await browser.newContext({ storageState: testInfo.project.use.storageState });
  const page = await context.newPage();
  await saveWith(page, '');
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  await context.close();
});

test('the MiniWoB++ checkout field: a bad folder is refused with the reason, a checkout lists its tasks', async ({ page }) => {
  const { url } = e2eState();
  const missing = '/nonexistent/miniwob-plusplus';
  await saveWith(page, missing);
  await expect(page.getByRole('alert')).toHaveText(`MiniWoB++ checkout not saved: The MiniWoB++ folder ${missing} does not exist (set MINIWOB_DIR to a miniwob-plusplus checkout).`);
  await page.reload();
  await expect(page.getByLabel('MiniWoB++ checkout', { exact: true })).toHaveValue('');

  await saveWith(page, FIXTURE);
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  await page.reload();
  await expect(page.getByLabel('MiniWoB++ checkout', { exact: true })).toHaveValue(FIXTURE);
  await page.goto(`${url}/#/subgoals/${encodeURIComponent('miniwob/click-fixture')}`);
  await expect(page.getByLabel('Task')).toHaveValue('miniwob/click-fixture');
  await expect(page.getByLabel('Task').locator('option', { hasText: /^miniwob\// })).toHaveText(['miniwob/click-fixture', 'miniwob/inbox-fixture']);
});
