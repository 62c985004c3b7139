import { expect, test, type Locator, type Page } from '@playwright/test';
import { saveView } from './shots';
import { e2eState } from './state';

// Issue 21 "Study tables" and "One-screen replay", on global-setup's episodes (oracle on the longest and
// shortest shop tasks in one run, the wrong baseline on the shortest in another): nothing new is recorded.

const VIEWPORT = { width: 1440, height: 900 };

async function expectOnScreen(page: Page, locator: Locator, name: string) {
  const box = await locator.boundingBox();
  expect(box, `${name} is rendered`).not.toBeNull();
  expect(box!.x, `${name} left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${name} top edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${name} right edge within ${VIEWPORT.width}`).toBeLessThanOrEqual(VIEWPORT.width);
  expect(box!.y + box!.height, `${name} bottom edge within ${VIEWPORT.height}`).toBeLessThanOrEqual(VIEWPORT.height);
}

test('search and store-side filters narrow the episodes table; clearing brings every row back', async ({ page }) => {
  const { url, longestSteps } = e2eState();
  await page.goto(url);
  const rows = page.getByTestId('episode-row');
  await expect(rows.first()).toBeVisible();
  const total = await rows.count();
  const longest = rows.filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first();
  const intent = (await longest.getByRole('link').textContent())!;

  const study = page.getByRole('search', { name: 'Study filters' });
  // A middle part of the intent, typed in another case: the search is a case-insensitive substring.
  const words = intent.split(' ');
  const middle = Math.max(0, Math.floor(words.length / 2) - 1);
  const phrase = words.slice(middle, middle + 3).join(' ').toUpperCase();
  await study.getByRole('searchbox').fill(phrase);
  await expect(page.getByTestId('episode-table')).toHaveAttribute('data-search', phrase); // the rows answer this search
  await expect(rows.getByRole('link', { name: intent, exact: true }).first()).toBeVisible();
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const link of await rows.getByRole('link').all()) await expect(link).toHaveText(new RegExp(escaped, 'i'));
  await saveView(page, 'study-search');

  await study.getByRole('searchbox').fill('no episode has these words zqx');
  await expect(page.getByTestId('no-matches')).toBeVisible();
  await study.getByRole('button', { name: 'Clear search' }).click();
  await expect(rows).toHaveCount(total);

  // Run filter: the wrong baseline's run (the oldest 'wrong' run) holds exactly its one episode.
  const wrongRun = await study.getByLabel('Run').locator('option').filter({ hasText: '· wrong' }).last().getAttribute('value');
  await study.getByLabel('Run').selectOption(wrongRun!);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole('cell', { name: 'wrong', exact: true })).toBeVisible();

  // Family combined with it: the episode's own family keeps the row, another family leaves nothing.
  const family = (await rows.first().getByTestId('episode-family').textContent())!.replace(/^ · /, '');
  const other = (await study.getByLabel('Family').locator('option').allTextContents()).find((f) => f !== 'any' && f !== family);
  expect(other, 'global-setup recorded two shop families').toBeDefined();
  await study.getByLabel('Family').selectOption(family);
  await expect(rows).toHaveCount(1);
  await study.getByLabel('Family').selectOption(other!);
  await expect(page.getByTestId('no-matches')).toBeVisible();
  await study.getByRole('button', { name: 'Clear search' }).click();
  await expect(rows).toHaveCount(total);
});

