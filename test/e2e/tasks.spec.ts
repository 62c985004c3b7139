import { expect, test } from '@playwright/test';
import { saveView } from './shots';
import { e2eState } from './state';
import { defaultConcurrency } from '../../main/browser/default-concurrency';

// Runs last (files run in name order): it adds a run that the other specs do not expect.
test('browse sandbox families, run the oracle on an instance and watch it to its report', async ({ page }) => {
  const { url, longestTask } = e2eState();
  await page.goto(`${url}/#/tasks`);
  await expect(page.getByRole('heading', { name: 'Sandbox tasks' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Site shop' })).toBeVisible();
  await saveView(page, 'tasks');
  // Parallel episodes start at what this machine's cores keep fed (issue 22), and say so.
  const parallel = page.getByRole('spinbutton', { name: /Parallel episodes/ });
  await expect(parallel).toHaveValue(String(defaultConcurrency()));
  await expect(page.getByTestId('concurrency-default')).toHaveText(`this machine's default: ${defaultConcurrency()}`);
  const family = page.getByTestId('family').filter({ hasText: longestTask.split('/').slice(1, 3).join('/') });
  await family.locator('summary').click();
  await family.getByLabel(`Select ${longestTask}`).check();
  await page.getByRole('button', { name: 'Run 1 selected' }).click();

  // The run page shows live progress while the 16-step episode runs, then the report.
  await expect(page.getByTestId('live-run')).toBeVisible();
  await expect(page.getByLabel('Run progress')).toBeVisible();
  await expect(page.getByTestId('live-frame')).toBeVisible({ timeout: 20_000 });
  // AutoRater verdicts (here the reference predicates) arrive as the episode runs, with the progress vector.
  const verdicts = page.getByTestId('live-verdicts').getByTestId('live-verdict');
  await expect(verdicts.first()).toBeVisible({ timeout: 20_000 });
  // The progress vector in words, each milestone named (the task's reference set), and the step's episode named.
  await expect(page.getByTestId('live-progress')).toContainText(/^subgoals done: \d+ of \d+ — [✓○] /);
  await expect(page.getByTestId('live-episode')).toContainText(longestTask);
  await expect(verdicts.filter({ hasText: '✓ done' }).first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/e2e/live-run.png' });
  await saveView(page, 'live-run');
  await expect(page.getByTestId('overall-sr')).toHaveText('Success rate 100% (1/1 episodes)', { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/e2e/tasks-run-report.png' });
  await page.goto(`${url}/#/runs`);
  await expect(page.getByTestId('run-row').first()).toBeVisible();
  await saveView(page, 'runs');
});

test('cancel a running run from its live view', async ({ page }) => {
  const { url, longestTask } = e2eState();
  await page.goto(`${url}/#/tasks`);
  const family = page.getByTestId('family').filter({ hasText: longestTask.split('/').slice(1, 3).join('/') });
  await family.locator('summary').click();
  await family.getByLabel(`Select ${longestTask}`).check();
  await page.getByRole('button', { name: 'Run 1 selected' }).click();
  await expect(page.getByTestId('live-run')).toBeVisible();
  await expect(page.getByTestId('live-frame')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Cancel run' }).click();
  // The run stops: the live view gives way to the report, and the run list says it was interrupted.
  await expect(page.getByTestId('live-run')).toBeHidden({ timeout: 20_000 });
  await page.goto(`${url}/#/runs`);
  await expect(page.getByTestId('run-row').first()).toContainText('interrupted');
});

test('type a number of parallel episodes: kept as typed, out-of-range named and not run', async ({ page }) => {
  const { url, longestTask } = e2eState();
  await page.goto(`${url}/#/tasks`);
  const family = page.getByTestId('family').filter({ hasText: longestTask.split('/').slice(1, 3).join('/') });
  await family.locator('summary').click();
  await family.getByLabel(`Select ${longestTask}`).check();
  const parallel = page.getByRole('spinbutton', { name: /Parallel episodes/ });
  const run = page.getByRole('button', { name: 'Run 1 selected' });

  // Clearing the field and typing 2 gives 2 (each keystroke used to be clamped: a cleared field became 1, then 12).
  await parallel.fill('');
  await expect(parallel).toHaveValue('');
  await parallel.pressSequentially('2');
  await expect(parallel).toHaveValue('2');
  await expect(run).toBeEnabled();

  // 20 is over the limit: said next to the field, and no run can start with it.
  await parallel.fill('');
  await parallel.pressSequentially('20');
  await expect(parallel).toHaveValue('20');
  await expect(parallel).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'a whole number from 1 to 16' })).toBeVisible();
  await expect(run).toBeDisabled();
  await parallel.blur();
  await expect(parallel).toHaveValue('20');

  // A valid number clears the message; leaving the field keeps it.
  await parallel.fill('4');
  await expect(page.getByRole('alert').filter({ hasText: 'a whole number from 1 to 16' })).toHaveCount(0);
  await expect(run).toBeEnabled();
  await parallel.blur();
  await expect(parallel).toHaveValue('4');
});
