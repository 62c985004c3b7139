import { expect, test } from '@playwright/test';
import { failureRuleLabel } from '../../renderer/src/features/report/failure-rule-label';
import { e2eState } from './state';

// The web-UI audit of 2026-12-05: the run report's failure table showed the analyzer's rule codes
// (`stopped_but_failed`). The Rule column now says which rule fired in words; the code stays on hover.
test("a run report's failure table names each failure rule in words, with its code on hover", async ({ page }) => {
  const { url } = e2eState();
  await page.goto(`${url}/#/runs`);
  await page.getByTestId('run-row').filter({ hasText: 'wrong' }).click();

  const table = page.getByTestId('failure-table');
  await expect(table.getByRole('columnheader', { name: 'Rule' })).toBeVisible();
  const column = (await table.getByRole('columnheader').allInnerTexts()).map((t) => t.trim()).indexOf('Rule');
  expect(column).toBeGreaterThan(-1);
  const rule = table.getByRole('row').nth(1).getByRole('cell').nth(column);
  const code = await rule.getAttribute('title');
  expect(code).toMatch(/^[a-z]+(_[a-z]+)+$/);
  await expect(rule).toHaveText(failureRuleLabel(code!));
  await expect(rule).not.toHaveText(code!);
});
