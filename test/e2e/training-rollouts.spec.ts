import { expect, test } from '@playwright/test';
import { ownHost } from './own-host';
import { saveView } from './shots';
import { startTrainingJob } from './training-form';

// Issue 21 "training rollouts are stored as episodes of the job (replayable, filterable by phase)", as a person
// would check it: train a tiny job with the real trainer (its worker, the real episode loop in Chromium, tfjs),
// then follow phase 1's "rollouts (N)" link to the episodes table filtered to that job's phase, and open one in
// the replay, its frames recorded at the cheap 'low' setting. The job's runs stay out of the Runs table until
// asked for.
const app = ownHost('mira-e2e-training-rollouts-', {
  sandbox: { instancesPerFamily: 5 },
  // A tiny budget: 2 SFT epochs, 2 rollout tasks in phase 1, short episodes.
  training: { trainer: { sftEpochs: 2, criticEpochs: 2, concurrency: 2, maxSteps: 8, tasksPerPhase: 2 } },
});

test("a trained job's phase-1 rollouts open from the Training page in the replay", async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto(`${app.host.loginUrl}#/training`);
  const form = page.getByRole('form', { name: 'New training job' });
  const job = await startTrainingJob(form, { families: ['shop/add-to-cart'], phases: 1, instancesPerFamily: 5, sftDemosPerFamily: 2 });
  await expect(job.getByTestId('training-status')).toHaveText('finished', { timeout: 540_000 });
  const rows = job.getByTestId('phase-row');
  await expect(rows).toHaveCount(2);
  // Phase 0 links its oracle demonstrations (the 4 train tasks), phase 1 its 2 sampled rollouts.
  await expect(rows.nth(0).getByTestId('phase-rollouts')).toHaveText('rollouts (4)');
  const link = rows.nth(1).getByRole('link', { name: 'Rollouts of full phase 1' });
  await expect(link).toHaveText('rollouts (2)');
  await saveView(page, 'training-rollouts-links', true);

  // The episodes table, filtered to that run and phase.
  await link.click();
  await expect(page).toHaveURL(/#\/$/);
  const filters = page.getByRole('search', { name: 'Episode filters' });
  await expect(filters.getByLabel('Phase')).toHaveValue('phase 1');
  const episodes = page.getByTestId('episode-row');
  await expect(episodes).toHaveCount(2);
  await expect(episodes.first()).toContainText('local');
  await saveView(page, 'training-rollouts-table');

  // One rollout in the replay, with its recorded frame.
  await episodes.first().click();
  await expect(page.getByTestId('step-counter')).toHaveText(/Step 1 \/ \d+/);
  await expect(page.getByText(/· policy local/)).toBeVisible();
  const frame = page.getByTestId('screenshot');
  await expect(frame).toBeVisible();
  await expect.poll(() => frame.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 30_000 }).toBe(640);
  await saveView(page, 'training-rollouts-replay');

  // The Runs table keeps the job's runs out until asked for.
  await page.goto(`${app.host.loginUrl}#/runs`);
  const toggle = page.getByTestId('show-training-runs');
  await expect(toggle).toContainText("Show training jobs' runs");
  await expect(page.getByTestId('run-row')).toHaveCount(0);
  await toggle.getByRole('checkbox').check();
  await expect(page.getByTestId('run-row').first()).toBeVisible();
});
