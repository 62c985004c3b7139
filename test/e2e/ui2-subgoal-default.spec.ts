import { expect, test } from '@playwright/test';
import { e2eState } from './state';

// The web-UI audit of 2026-12-05: with ReAct chosen for one task, the Subgoal version list's default said
// "reference (or newest)", but a run that pins none is judged against the task's current version
// (main/subgoals/version-use.ts), which the Subgoals page marks "current". The default now says so, by number.
test("the Tasks page's default subgoal version for ReAct is the task's current version", async ({ page }) => {
  const { url, longestTask } = e2eState();
  await page.goto(`${url}/#/tasks`);
  const family = page.getByTestId('family').filter({ hasText: longestTask.split('/').slice(1, 3).join('/') });
  await family.locator('summary').click();
  await family.getByLabel(`Select ${longestTask}`).check();
  const bar = page.getByRole('group', { name: 'Run selected tasks' });
  await bar.getByLabel('Policy').selectOption('react');
  const versions = bar.getByLabel('Subgoal version');
  const options = versions.locator('option');
  await expect(options.first()).toHaveText(/^current \(v\d+\)$/);
  // The version it names is one the list offers.
  const current = /v\d+/.exec(await options.first().innerText())![0];
  await expect(options.filter({ hasText: new RegExp(`^${current} · `) })).toHaveCount(1);
  await expect(versions).not.toContainText('reference (or newest)');
});
