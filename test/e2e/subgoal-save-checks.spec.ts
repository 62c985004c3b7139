import { expect, test } from '@playwright/test';
import { ownHost } from './own-host';

// What the subgoal editor refuses, and how it says so (renderer/src/features/subgoals/subgoal-draft.ts before a Save,
// main/subgoals/save-check.ts in the core): a repeated milestone (the teacher's replies were refused for one, hand
// saves were not), more rows than a set may have, and a predicate that can never mean what it says. Each refusal
// names the subgoal, marks its field and puts the focus there. A long milestone is shown whole.
const TASK = 'sandbox/shop/sorted-category/0';
const app = ownHost('mira-e2e-subgoal-checks-', { sandbox: { instancesPerFamily: 1 } });

test('a repeated milestone is refused before saving, naming it and its twin; at most 20 milestones can be added', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/subgoals/${encodeURIComponent(TASK)}`);
  const versions = page.getByTestId('subgoal-versions').getByRole('listitem');
  await expect(versions.first()).toBeVisible();
  const before = await versions.count();
  const rows = page.getByTestId('subgoal-row');
  const add = page.getByRole('button', { name: 'Add subgoal' });
  const count = await rows.count();
  const first = await page.getByLabel('Subgoal 1 text').inputValue();

  // The same milestone again, only in other case and with a full stop: refused, the repeat marked and focused.
  await add.click();
  const repeat = page.getByLabel(`Subgoal ${count + 1} text`);
  await repeat.fill(`${first.toUpperCase()}.`);
  await page.getByRole('button', { name: 'Save as new version' }).click();
  const message = `Subgoal ${count + 1} repeats subgoal 1 ("${first}"): a repeated milestone is judged done together with its twin, so it adds no step. Reword it or remove it.`;
  await expect(page.getByRole('alert')).toHaveText(message);
  await expect(repeat).toBeFocused();
  await expect(repeat).toHaveAttribute('aria-invalid', 'true');
  await expect(repeat).toHaveAccessibleDescription(message);
  await expect(versions).toHaveCount(before);
  // The API refuses it as well (a set saved from a script or the CLI): nothing is stored.
  await expect(app.core.api.saveSubgoalSet(TASK, [{ text: first }, { text: `${first.toUpperCase()}.` }])).rejects.toThrow(`Subgoal 2 repeats subgoal 1 ("${first}")`);

  // Reworded, it saves.
  await repeat.fill('Stop on the sorted listing');
  await expect(repeat).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(versions).toHaveCount(before + 1);

  // Up to 20 rows: then Add subgoal is unavailable and says why, instead of a refused Save.
  while ((await rows.count()) < 20) await add.click();
  await expect(add).toBeDisabled();
  await expect(page.getByTestId('subgoal-limit')).toHaveText('20 milestones at most.');
  await add.click({ force: true });
  await expect(rows).toHaveCount(20);
});

test('a predicate that could never mean what it says is refused by the core, naming the subgoal and marking its field', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/subgoals/${encodeURIComponent(TASK)}`);
  const versions = page.getByTestId('subgoal-versions').getByRole('listitem');
  await expect(versions.first()).toBeVisible();
  const before = await versions.count();
  // A misspelt role: before, it was saved and judged "no element" at every step, like a real "not done".
  const predicate = page.getByLabel('Subgoal 2 predicate');
  await predicate.fill('{"kind":"element_state","query":{"role":"buton","name":"Sort By"},"prop":"value","value":"Price"}');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  const message = 'The subgoal set was not saved. Subgoal 2: the element_state role "buton" is no ARIA role, so no element would ever be found (e.g. button, link, textbox, combobox, checkbox, heading).';
  await expect(page.getByRole('alert')).toHaveText(message);
  await expect(predicate).toBeFocused();
  await expect(predicate).toHaveAttribute('aria-invalid', 'true');
  await expect(predicate).toHaveAccessibleDescription(message);
  await expect(versions).toHaveCount(before);
  // A blank text_present (met on every page) likewise.
  await predicate.fill('{"kind":"text_present","text":"  "}');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByRole('alert')).toHaveText('The subgoal set was not saved. Subgoal 2: the text_present text is blank, so it would be met on every page.');
  await expect(predicate).toBeFocused();
  await predicate.fill('{"kind":"text_present","text":"Price: High to Low"}');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByRole('status')).toHaveText(`Saved as version ${before + 1}.`);
});

test('a long milestone shows in full, wrapped, and stays one line of the list', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/subgoals/${encodeURIComponent(TASK)}`);
  const text = page.getByLabel('Subgoal 1 text');
  await expect(text).toBeVisible();
  const long = 'The Shoes category page is open, its Sort By menu shows Price: High to Low, and the first product listed is the most expensive pair of shoes in the whole category, above every other pair shown on the page';
  await text.fill(long);
  // Every word is in view: the field grew to hold the text instead of scrolling it sideways out of sight.
  expect(await text.evaluate((el: HTMLTextAreaElement) => [el.scrollHeight <= el.clientHeight + 1, el.scrollWidth <= el.clientWidth + 1, el.rows > 1])).toEqual([true, true, true]);
  // Enter adds no line break, and a pasted one becomes a space: the prompts list one milestone per line.
  await text.press('End');
  await text.press('Enter');
  await expect(text).toHaveValue(long);
  await text.fill('Open the Shoes\ncategory');
  await expect(text).toHaveValue('Open the Shoes category');
});
