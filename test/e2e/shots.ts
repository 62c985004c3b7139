import type { Page } from '@playwright/test';

/** Saves a screenshot of a view as a test artifact: test-results/screenshots/<view>.png (outside
 * Playwright's outputDir, which it empties at the start of every run). */
export async function saveView(page: Page, view: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${view}.png`, fullPage });
}