test('a note and tags on an episode survive a reload and filter the table', async ({ page }) => {
  const { url, longestSteps } = e2eState();
  await page.goto(url);
  await page.getByTestId('episode-row').filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first().click();
  const notes = page.getByRole('region', { name: 'Notes and tags' });
  await notes.getByLabel('Tags').fill('study-e2e, long one');
  await notes.getByLabel('Note').fill('Oracle path used for the layout check.');
  await notes.getByRole('button', { name: 'Save note' }).click();
  await expect(notes.getByRole('status')).toHaveText('Saved.');

  await page.reload();
  await expect(notes.getByLabel('Tags')).toHaveValue('long one, study-e2e');
  await expect(notes.getByLabel('Note')).toHaveValue('Oracle path used for the layout check.');

  // A too-long note is refused with the reason, and the stored one is kept.
  await notes.getByLabel('Note').fill('x'.repeat(10_001));
  await notes.getByRole('button', { name: 'Save note' }).click();
  await expect(notes.getByRole('alert')).toContainText('at most 10000 characters');
  await page.reload();
  await expect(notes.getByLabel('Note')).toHaveValue('Oracle path used for the layout check.');

  await page.goto(url);
  const study = page.getByRole('search', { name: 'Study filters' });
  await study.getByLabel('Tag').selectOption('study-e2e');
  const rows = page.getByTestId('episode-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('episode-tags')).toContainText('study-e2e');
  await study.getByRole('searchbox').fill('layout check');
  await expect(rows).toHaveCount(1);
  await saveView(page, 'study-tagged');
});

test('the runs table shows success rate, model, prompt and subgoal versions', async ({ page }) => {
  const { url } = e2eState();
  await page.goto(`${url}#/runs`);
  const rows = page.getByTestId('run-row');
  await expect(rows.first()).toBeVisible();
  const headers = await page.getByTestId('run-table').locator('thead th').allTextContents();
  expect(headers).toEqual(['Compare', 'Run', 'Policy', 'Model', 'Prompt', 'Subgoals', 'SR', 'Episodes', 'Status', 'Started']);
  // Newest first: the last two rows are global-setup's oracle run (both solved) and the wrong baseline (failed).
  const count = await rows.count();
  await expect(rows.nth(count - 1).getByTestId('run-sr')).toHaveText('100% (2/2)');
  await expect(rows.nth(count - 2).getByTestId('run-sr')).toHaveText('0% (0/1)');
  await saveView(page, 'study-runs');
});

test('the replay fits one 1440×900 screen: screenshot, named action, milestones and filmstrip', async ({ page }) => {
  const { url, longestSteps } = e2eState();
  await page.goto(url);
  await page.getByTestId('episode-row').filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first().click();
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 1 / ${longestSteps}`);
  await expect(page.getByTestId('screenshot')).toBeVisible();
  await expect(page.getByTestId('screenshot')).toHaveJSProperty('complete', true);

  // The oracle's first action acts on an element (types into the search box): the action names it by role and
  // name from the step's observation, e.g. `type [10] textbox 'Search' "…"`.
  await expect(page.getByTestId('action-label')).toHaveText(/^(click|type|hover|select) \[\d+\] \S+ '[^']+'/);
  // Before any action nothing has been judged; the verdicts on step 1's action sit beside frame 2.
  const verdicts = page.getByTestId('verdicts');
  await expect(verdicts).toContainText('No verdict at this step.');
  const judgedFirst = await page.getByTestId('lane-verdict').filter({ has: page.locator('title', { hasText: /^step 1:/ }) }).count();

  for (const [name, locator] of [
    ['screenshot', page.getByTestId('frame')],
    ['action', page.getByRole('region', { name: 'Action', exact: true })],
    ['milestones', verdicts],
    ['filmstrip', page.getByTestId('filmstrip')],
    ['stepper', page.getByRole('group', { name: 'Step controls' })],
  ] as const) await expectOnScreen(page, locator, name);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await saveView(page, 'replay-one-screen');

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 2 / ${longestSteps}`);
  await expect(verdicts.getByTestId('verdict')).toHaveCount(judgedFirst);
  await expect(page.getByTestId('verdicts-caption')).toHaveText("Judged on this page, after step 1's action.");
  await expectOnScreen(page, verdicts, 'milestones on step 2');
  await expectOnScreen(page, page.getByTestId('frame'), 'screenshot on step 2');
});
