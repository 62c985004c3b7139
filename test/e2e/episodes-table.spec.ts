import { expect, test } from '@playwright/test';
import { saveView } from './shots';
import { e2eState } from './state';

test('the episodes table filters by outcome, failure category and policy, sorts, and opens replay', async ({ page }) => {
  const { url, longestSteps } = e2eState();
  await page.goto(url);
  const rows = page.getByTestId('episode-row');
  await expect(rows).toHaveCount(3);
  const bars = page.getByTestId('episode-site-chart').getByTestId('bar');
  await expect(bars).toHaveCount(1);
  await expect(page.getByTestId('episode-site-chart')).toContainText('2/3');

  const filters = page.getByRole('search', { name: 'Episode filters' });
  await filters.getByLabel('Outcome').selectOption('failed');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('filter-count')).toHaveText('1 of 3 episodes');
  await expect(page.getByTestId('episode-site-chart')).toContainText('0/1');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(3);

  await filters.getByLabel('Category').selectOption('wrong_termination');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('wrong termination');
  await filters.getByLabel('Category').selectOption('');

  await filters.getByLabel('Policy').selectOption('oracle');
  await expect(rows).toHaveCount(2);
  await filters.getByLabel('Phase').selectOption('eval');
  await expect(rows).toHaveCount(2);
  await saveView(page, 'episodes-filtered');

  // Sort by steps, descending on the second click: the longest episode comes first.
  const stepsHeader = page.getByRole('columnheader', { name: /Steps/ });
  await stepsHeader.getByRole('button').click();
  await expect(stepsHeader).toHaveAttribute('aria-sort', 'ascending');
  await stepsHeader.getByRole('button').click();
  await expect(stepsHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first().getByRole('cell', { name: String(longestSteps), exact: true })).toBeVisible();
  // Why it ended, in words; the stored code stays in the cell's tooltip.
  const stopCell = rows.first().getByRole('cell', { name: 'agent stopped', exact: true });
  await expect(stopCell).toHaveAttribute('title', 'agent_stop');

  await rows.first().click();
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 1 / ${longestSteps}`);
  // Filters survive the trip to replay and back.
  await page.goBack();
  await expect(rows).toHaveCount(2);
  await saveView(page, 'episodes');
});
