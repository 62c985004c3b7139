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
  // A predicate the core refuses (no pattern) is named as the editor names it, 1-based, and that field marked.
  await page.getByLabel('Subgoal 1 predicate').fill('{"kind":"url_matches"}');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByRole('alert')).toHaveText('Subgoal 1 predicate "pattern": Invalid input: expected string, received undefined');
  await expect(page.getByLabel('Subgoal 1 predicate')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Subgoal 1 predicate')).toBeFocused();
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

test('unsaved subgoal edits survive switching tasks and a reload, a version pick over them asks first, and an older set restores as the current one', async ({ page }) => {
  const { url, longestTask } = e2eState();
  await page.goto(`${url}/#/subgoals/${encodeURIComponent(longestTask)}`);
  const taskSelect = page.getByLabel('Task');
  await expect(taskSelect).toHaveValue(longestTask);
  const editorPanel = page.getByRole('region', { name: 'Edit subgoals' });
  const heading = editorPanel.getByRole('heading');
  const versions = page.getByTestId('subgoal-versions');
  const status = page.getByRole('status');
  await expect(editorPanel).toBeVisible();
  const saveAs = async (firstText: string, note: string) => {
    if ((await page.getByTestId('subgoal-row').count()) === 0) await page.getByRole('button', { name: 'Add subgoal' }).click();
    await page.getByLabel('Subgoal 1 text').fill(firstText);
    await page.getByLabel('Note').fill(note);
    await page.getByRole('button', { name: 'Save as new version' }).click();
    // The new version heads the list (the status line may still show an earlier save until then).
    const head = versions.getByRole('listitem').first();
    await expect(head).toContainText(note);
    await expect(page.getByLabel('Subgoal 1 text')).toHaveValue(firstText);
    const version = Number(/^v(\d+) ·/.exec((await head.getByRole('button').textContent()) ?? '')![1]);
    await expect(status).toHaveText(`Saved as version ${version}.`);
    return version;
  };
  const old = await saveAs('Open the catalogue first', 'the set to restore');
  const newer = await saveAs('Search for the product first', 'search instead');
  expect(newer).toBe(old + 1);
  await expect(page.getByRole('button', { name: 'Save as new version' })).toBeDisabled();

  // Unsaved edits: marked in the heading and beside the task's name.
  await page.getByLabel('Subgoal 1 text').fill('Unsaved milestone text');
  await expect(heading).toHaveText(`Editing from version ${newer} (modified)`);
  await expect(taskSelect.locator('option:checked')).toHaveText(`${longestTask} ● unsaved`);
  // Running from here takes the saved version, and the page says so while the edits are unsaved.
  await expect(page.getByTestId('run-unsaved-note')).toHaveText(`Runs v${newer} as saved: your unsaved edits are not in it (save them to run them).`);

  // Another task, then back: the edits are there again.
  const other = (await taskSelect.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).find((id) => id !== longestTask)!;
  await taskSelect.selectOption(other);
  await expect(page.getByTestId('task-intent')).toBeVisible();
  await expect(heading).not.toContainText('(modified)');
  await expect(page.getByLabel('Subgoal 1 text')).not.toHaveValue('Unsaved milestone text');
  await taskSelect.selectOption(longestTask);
  await expect(page.getByLabel('Subgoal 1 text')).toHaveValue('Unsaved milestone text');
  await expect(heading).toHaveText(`Editing from version ${newer} (modified)`);

  // A reload loses nothing: the edits come back from the tab's storage, still marked.
  await page.reload();
  await expect(page.getByLabel('Subgoal 1 text')).toHaveValue('Unsaved milestone text');
  await expect(heading).toHaveText(`Editing from version ${newer} (modified)`);
  await expect(taskSelect.locator('option:checked')).toHaveText(`${longestTask} ● unsaved`);

  // Picking the older set asks first; keeping the edits changes nothing.
  const oldButton = versions.getByRole('button', { name: new RegExp(`^v${old} · hand`) });
  await oldButton.click();
  const ask = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
  await expect(ask).toContainText(`Loading version ${old} replaces them.`);
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByLabel('Subgoal 1 text')).toHaveValue('Unsaved milestone text');

  // Discarding loads it; one press restores it as the current version.
  await oldButton.click();
  await ask.getByRole('button', { name: `Discard and load v${old}` }).click();
  await expect(heading).toHaveText(`Editing from version ${old}`);
  await expect(page.getByLabel('Subgoal 1 text')).toHaveValue('Open the catalogue first');
  await expect(taskSelect.locator('option:checked')).toHaveText(longestTask);
  await page.getByLabel('Note').fill('back to the catalogue');
  await page.getByRole('button', { name: `Restore version ${old}` }).click();
  await expect(status).toHaveText(`Saved as version ${newer + 1}.`);
  await expect(versions.getByRole('listitem').first()).toContainText(`v${newer + 1} · hand (current)`);
  await expect(versions.getByRole('listitem').first()).toContainText('back to the catalogue');
  await expect(page.getByLabel('Subgoal 1 text')).toHaveValue('Open the catalogue first');

  // The restored set equals the old one: their diff has no added or removed milestone.
  const diffPanel = page.getByRole('region', { name: 'Diff between versions' });
  await diffPanel.getByLabel('From').selectOption(String(old));
  await expect(diffPanel.getByLabel('To')).toHaveValue(String(newer + 1));
  const diff = page.getByTestId('subgoal-diff');
  await expect(diff).toContainText('Open the catalogue first');
  await expect(diff.locator('.added, .removed')).toHaveCount(0);
});
