import { expect, test } from '@playwright/test';
import { saveView } from './shots';
import { e2eState } from './state';

test('hand-edit a task\'s subgoal set, save a new version, and diff it against the previous one', async ({ page }) => {
  const { url, longestTask } = e2eState();
  await page.goto(`${url}/#/subgoals/${encodeURIComponent(longestTask)}`);
  await expect(page.getByRole('heading', { name: 'Subgoals' })).toBeVisible();
  await expect(page.getByLabel('Task')).toHaveValue(longestTask);
  const versions = page.getByTestId('subgoal-versions').getByRole('listitem');
  const rows = page.getByTestId('subgoal-row');

  // Start from the current set (the sandbox's reference milestones), or from an empty one.
  await expect(page.getByRole('region', { name: 'Edit subgoals' })).toBeVisible();
  const before = await versions.count();
  if ((await rows.count()) === 0) {
    await page.getByRole('button', { name: 'Add subgoal' }).click();
    await page.getByLabel('Subgoal 1 text').fill('Open the product page');
    await page.getByRole('button', { name: 'Add subgoal' }).click();
    await page.getByLabel('Subgoal 2 text').fill('Put the item in the cart');
  }
  const count = await rows.count();
  const second = await page.getByLabel('Subgoal 2 text').inputValue();

  // Change a text, reorder, add one with a predicate, remove one.
  await page.getByLabel('Subgoal 1 text').fill('Find the boots by searching for them');
  await page.getByRole('button', { name: 'Move subgoal 2 up' }).click();
  await expect(page.getByLabel('Subgoal 1 text')).toHaveValue(second);
  await page.getByRole('button', { name: 'Add subgoal' }).click();
  await page.getByLabel(`Subgoal ${count + 1} text`).fill('Reach the order confirmation');
  await page.getByLabel(`Subgoal ${count + 1} predicate`).fill('{"kind":"url_matches","pattern":"/order/"}');
  await page.getByRole('button', { name: `Remove subgoal ${count + 1}` }).click();
  await expect(rows).toHaveCount(count);
  await page.getByRole('button', { name: 'Add subgoal' }).click();
  await page.getByLabel(`Subgoal ${count + 1} text`).fill('Reach the order confirmation');
  await page.getByLabel(`Subgoal ${count + 1} predicate`).fill('{"kind":"url_matches","pattern":"/order/"}');

  // A broken predicate is refused with a clear message before anything is saved.
  await page.getByLabel('Subgoal 1 predicate').fill('{not json');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByRole('alert')).toHaveText('Subgoal 1: the predicate is not valid JSON.');
  await page.getByLabel('Subgoal 1 predicate').fill('');

  await page.getByLabel('Note').fill('search first, confirm the order');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByRole('status')).toHaveText(/Saved as version \d+\./);
  await expect(versions).toHaveCount(before + 1);
  await expect(versions.first()).toContainText('hand (current)');
  await expect(versions.first()).toContainText('search first, confirm the order');
  await expect(rows).toHaveCount(count + 1);

  if (before > 0) {
    const diff = page.getByTestId('subgoal-diff');
    await expect(diff.locator('.added').filter({ hasText: 'Find the boots by searching for them' })).toBeVisible();
    await expect(diff.locator('.added').filter({ hasText: 'Reach the order confirmation' })).toBeVisible();
    await expect(diff.locator('.removed').first()).toBeVisible();
  }
  await saveView(page, 'subgoals', true);

  // An older version loads back into the editor.
  await versions.last().getByRole('button').click();
  await expect(page.getByRole('heading', { name: /Editing from version 1/ })).toBeVisible();

  // Regenerating needs a teacher LLM; without a provider the page says so instead of failing silently.
  await page.getByRole('button', { name: 'Regenerate with the teacher' }).click();
  await expect(page.getByRole('alert')).toContainText('Regeneration failed');
});
