import { expect, test } from '@playwright/test';
import { saveView } from './shots';
import { e2eState } from './state';

test('lists recorded episodes with their outcome', async ({ page }) => {
  const { url } = e2eState();
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Episodes' })).toBeVisible();
  const rows = page.getByTestId('episode-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByLabel('success')).toHaveCount(2);
  await expect(page.getByLabel('failure')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/e2e/episode-list.png' });
});

test('opens an episode and steps through it with the keyboard', async ({ page }) => {
  const { url, longestSteps } = e2eState();
  await page.goto(url);
  // The oracle's longest episode: find its row by step count.
  await page.getByTestId('episode-row').filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first().click();
  const counter = page.getByTestId('step-counter');
  await expect(counter).toHaveText(`Step 1 / ${longestSteps}`);
  await expect(page).toHaveURL(/#\/episode\/[^/]+\/step\/0$/);
  // The step's texts are below the fold and load when a person scrolls to them (issue 22: bytes per open).
  await page.getByRole('region', { name: 'Step details' }).scrollIntoViewIfNeeded();
  await expect(page.getByTestId('observation')).toContainText('RootWebArea');

  const screenshot = page.getByTestId('screenshot');
  const action = page.getByTestId('action-text');
  const urlText = page.getByTestId('step-url');
  const firstSrc = await screenshot.getAttribute('src');
  const firstAction = await action.textContent();
  await expect(page.getByTestId('target-box')).toBeVisible(); // the first oracle action clicks an element

  await page.keyboard.press('ArrowRight');
  await expect(counter).toHaveText(`Step 2 / ${longestSteps}`);
  await expect(page).toHaveURL(/\/step\/1$/);
  await expect(screenshot).not.toHaveAttribute('src', firstSrc!);
  await expect(action).not.toHaveText(firstAction!);
  await page.screenshot({ path: 'test-results/e2e/replay-step-2.png' });

  await page.keyboard.press('ArrowLeft');
  await expect(counter).toHaveText(`Step 1 / ${longestSteps}`);
  await expect(action).toHaveText(firstAction!);

  await page.keyboard.press('End');
  await expect(counter).toHaveText(`Step ${longestSteps} / ${longestSteps}`);
  await expect(action).toHaveText(/^stop \[/);
  await expect(page.getByTestId('outcome')).toContainText('✓');
  // Why it ended in words (the first-hour audit), the stored code on hover.
  await expect(page.getByTestId('stop-reason')).toHaveText('agent stopped');
  await expect(page.getByTestId('stop-reason')).toHaveAttribute('title', 'agent_stop');
  const lastUrl = await urlText.textContent();
  expect(lastUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/shop/);
  await page.screenshot({ path: 'test-results/e2e/replay-last-step.png' });

  await page.keyboard.press('Home');
  await expect(counter).toHaveText(`Step 1 / ${longestSteps}`);

  // The step is in the URL: a reload lands on the same frame.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.reload();
  await expect(counter).toHaveText(`Step 3 / ${longestSteps}`);
});

test('a step\'s texts come with the step: its reply, observation and the element its action named', async ({ page }) => {
  const { url, longestSteps } = e2eState();
  await page.goto(url);
  await page.getByTestId('episode-row').filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first().click();
  const counter = page.getByTestId('step-counter');
  await expect(counter).toHaveText(`Step 1 / ${longestSteps}`);
  // The label names the clicked element as the step's observation does (the core sends the element with the step).
  await expect(page.getByTestId('action-label')).toHaveText(/^\w+ \[\d+\] \S+ '/);
  const tabs = page.getByRole('region', { name: 'Step details' });
  await tabs.scrollIntoViewIfNeeded();
  await page.getByRole('tab', { name: 'Reply' }).click();
  const reply = page.getByTestId('reply');
  await expect(reply).toContainText(/Following the reference solution, step 1 of \d+\./);
  // Stepping with the keyboard brings each step's own reply (the neighbours' are fetched ahead).
  for (let t = 2; t <= 4; t++) {
    await page.keyboard.press('ArrowRight');
    await expect(counter).toHaveText(`Step ${t} / ${longestSteps}`);
    await expect(reply).toContainText(new RegExp(`Following the reference solution, step ${t} of \\d+\\.`));
  }
  await page.keyboard.press('ArrowLeft');
  await expect(reply).toContainText(/Following the reference solution, step 3 of \d+\./);
  await page.getByRole('tab', { name: 'Observation' }).click();
  await expect(page.getByTestId('observation')).toContainText('RootWebArea');
  await page.screenshot({ path: 'test-results/e2e/replay-step-texts.png' });
});

test('shows why a failed episode failed', async ({ page }) => {
  const { url } = e2eState();
  await page.goto(url);
  await page.getByTestId('episode-row').filter({ has: page.getByLabel('failure') }).click();
  const outcome = page.getByTestId('outcome');
  await expect(outcome).toContainText('✗ failed');
  await expect(outcome.locator('li.fail').first()).toBeVisible();
});

test('filmstrip and tabs: jump by thumbnail, see what changed, the prompt and the raw reply', async ({ page }) => {
  const { url, longestSteps } = e2eState();
  await page.goto(url);
  await page.getByTestId('episode-row').filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first().click();
  const strip = page.getByTestId('filmstrip');
  const thumbs = strip.getByRole('listitem');
  // The strip is windowed (issue 22): the thumbnails in view are in the page, and scrolling reaches the last step's.
  await expect(thumbs.first()).toHaveAccessibleName(/^Step 1:/);
  await strip.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await expect(strip.getByRole('listitem', { name: new RegExp(`^Step ${longestSteps}:`) })).toBeInViewport();
  await strip.evaluate((el) => (el.scrollLeft = 0));
  await expect(thumbs.first()).toHaveAccessibleName(/^Step 1:/);
  await thumbs.nth(4).click();
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 5 / ${longestSteps}`);
  await expect(thumbs.nth(4)).toHaveAttribute('aria-current', 'step');

  await page.getByRole('tab', { name: 'Changes' }).click();
  const diff = page.getByTestId('observation-diff');
  await expect(diff).toBeVisible();
  await expect(diff.locator('.added').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Prompt' }).click();
  await expect(page.getByText('This policy sent no prompt (it is not an LLM).')).toBeVisible();
  await page.getByRole('tab', { name: 'Reply' }).click();
  await expect(page.getByTestId('reply')).toContainText('Following the reference solution, step 5');
  await page.screenshot({ path: 'test-results/e2e/replay-tabs.png' });
});

test('compares a failed episode with a successful one of the same task and marks the first divergence', async ({ page }) => {
  const { url } = e2eState();
  await page.goto(url);
  await page.getByTestId('episode-row').filter({ has: page.getByLabel('failure') }).click();
  const picker = page.getByLabel('Compare with');
  await picker.selectOption({ index: 1 });
  await expect(page.getByRole('heading', { name: /^Compare:/ })).toBeVisible();
  await expect(page.getByTestId('compare-side')).toHaveCount(2);
  const divergence = page.getByTestId('divergence');
  await expect(divergence).toContainText(/First divergence at step \d+/);
  await divergence.getByRole('button', { name: 'Go to it' }).click();
  await expect(page.getByTestId('at-divergence')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/compare.png' });
  await saveView(page, 'compare');
});

test('an acted element outside the frame is pointed to at the frame edge', async ({ page }) => {
  const { url, longestSteps } = e2eState();
  await page.goto(url);
  await page.getByTestId('episode-row').filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first().click();
  const counter = page.getByTestId('step-counter');
  await expect(counter).toHaveText(`Step 1 / ${longestSteps}`);
  // The oracle's longest episode (a checkout) clicks controls it observed below the fold; the executor scrolled
  // to them first. Their boxes lie outside the frame, so a note at the edge says where instead.
  const notes: number[] = [];
  for (let step = 1; step <= longestSteps; step++) {
    if (step > 1) await page.keyboard.press('ArrowRight');
    await expect(counter).toHaveText(`Step ${step} / ${longestSteps}`);
    await expect(page.getByTestId('screenshot')).toBeVisible();
    // A click's box is drawn once its frame's size is known; only then is "outside the frame" decided.
    if (!/^click \[/.test((await page.getByTestId('action-text').textContent()) ?? '')) continue;
    await expect(page.getByTestId('target-box')).toHaveCount(1);
    if (await page.getByTestId('target-off-frame').count()) {
      notes.push(step);
      await expect(page.getByTestId('target-off-frame')).toHaveText(/^▼ The element this step acted on is below the frame/);
      await expect(page.getByTestId('target-off-frame')).toBeInViewport();
    }
  }
  expect(notes.length).toBeGreaterThan(0);
});
