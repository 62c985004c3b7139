import { expect, test } from '@playwright/test';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { ownHost } from './own-host';

// A new user's first minutes (the first-hour audit of 2026-12-05), on a fresh data directory with no LLM
// provider: the empty episode list used to suggest a CLI line that runs all 270 sandbox tasks, the Tasks
// page's disabled "Run 0 selected" said nothing about how to choose and scrolled away with the families, a
// whole family took one click per instance, an LLM run without a provider named Settings without a way
// there (and the message stayed after switching back to the oracle), and choosing Gemini without a key was
// saved without a word.
const app = ownHost('mira-e2e-first-hour-', { sandbox: { instancesPerFamily: 2 }, secrets: new MemorySecretStore({}) });

test('a first start: from the empty list to a chosen family, and an LLM run without a provider to Settings', async ({ page }) => {
  await page.goto(app.host.loginUrl);
  const empty = page.getByTestId('no-episodes');
  await expect(empty).toContainText('No episodes yet.');
  await expect(empty).toContainText('npm run cli -- run --policy oracle --family shop/cheapest-in-category');
  await empty.getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sandbox tasks' })).toBeVisible();

  // Nothing chosen: the run bar says how to choose.
  await expect(page.getByRole('button', { name: 'Run 0 selected' })).toBeDisabled();
  await expect(page.getByTestId('run-hint')).toHaveText('Open a family below and tick the instances to run.');
  const family = page.getByTestId('family').filter({ hasText: 'shop/cheapest-in-category' });
  await family.locator('summary').click();
  const wholeFamily = family.getByLabel('Select all of shop/cheapest-in-category');
  await wholeFamily.check();
  await expect(family.getByRole('checkbox', { name: /^Select sandbox\// })).toHaveCount(2);
  for (const box of await family.getByRole('checkbox', { name: /^Select sandbox\// }).all()) await expect(box).toBeChecked();
  await expect(page.getByRole('button', { name: 'Run 2 selected' })).toBeEnabled();
  await expect(page.getByTestId('run-hint')).toBeHidden();
  // Ticked far down the page, the run button is still in view.
  await page.getByTestId('family').last().scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Run 2 selected' })).toBeInViewport();
  await wholeFamily.uncheck();
  await expect(page.getByRole('button', { name: 'Run 0 selected' })).toBeDisabled();

  // An LLM agent with no provider: the message names Settings and links there.
  await family.getByRole('checkbox', { name: /^Select sandbox\// }).first().check();
  await page.getByLabel('Policy').selectOption('react');
  await page.getByRole('button', { name: 'Run 1 selected' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'No LLM provider is configured' });
  await expect(refusal).toBeVisible();
  // Back to the oracle, the refusal no longer applies.
  await page.getByLabel('Policy').selectOption('oracle');
  await expect(refusal).toBeHidden();
  await page.getByLabel('Policy').selectOption('react');
  await page.getByRole('button', { name: 'Run 1 selected' }).click();
  await refusal.getByRole('link', { name: 'Open Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // Choosing Gemini without a key: the page says what is still missing, not only "Settings saved.".
  await expect(page.getByTestId('provider-gap')).toBeHidden();
  await page.getByLabel('Provider', { exact: true }).selectOption('gemini');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(page.getByTestId('provider-gap')).toHaveText('Gemini has no API key yet: LLM runs are refused until one is saved below (or GEMINI_API_KEY is set before the workbench starts).');
  await page.getByLabel('Provider', { exact: true }).selectOption('none');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('provider-gap')).toBeHidden();
});
