import { expect, test } from '@playwright/test';
import { saveView } from './shots';
import { e2eState } from './state';

test('the settings view shows the model and browser sections', async ({ page }) => {
  const { url } = e2eState();
  await page.goto(`${url}/#/settings`);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Language model' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Browser and benchmarks' })).toBeVisible();
  await saveView(page, 'settings', true);
});
