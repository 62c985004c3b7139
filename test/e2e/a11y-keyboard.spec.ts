import { expect, test, type Locator, type Page } from '@playwright/test';
import { e2eState } from './state';

// The workbench from the keyboard alone, as a person who steps through episodes and edits subgoals and prompts
// for hours uses it: every move is a key press, and each test checks what that person sees — where the focus
// is (with a visible ring), which step is shown, whether a dialog is open. Nothing here saves or starts
// anything, so the shared e2e data stays as it was.

/** Presses Tab until `target` has the focus (at most `max` presses), as a person tabs to a control. */
async function tabTo(page: Page, target: Locator, max = 40, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** The focused control shows a ring a person can see: a solid outline at least 2 px wide. */
async function expectFocusRing(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const ring = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
}

/** Opens the longest recorded episode's replay from the episodes table with the keyboard. */
async function openLongestEpisode(page: Page): Promise<void> {
  const { url, longestSteps } = e2eState();
  await page.goto(url);
  const row = page.getByTestId('episode-row').filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first();
  const link = row.getByRole('link');
  await tabTo(page, link, 60);
  await expectFocusRing(link);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 1 / ${longestSteps}`);
}

test('skip link, page changes and the window title: the focus lands on the new page\'s heading', async ({ page }) => {
  const { url } = e2eState();
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Episodes' })).toBeVisible();
  await expect(page).toHaveTitle('Episodes — MiRA Workbench');

  // The first Tab stop skips the top bar's links.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeVisible();
  await expectFocusRing(skip);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Episodes' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Search intents, answers and notes')).toBeFocused();

  // A top-bar link opens its page with the focus on that page's heading, not left behind in the bar.
  const tasks = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Tasks' });
  await tabTo(page, tasks, 20, 'Shift+Tab');
  await expectFocusRing(tasks);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Sandbox tasks' })).toBeFocused();
  await expect(page).toHaveTitle('Sandbox tasks — MiRA Workbench');

  // Opening an episode removes the row that had the focus: the focus goes to the replay's heading.
  await openLongestEpisode(page);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(`${(await heading.textContent())!.trim()} — MiRA Workbench`);
  // "← Episodes" (just before the heading) goes back, again with the focus on the list's heading.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: '← Episodes' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Episodes' })).toBeFocused();
});

test('replay by keyboard: the filmstrip and the timeline keep the focus on the step shown, the tabs move with arrows', async ({ page }) => {
  const { longestSteps } = e2eState();
  await openLongestEpisode(page);
  const counter = page.getByTestId('step-counter');
  const screenshot = page.getByTestId('screenshot');
  const strip = page.getByTestId('filmstrip');
  const thumb = (n: number) => strip.getByRole('button', { name: new RegExp(`^Step ${n}:`) });

  // The filmstrip is one Tab stop, the current step's thumbnail.
  await tabTo(page, thumb(1));
  await expectFocusRing(thumb(1));
  await expect(strip.locator('[tabindex="0"]')).toHaveCount(1);
  const first = await screenshot.getAttribute('src');
  // End jumps to the last frame, which the strip had not drawn yet: its thumbnail takes the focus.
  await page.keyboard.press('End');
  await expect(counter).toHaveText(`Step ${longestSteps} / ${longestSteps}`);
  await expect(thumb(longestSteps)).toBeFocused();
  await expect(screenshot).not.toHaveAttribute('src', first!);
  await page.keyboard.press('Home');
  await expect(thumb(1)).toBeFocused();
  for (let n = 2; n <= 4; n++) {
    await page.keyboard.press('ArrowRight');
    await expect(counter).toHaveText(`Step ${n} / ${longestSteps}`);
    await expect(thumb(n)).toBeFocused();
  }
  // A screen reader hears each step and its action (a polite live region), and what the frame shows.
  await expect(page.getByTestId('step-announcement')).toHaveText(new RegExp(`^Step 4 of ${longestSteps}: \\w+ \\[`));
  await expect(screenshot).toHaveAccessibleName('Screenshot of step 4');
  await expect(screenshot).toHaveAccessibleDescription(/^The page at http:\/\/127\.0\.0\.1:\d+\//);
  // Space on the focused thumbnail keeps the step (it is the one shown).
  await page.keyboard.press('Space');
  await expect(counter).toHaveText(`Step 4 / ${longestSteps}`);

  // The timeline is one Tab stop too; ← moves the step and the focus together.
  const timeline = page.getByTestId('timeline');
  await tabTo(page, timeline.getByRole('button', { name: /^Step 4\b/ }));
  await expect(timeline.locator('[tabindex="0"]')).toHaveCount(1);
  await expectFocusRing(timeline.getByRole('button', { name: /^Step 4\b/ }));
  await page.keyboard.press('ArrowLeft');
  await expect(counter).toHaveText(`Step 3 / ${longestSteps}`);
  await expect(timeline.getByRole('button', { name: /^Step 3\b/ })).toBeFocused();

  // The step texts' tabs: → and End pick tabs and leave the step alone.
  const observationTab = page.getByRole('tab', { name: 'Observation' });
  await tabTo(page, observationTab);
  await expect(observationTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('observation')).toContainText('RootWebArea');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Changes' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Changes' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Changes' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Reply' })).toBeFocused();
  await expect(page.getByTestId('reply')).toContainText('Following the reference solution');
  await expect(counter).toHaveText(`Step 3 / ${longestSteps}`);
  // The tab row is one Tab stop: the next Tab goes into the panel, whose long text scrolls from the keyboard.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('reply')).toBeFocused();
});

test('fork dialog by keyboard: Enter opens it with the focus inside, Escape closes it and gives the focus back', async ({ page }) => {
  const { longestSteps } = e2eState();
  await openLongestEpisode(page);
  const counter = page.getByTestId('step-counter');
  await page.keyboard.press('ArrowRight');
  await expect(counter).toHaveText(`Step 2 / ${longestSteps}`);
  const fork = page.getByRole('button', { name: 'Fork from this step' });
  await tabTo(page, fork);
  await expectFocusRing(fork);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Fork from step 2' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription('Step 1 replays this episode\'s recorded action; the new policy acts from step 2.');
  await expect(dialog.getByLabel('Policy')).toBeFocused();
  // Tab never reaches the page behind the modal (it cycles through the dialog and the browser's own bar),
  // and the replay behind it does not step.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
  }
  await tabTo(page, dialog.getByRole('button', { name: 'Cancel' }));
  await page.keyboard.press('End');
  await expect(counter).toHaveText(`Step 2 / ${longestSteps}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(fork).toBeFocused();
  // The closed dialog leaves the page (its close event comes a task later than the focus).
  await expect(page.locator('dialog')).toHaveCount(0);
  // Space opens it too; Cancel (by keyboard) closes it the same way.
  await page.keyboard.press('Space');
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Cancel' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(fork).toBeFocused();
});

test('compare picker by keyboard: the arrows browse the other episodes, Enter opens the comparison', async ({ page }) => {
  const { url } = e2eState();
  await page.goto(url);
  const failed = page.getByTestId('episode-row').filter({ has: page.getByLabel('failure') }).first().getByRole('link');
  await tabTo(page, failed, 60);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 1 \//);
  const replayUrl = page.url();
  const picker = page.getByLabel('Compare with');
  await tabTo(page, picker);
  await expect(picker).toHaveAccessibleDescription('Arrow keys choose an episode, Enter opens the comparison.');
  // ↓ chooses the first other episode and stays on the replay (a change of choice is not a change of page).
  await page.keyboard.press('ArrowDown');
  await expect(picker).not.toHaveValue('');
  await expect(page.getByTestId('step-counter')).toBeVisible();
  expect(page.url()).toBe(replayUrl);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /^Compare:/ })).toBeFocused();
  await expect(page.getByTestId('compare-side')).toHaveCount(2);
});

