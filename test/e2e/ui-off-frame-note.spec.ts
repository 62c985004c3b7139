import { expect, test } from '@playwright/test';
import { e2eState } from './state';

// The UI audit of 2026-12-05: the note that says "the element this step acted on is below the frame" inherited
// the frame's zero line height, so its two or three lines were painted over each other in a 4-pixel red strip,
// and centring it on an element near the frame's left edge pushed half of it out of the frame and the window.
// A person saw a red smear instead of the sentence. Here the note must be a readable box inside the frame.
test('the note for an acted element below the frame is readable and lies inside the frame', async ({ page }) => {
  const { url, longestSteps } = e2eState();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(url);
  await page.getByTestId('episode-row').filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first().click();
  const counter = page.getByTestId('step-counter');
  await expect(counter).toHaveText(`Step 1 / ${longestSteps}`);
  const note = page.getByTestId('target-off-frame');
  let checked = 0;
  for (let step = 1; step <= longestSteps; step++) {
    if (step > 1) await page.keyboard.press('ArrowRight');
    await expect(counter).toHaveText(`Step ${step} / ${longestSteps}`);
    if (!/^click \[/.test((await page.getByTestId('action-text').textContent()) ?? '')) continue;
    await expect(page.getByTestId('target-box')).toHaveCount(1);
    if ((await note.count()) === 0) continue;
    checked++;
    const frame = (await page.getByTestId('frame').boundingBox())!;
    const box = (await note.boundingBox())!;
    // At least one line of its 12-pixel text tall, and no line drawn past the box (lines stacked, not overlaid).
    expect(box.height).toBeGreaterThanOrEqual(14);
    expect(await page.evaluate("(() => { const e = document.querySelector('[data-testid=target-off-frame]'); return e.scrollHeight <= e.clientHeight + 1; })()")).toBe(true);
    expect(box.x).toBeGreaterThanOrEqual(frame.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
    expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
  }
  expect(checked).toBeGreaterThan(0);
});
