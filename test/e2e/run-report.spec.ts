import { expect, test } from '@playwright/test';
import { saveView } from './shots';
import { e2eState } from './state';

test('a run report plots success per site, failure modes and pass@k with the right counts', async ({ page }) => {
  const { url } = e2eState();
  await page.goto(`${url}/#/runs`);
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(2);
  await rows.filter({ hasText: 'wrong' }).click();

  await expect(page.getByTestId('overall-sr')).toHaveText('Success rate 0% (0/1 episodes)');
  const siteBar = page.getByTestId('site-chart').getByTestId('bar');
  await expect(siteBar).toHaveCount(1);
  await expect(siteBar).toHaveAttribute('data-label', 'shopping');
  await expect(page.getByTestId('site-chart')).toContainText('0/1 (0%)');

  const failureBars = page.getByTestId('failure-chart').getByTestId('bar');
  await expect(failureBars).toHaveCount(4);
  await expect(failureBars.filter({ has: page.locator('text', { hasText: 'Wrong termination' }) })).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('failure-chart')).toContainText('1 (100%)');

  await expect(page.getByTestId('passk-chart').getByTestId('point')).toHaveCount(1);
  await expect(page.getByTestId('passk-chart').getByTestId('point')).toHaveAttribute('data-y', '0');
  await page.screenshot({ path: 'test-results/e2e/run-report.png', fullPage: true });
  await saveView(page, 'run-report', true);

  // The failed episode opens in replay at its key decision step, marked on the timeline.
  await page.getByTestId('failure-table').getByRole('row').nth(1).click();
  await expect(page.getByTestId('analysis')).toContainText('Failure: wrong termination');
  const key = page.getByTestId('key-step');
  await expect(key).toHaveCount(1);
  await expect(key).toHaveAttribute('aria-current', 'step');
  await page.screenshot({ path: 'test-results/e2e/replay-key-step.png' });
});
