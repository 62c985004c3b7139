import { expect, test } from '@playwright/test';
import { saveView } from './shots';
import { e2eState } from './state';

test('J/K jump between milestone verdicts; the lane, screenshot, action and verdicts follow', async ({ page }) => {
  const { url, longestSteps } = e2eState();
  await page.goto(url);
  await page.getByTestId('episode-row').filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first().click();
  const counter = page.getByTestId('step-counter');
  await expect(counter).toHaveText(`Step 1 / ${longestSteps}`);

  // One lane row per reference subgoal; milestones the oracle reached are marked done at a step.
  const rows = page.getByTestId('lane-row');
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(rows.first()).toHaveAttribute('aria-label', /done at step \d+/);
  await expect(page.getByTestId('lane-verdict').first()).toBeAttached();

  const screenshot = page.getByTestId('screenshot');
  const action = page.getByTestId('action-text');
  const verdicts = page.getByTestId('verdicts');
  // A verdict judges the page after an action, so it sits beside the next frame (issue 21): none on step 1.
  await expect(verdicts).toContainText('No verdict at this step.');
  const before = { src: await screenshot.getAttribute('src'), action: await action.textContent(), verdicts: await verdicts.textContent() };

  // J: the next step where a verdict found a milestone done.
  await page.keyboard.press('j');
  await expect(counter).not.toHaveText(`Step 1 / ${longestSteps}`);
  const first = Number(/Step (\d+)/.exec((await counter.textContent())!)![1]);
  await expect(verdicts.getByTestId('verdict').filter({ hasText: '✓ done' }).first()).toBeVisible();
  await expect(verdicts.getByTestId('verdict-evidence').first()).not.toBeEmpty();
  await expect(screenshot).not.toHaveAttribute('src', before.src!);
  await expect(action).not.toHaveText(before.action!);
  expect(await verdicts.textContent()).not.toBe(before.verdicts);
  await saveView(page, 'replay-verdicts');

  // J again moves further on; K comes back to the first verdict stop.
  await page.keyboard.press('j');
  await expect(counter).not.toHaveText(`Step ${first} / ${longestSteps}`);
  const second = Number(/Step (\d+)/.exec((await counter.textContent())!)![1]);
  expect(second).toBeGreaterThan(first);
  await page.keyboard.press('k');
  await expect(counter).toHaveText(`Step ${first} / ${longestSteps}`);
  await expect(page).toHaveURL(new RegExp(`/step/${first - 1}$`));

  // WCAG 2.1.4: the letter shortcuts can be turned off, and stay off; the arrows still step. (j then → lands one
  // step on: had j jumped, → would land past the next verdict stop.)
  const letters = page.getByRole('checkbox', { name: 'Letter shortcuts (J / K)' });
  await expect(letters).toBeChecked();
  await letters.uncheck();
  await letters.blur();
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowRight');
  await expect(counter).toHaveText(`Step ${first + 1} / ${longestSteps}`);
  await page.reload();
  await expect(letters).not.toBeChecked();
  await letters.check();
  await letters.blur();

  // The click point marks where a click landed (step 2 of the oracle's solution is a click).
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(action).toHaveText(/^click \[/);
  await expect(page.getByTestId('click-point')).toBeVisible();
  await saveView(page, 'replay', true);
});

test('the filmstrip is virtualised: only thumbnails near the view are in the DOM, all images lazy', async ({ page }) => {
  const { url, longestSteps } = e2eState();
  await page.goto(url);
  await page.getByTestId('episode-row').filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first().click();
  const thumbs = page.getByTestId('filmstrip').getByRole('listitem');
  await expect(thumbs.first()).toBeVisible();
  expect(await thumbs.count()).toBeLessThanOrEqual(longestSteps);
  const eager = await page.getByTestId('filmstrip').locator('img:not([loading="lazy"])').count();
  expect(eager).toBe(0);
});
