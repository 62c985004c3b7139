import { expect, test } from '@playwright/test';
import { e2eState } from './state';

// A run report's episodes are named by their task, as the episodes table and the run comparison name them:
// "Open episode 3eec063b" told a person nothing about which task failed until they opened each one.
test("a run report names each episode and each failed episode by its task's instruction", async ({ page }) => {
  const { url } = e2eState();
  await page.goto(`${url}/#/runs`);
  await page.getByTestId('run-row').filter({ hasText: 'wrong' }).click();

  const episode = page.getByTestId('run-episodes').getByRole('listitem');
  await expect(episode).toHaveCount(1);
  const link = episode.getByRole('link');
  const name = (await link.innerText()).trim();
  expect(name).not.toMatch(/^Open episode|^[0-9a-f]{8}$/);
  expect(name.length).toBeGreaterThan(15);
  await expect(episode).toContainText(/sandbox\/shop\/[\w-]+\/\d+/);

  const failed = page.getByTestId('failure-table').getByRole('row').nth(1).getByRole('cell').first();
  await expect(failed.getByRole('link')).toHaveText(name);

  // The same words head the episode's replay.
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});
