import { expect, test } from '@playwright/test';
import { e2eState } from './state';

// The episodes list's filters and sort live in the URL (renderer/src/features/runs/episode-url-state.ts):
// a reload and a pasted link open the same list; a junk link opens it unfiltered.
test('the episodes filters and sort survive a reload and a pasted link', async ({ page, context }) => {
  const { url } = e2eState();
  await page.goto(url);
  const rows = page.getByTestId('episode-row');
  // Specs share one data folder, so the number of episodes depends on which ran before: only "some".
  await expect(rows.first()).toBeVisible();
  const filters = page.getByRole('search', { name: 'Episode filters' });
  const stepsHeader = page.getByRole('columnheader', { name: /Steps/ });

  await filters.getByLabel('Policy').selectOption('oracle');
  await filters.getByLabel('Outcome').selectOption('succeeded');
  await stepsHeader.getByRole('button').click();
  await stepsHeader.getByRole('button').click();
  await expect(stepsHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/#\/\?policy=oracle&outcome=succeeded&sort=steps\.desc$/);
  const shown = await rows.allTextContents();
  expect(shown.length).toBeGreaterThan(0);

  const expectSameList = async (target: typeof page) => {
    const bar = target.getByRole('search', { name: 'Episode filters' });
    await expect(bar.getByLabel('Policy')).toHaveValue('oracle');
    await expect(bar.getByLabel('Outcome')).toHaveValue('succeeded');
    await expect(target.getByRole('columnheader', { name: /Steps/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(target.getByTestId('episode-row')).toHaveText(shown);
  };
  await page.reload();
  await expectSameList(page);
  // The brand link goes to the list it is already on: the URL keeps naming the filters.
  await page.locator('a.brand').click();
  await expect(page).toHaveURL(/#\/\?policy=oracle&outcome=succeeded&sort=steps\.desc$/);
  await expectSameList(page);

  const pasted = await context.newPage();
  await pasted.goto(page.url());
  await expectSameList(pasted);

  // Unknown and malformed values are dropped: the list opens unfiltered and in its default order.
  await pasted.goto(`${url.replace(/#.*$/, '')}#/?site=nowhere&outcome=maybe&sort=bogus.up`);
  await pasted.reload();
  const pastedBar = pasted.getByRole('search', { name: 'Episode filters' });
  await expect(pasted.getByTestId('episode-row').first()).toBeVisible();
  await expect(pastedBar.getByLabel('Site')).toHaveValue('');
  await expect(pastedBar.getByLabel('Outcome')).toHaveValue('');
  await expect(pasted.getByRole('columnheader', { name: /Started/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(pasted).toHaveURL(/#\/$/);

  // Back to the filtered link's history entry: its filters and sort come back.
  await pasted.goBack();
  await expectSameList(pasted);
});
