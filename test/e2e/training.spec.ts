import { expect, test } from '@playwright/test';
import { saveView } from './shots';
import { e2eState } from './state';
import { startTrainingJob } from './training-form';

// Issue 7 UI: configure and start a training job, watch its stage and progress bar live, and see the test
// success rate per phase plotted and tabled when it finishes. The trainer is global-setup's stub runner
// (the page is under test here, not the trainer); it holds the job in phase 0 until this spec releases it.
test('start a training job and watch it to its SR-per-phase plot', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`${e2eState().url}/#/training`);
  await expect(page.getByRole('heading', { name: 'Training', exact: true })).toBeVisible();
  const form = page.getByRole('form', { name: 'New training job' });
  await expect(form.getByRole('checkbox', { name: 'full' })).toBeChecked();
  const job = await startTrainingJob(form, { families: ['shop/sorted-category'], phases: 0, instancesPerFamily: 5, sftDemosPerFamily: 2 });
  await expect(job.getByTestId('training-status')).toHaveText('running');
  await expect(job.getByTestId('training-setup')).toContainText('shop/sorted-category · 5 instances per family · 0 MiRA phases · SFT demos per family: 2 · rollouts per task: 1');
  // Live: a stage line with a progress bar while demonstrations are recorded and the policy fits.
  await expect(job.getByTestId('training-stage')).toContainText(/phase 0/, { timeout: 60_000 });
  await expect(job.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();
  await saveView(page, 'training-live');
  expect((await fetch(e2eState().trainingRelease, { method: 'POST' })).status).toBe(204);

  await expect(job.getByTestId('training-status')).toHaveText('finished', { timeout: 200_000 });
  await expect(job.getByTestId('training-backend')).toHaveText(/wasm|cpu|tensorflow/);
  const row = job.getByTestId('phase-row');
  await expect(row).toHaveCount(1);
  await expect(row.first()).toContainText('0 (SFT)');
  await expect(row.first()).toContainText(/\d+% of 1/);
  const point = job.getByTestId('sr-per-phase').getByTestId('point');
  await expect(point).toHaveCount(1);
  await expect(point.first()).toHaveAttribute('data-series', 'full');
  await expect(job.getByTestId('loss-curve').locator('[data-testid="loss-plot"][data-name="sft"]')).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Training jobs' }).getByTestId('job-row')).toHaveCount(1);
  await saveView(page, 'training-finished');
});
