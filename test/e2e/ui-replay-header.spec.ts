import { expect, test } from '@playwright/test';
import { e2eState } from './state';

// The UI audit of 2026-12-05 at a 768-pixel-wide window: the replay's heading (what the agent was asked) was
// squeezed to one letter and an ellipsis, because the task id, policy and full episode id beside it never gave
// way. Now they wrap to their own line and the heading keeps the width to be read.
test('at 768 pixels wide the replay heading stays readable and the episode line stays in the window', async ({ page }) => {
  const { url, longestSteps } = e2eState();
  await page.setViewportSize({ width: 768, height: 720 });
  await page.goto(url);
  await page.getByTestId('episode-row').filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first().click();
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 1 / ${longestSteps}`);

  const heading = page.getByRole('heading', { level: 1 });
  const headingBox = (await heading.boundingBox())!;
  expect(headingBox.width).toBeGreaterThanOrEqual(300);
  const meta = page.locator('.replay-meta');
  await expect(meta).toContainText(/policy oracle · episode [0-9a-f-]{36}/);
  const metaBox = (await meta.boundingBox())!;
  expect(metaBox.x + metaBox.width).toBeLessThanOrEqual(768);
  expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);
});
