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
  // Subgoal quality over the one failed episode (K = 3, none done): the sample, and why each number is undefined.
  const quality = page.getByTestId('subgoal-quality');
  await expect(quality.getByRole('heading')).toHaveText('Subgoals as a progress signal');
  await expect(quality.getByTestId('subgoal-quality-sample')).toContainText('Over 1 scored episode (0 succeeded, 1 failed), K = 3 subgoals each.');
  await expect(quality.getByRole('row', { name: /^AUROC/ })).toHaveText('AUROC—Undefined: every episode failed, so there is no successful–failed pair to compare.');
  await expect(quality.getByRole('row', { name: /^Recall/ })).toContainText('Undefined: no episode succeeded.');
  await expect(quality.getByTestId('subgoal-quality-bins')).toHaveText('Success by subgoals completed: 0 of 3 done: 0/1 succeeded');
  await page.screenshot({ path: 'test-results/e2e/run-report.png', fullPage: true });
  await saveView(page, 'run-report', true);

  // The failed episode opens in replay at its key decision step, marked on the timeline.
  await page.getByTestId('failure-table').getByRole('row').nth(1).click();
  await expect(page.getByTestId('analysis')).toContainText('Failure: wrong termination');
  const key = page.getByTestId('key-step');
  await expect(key).toHaveCount(1);
  await expect(key).toHaveAttribute('aria-current', 'step');
  await page.screenshot({ path: 'test-results/e2e/replay-key-step.png' });

  // The oracle run solved both tasks: pass@1 = 100%, and that label above the top point lies wholly inside
  // the chart (it used to rise out of the SVG and be cut off).
  await page.goto(`${url}/#/runs`);
  await rows.filter({ hasText: 'oracle' }).click();
  const top = page.getByTestId('passk-chart').getByTestId('point').locator('text').first();
  await expect(top).toHaveText('100%');
  const inside = await top.evaluate((el) => {
    const box = (el as SVGTextElement).getBBox();
    const view = (el as SVGTextElement).ownerSVGElement!.viewBox.baseVal;
    return box.y >= view.y && box.x >= view.x && box.y + box.height <= view.y + view.height && box.x + box.width <= view.x + view.width;
  });
  expect(inside).toBe(true);
});
