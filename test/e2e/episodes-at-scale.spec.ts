import { expect, test } from '@playwright/test';
import { MANY_EPISODES_STEPS, seedManyEpisodes } from '../../scripts/bench/many-episodes';
import { ownHost } from './own-host';
import { saveView } from './shots';

// Issue 22 "Lists at scale": a table of thousands of episodes shows the total, keeps only the rows in view in
// the page, loads the rest a page at a time as it scrolls, and reaches every row. Its own core and host with
// 2,000 seeded episodes (10 pages), so the shared e2e host keeps its three.
const EPISODES = 2_000;
const app = ownHost('mira-e2e-many-episodes-', { sandbox: false }, (core) => seedManyEpisodes(core, EPISODES));

test('the episodes table shows the total, keeps few rows in the page, and scrolls to every row', async ({ page }) => {
  await page.goto(app.host.loginUrl);
  const rows = page.getByTestId('episode-row');
  const window = page.getByTestId('episode-table-window');
  await expect(page.getByTestId('filter-count')).toHaveText(`${EPISODES} of ${EPISODES} episodes`);
  await expect(page.getByTestId('episode-table')).toHaveAttribute('aria-rowcount', String(EPISODES + 1));
  // Newest first: the last seeded episode (i = 1999, sgo, solved) heads the table.
  await expect(rows.first()).toHaveAttribute('aria-rowindex', '2');
  await expect(rows.first().getByRole('cell', { name: 'sgo', exact: true })).toBeVisible();
  expect(await rows.count(), 'only the rows in view (and a margin) are in the page').toBeLessThan(100);
  await saveView(page, 'episodes-at-scale');

  // The middle: row 1001 (on page 5, loaded when scrolled to) shows its data, not a placeholder.
  await window.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  const middle = page.locator('[data-testid="episode-row"][aria-rowindex="1001"]');
  await expect(middle).toBeInViewport();
  await expect(middle.getByRole('cell', { name: String(MANY_EPISODES_STEPS), exact: true })).toBeVisible();

  // The bottom: the oldest episode, started at 2026-01-01T00:00:00Z, is the last row and on screen.
  await window.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = page.locator(`[data-testid="episode-row"][aria-rowindex="${EPISODES + 1}"]`);
  await expect(last).toBeInViewport();
  const oldest = await page.evaluate(() => new Date('2026-01-01T00:00:00Z').toLocaleString());
  await expect(last.getByRole('cell', { name: oldest, exact: true })).toBeVisible();
  await expect(last.getByRole('cell', { name: 'oracle', exact: true })).toBeVisible();
  expect(await rows.count()).toBeLessThan(100);
  await expect(page.getByTestId('episode-row-loading')).toHaveCount(0);

  // A store-side filter narrows the total over every episode, not only the loaded ones.
  await page.getByRole('search', { name: 'Episode filters' }).getByLabel('Policy').selectOption('oracle');
  await expect(page.getByTestId('filter-count')).toHaveText(`${EPISODES / 2} of ${EPISODES} episodes`);
  await window.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const lastOracle = page.locator(`[data-testid="episode-row"][aria-rowindex="${EPISODES / 2 + 1}"]`);
  await expect(lastOracle.getByRole('cell', { name: oldest, exact: true })).toBeVisible();
});
