import { expect, test } from '@playwright/test';
import { e2eState } from './state';

// The UI audit of 2026-12-05: with tasks ticked far down the Tasks page, "Run N selected" (in the bar that stays
// at the top of the window) refused to start an LLM policy with no provider set up, but said so above the bar,
// scrolled out of sight: the button seemed to do nothing. The refusal now shows in the bar, in view.
test('a refused start says why in view, next to the Run button, however far down the page the tasks are', async ({ page }) => {
  const { url } = e2eState();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${url}/#/tasks`);
  const family = page.getByTestId('family').filter({ hasText: 'shop/add-to-cart' });
  await family.locator('summary').click();
  await family.getByLabel('Select all of shop/add-to-cart').check();
  expect(await page.evaluate('window.scrollY')).toBeGreaterThan(300);

  const bar = page.getByRole('group', { name: 'Run selected tasks' });
  await bar.getByLabel('Policy').selectOption('react');
  await bar.getByRole('button', { name: /^Run \d+ selected$/ }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'No LLM provider is configured' });
  await expect(refusal).toBeInViewport({ ratio: 1 });
  await expect(refusal.getByRole('link', { name: 'Open Settings' })).toBeInViewport();
});
