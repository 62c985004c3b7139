import { expect, test } from '@playwright/test';
import { e2eState } from './state';

// Issue 22 "Replay": the filmstrip shows the ~160 px thumbnails recorded with each step, while the frame
// itself keeps the full screenshot. global-setup's episodes were recorded with thumbnails.
test('the filmstrip loads small thumbnails and the frame the full screenshot', async ({ page }) => {
  const { url, longestSteps } = e2eState();
  await page.goto(url);
  await page.getByTestId('episode-row').filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first().click();
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 1 / ${longestSteps}`);
  const images = page.getByTestId('filmstrip').getByTestId('filmstrip-image');
  await expect(images.first()).toBeVisible();
  const widths = async () =>
    images.evaluateAll((imgs) => (imgs as HTMLImageElement[]).filter((i) => i.complete && i.naturalWidth > 0).map((i) => i.naturalWidth));
  await expect.poll(async () => (await widths()).length, { timeout: 30_000 }).toBeGreaterThan(0);
  for (const width of await widths()) expect(width).toBeLessThanOrEqual(160);
  const frame = page.getByTestId('screenshot');
  await expect.poll(() => frame.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 30_000 }).toBeGreaterThan(160);
});

// Issue 22 "next frame < 16 ms": the neighbouring frames wait in the page, decoded and hidden, so a key press
// shows an image that already holds its pixels: the element shown after → is the one that waited.
test('stepping shows the neighbouring frame that was waiting, decoded, under the one shown', async ({ page }) => {
  const { url, longestSteps } = e2eState();
  await page.goto(url);
  await page.getByTestId('episode-row').filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first().click();
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 1 / ${longestSteps}`);
  const shown = page.getByTestId('screenshot');
  const waiting = page.getByTestId('screenshot-ahead');
  // On the first step only the next frame waits (the open loads no more than it needs); it is not visible.
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toBeHidden();
  await expect(shown).toBeVisible();
  await expect.poll(() => waiting.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 30_000 }).toBe(true);
  const nextSrc = await waiting.getAttribute('src');
  await waiting.evaluate((img) => img.setAttribute('data-marked', 'waited'));

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 2 / ${longestSteps}`);
  await expect(shown).toHaveAttribute('src', nextSrc!);
  await expect(shown).toHaveAttribute('data-marked', 'waited');
  await expect(shown).toHaveAccessibleName('Screenshot of step 2'); // counted from 1, as the step counter
  await expect(shown).toBeVisible();
  // Stepping on: the previous frame, the next and one more ahead wait; only the frame shown is visible.
  await expect(waiting).toHaveCount(3);
  for (const img of await waiting.all()) await expect(img).toBeHidden();
  const box = await shown.boundingBox();
  const frame = await page.getByTestId('frame').boundingBox();
  // The waiting frames take no room: the frame is the shown image plus its 1 px border.
  expect(Math.abs(frame!.width - box!.width)).toBeLessThanOrEqual(3);
  expect(Math.abs(frame!.height - box!.height)).toBeLessThanOrEqual(3);
  await page.screenshot({ path: 'test-results/e2e/replay-stacked-frames.png' });
});
