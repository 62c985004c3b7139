import { expect, test } from '@playwright/test';
import { saveView } from './shots';
import { e2eState } from './state';

// The web-UI audit of 2026-12-05: at 1280×720 the Episodes table was 1612 px wide, so Stop reason, Tags and
// Started (the default sort) sat off to the right with the sideways scrollbar below the fold. All ten columns
// now fit the window; a cell too long for its column is cut, with its full text on hover.
test.use({ viewport: { width: 1280, height: 720 } });

test('the episodes table shows all its columns in a 1280 px window, long cells cut with their text on hover', async ({ page }) => {
  const { url } = e2eState();
  await page.goto(`${url}/#/`);
  const table = page.getByTestId('episode-table');
  const rows = table.getByTestId('episode-row');
  await expect(rows.first()).toBeVisible();

  const headers = table.getByRole('columnheader');
  await expect(headers).toHaveText(['Task', 'Site', 'Policy', 'Outcome', 'Failure mode', 'Score', 'Steps', 'Stop reason', 'Tags', /^Started/]);
  for (const name of ['Stop reason', 'Tags', 'Started']) {
    const box = (await headers.filter({ hasText: name }).boundingBox())!;
    expect(box.x + box.width, `${name}'s right edge`).toBeLessThanOrEqual(1280);
  }
  const window = page.getByTestId('episode-table-window');
  const widths = {
    table: await window.evaluate((el) => el.scrollWidth),
    shown: await window.evaluate((el) => el.clientWidth),
    page: await page.evaluate<number>('document.documentElement.scrollWidth'),
  };
  expect(widths.table).toBeLessThanOrEqual(widths.shown);
  expect(widths.page).toBeLessThanOrEqual(1280);
  await saveView(page, 'episodes-1280');

  // Every row's Started cell is on screen, its full date and time on hover.
  const started = rows.first().getByRole('cell').last();
  await expect(started).toBeInViewport();
  await expect(started).toHaveAttribute('title', /\d{4}/);
  // The task's whole instruction is the Task cell's title, with its task id.
  const task = rows.first().getByRole('cell').first();
  const shown = (await task.innerText()).trim();
  expect(await task.getAttribute('title')).toMatch(/\n\(task sandbox\/shop\//);
  expect((await task.getAttribute('title'))!.startsWith(`${shown}\n`)).toBe(true);
});
