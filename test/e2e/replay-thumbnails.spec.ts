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