test('prompt editor by keyboard: Tab leaves the editor, Revert leaves the focus on the heading', async ({ page }) => {
  const { url } = e2eState();
  await page.goto(`${url}/#/prompts/autorater`);
  const lines = page.locator('.monaco-editor .view-lines');
  await expect(lines).toContainText('{{subgoal}}');
  // Save cannot act on an unchanged text, yet keeps its Tab stop (a Save that disabled itself after saving
  // dropped the focus to the document): reachable, announced as unavailable, and Enter does nothing.
  const save = page.getByRole('button', { name: 'Save as new version' });
  await tabTo(page, save);
  await expect(save).toBeDisabled();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveCount(0);
  const editor = page.getByRole('textbox', { name: /Prompt text of autorater/ });
  await tabTo(page, editor, 40, 'Shift+Tab');
  // Monaco marks its focus with a caret only: the editor's frame shows the ring.
  expect(await page.getByTestId('code-editor').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Keyboard check.');
  await expect(lines).toContainText('Keyboard check.');
  await expect(page.getByRole('heading', { name: /\(modified\)/ })).toBeVisible();
  // Tab moves on to the note field instead of typing a tab into the prompt (no keyboard trap).
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Note', { exact: true })).toBeFocused();
  const revert = page.getByRole('button', { name: 'Revert' });
  await tabTo(page, revert);
  await expectFocusRing(revert);
  await page.keyboard.press('Enter');
  await expect(lines).not.toContainText('Keyboard check.');
  await expect(page.getByRole('heading', { level: 2, name: /^autorater — editing from version \d+$/ })).toBeFocused();
});

test('subgoal editor by keyboard: moving, removing and adding rows keeps the focus on the rows', async ({ page }) => {
  const { url, longestTask } = e2eState();
  await page.goto(`${url}/#/subgoals/${encodeURIComponent(longestTask)}`);
  await expect(page.getByRole('region', { name: 'Edit subgoals' })).toBeVisible();
  const rows = page.getByTestId('subgoal-row');
  const add = page.getByRole('button', { name: 'Add subgoal' });
  // The sandbox's reference milestones (an earlier spec may have saved others); at least three rows.
  await expect(add).toBeVisible();
  while ((await rows.count()) < 3) {
    await add.click();
    await page.getByLabel(`Subgoal ${await rows.count()} text`).fill(`Milestone ${await rows.count()}`);
  }
  const count = await rows.count();
  const [one, two] = [await page.getByLabel('Subgoal 1 text').inputValue(), await page.getByLabel('Subgoal 2 text').inputValue()];

  // Moving row 2 to the top disables its ↑ there: the focus goes to its ↓, on the row's new place.
  await tabTo(page, page.getByRole('button', { name: 'Move subgoal 2 up' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Subgoal 1 text')).toHaveValue(two);
  await expect(page.getByLabel('Subgoal 2 text')).toHaveValue(one);
  await expectFocusRing(page.getByRole('button', { name: 'Move subgoal 1 down' }));
  // Enter again moves it back down, the focus with it.
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Subgoal 1 text')).toHaveValue(one);
  await expect(page.getByRole('button', { name: 'Move subgoal 2 down' })).toBeFocused();

  // Removing a row gives the focus to the next row's remove button, now in its place.
  await tabTo(page, page.getByRole('button', { name: 'Remove subgoal 2' }));
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(count - 1);
  await expect(page.getByRole('button', { name: 'Remove subgoal 2' })).toBeFocused();

  // Adding a row puts the focus in its text field, ready to type.
  await tabTo(page, add);
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(count);
  await expect(page.getByLabel(`Subgoal ${count} text`)).toBeFocused();
  await page.keyboard.type('Typed without the mouse');
  await expect(page.getByLabel(`Subgoal ${count} text`)).toHaveValue('Typed without the mouse');
  // A predicate Save refuses: the focus goes to that field, marked invalid and described by the message.
  await page.keyboard.press('Tab');
  await page.keyboard.type('{not json');
  await tabTo(page, page.getByRole('button', { name: 'Save as new version' }));
  await page.keyboard.press('Enter');
  const predicate = page.getByLabel(`Subgoal ${count} predicate`);
  await expect(predicate).toBeFocused();
  await expect(predicate).toHaveAttribute('aria-invalid', 'true');
  await expect(predicate).toHaveAccessibleDescription(`Subgoal ${count}: the predicate is not valid JSON.`);

  // Revert (the edits are not saved) hides itself: the focus goes to the editor's heading.
  await tabTo(page, page.getByRole('button', { name: 'Revert' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Editing from version \d+$/ })).toBeFocused();
  await expect(page.getByLabel('Subgoal 1 text')).toHaveValue(one);
});
