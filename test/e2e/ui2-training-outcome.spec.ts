import { expect, test } from '@playwright/test';
import type { TrainingRunner } from '../../main/services/training-jobs';
import { stubTrainingRunner } from '../helpers/stub-training-runner';
import { ownHost } from './own-host';
import { saveView } from './shots';

// The web-UI audit of 2026-12-05, on a finished training job: it kept its last progress line ("phase 1 · test
// evaluation (test episode 1/1)") under a full bar; the phase table's loss (the phase's mean) and the chart's
// "last" stood side by side without saying which was which; a phase that updated no model showed 0 samples/s.
// The stub trainer runs the job; its phase 1 is recorded as having timed no update (samples/s 0).
const stub = stubTrainingRunner();
const noUpdateInPhase1: TrainingRunner = (request, ctx) =>
  stub(request, { ...ctx, onPhase: (r) => ctx.onPhase(r.phase === 1 ? { ...r, samples: 0, samplesPerSecond: 0 } : r) });
const app = ownHost('mira-e2e-ui2-training-', { sandbox: { instancesPerFamily: 1 }, training: { runner: noUpdateInPhase1 } });

test('a finished job shows what it came to, says which loss is which, and "—" for a phase with no update', async ({ page }) => {
  test.setTimeout(180_000);
  const { jobId } = await app.core.api.startTraining({ variants: ['full'], phases: 1, families: ['shop/sorted-category'], instancesPerFamily: 5, seed: 1 });
  await expect.poll(async () => (await app.core.api.listTrainingJobs()).find((j) => j.id === jobId)?.status, { timeout: 120_000 }).toBe('finished');

  await page.goto(`${app.host.loginUrl}#/training`);
  const job = page.getByTestId('training-job');
  await expect(job.getByTestId('training-status')).toHaveText('finished');
  // What it came to, not its last progress line and a full bar.
  await expect(job.getByTestId('training-outcome')).toHaveText(/^Finished: evaluated through phase 1; best test SR \d+% \(full, phase [01]\)$/);
  await expect(job.getByTestId('training-stage')).toHaveCount(0);
  await expect(job.getByRole('progressbar', { name: 'Training progress' })).toHaveCount(0);

  // The phase table's losses are phase means; the chart's "last" is the newest update.
  const phases = job.getByRole('table', { name: 'Phases' });
  await expect(phases.getByRole('columnheader', { name: 'Losses (phase mean)' })).toBeVisible();
  await expect(job.getByTestId('loss-curve').locator('[data-testid="loss-plot"][data-name="policy"]')).toContainText(/policy · last update \d/);

  // Samples/s: SFT measured a rate; phase 1 updated nothing, and says so instead of "0".
  await expect(phases.getByRole('columnheader', { name: 'Samples/s' })).toBeVisible();
  const column = (await phases.getByRole('columnheader').allInnerTexts()).map((t) => t.trim()).indexOf('Samples/s');
  const rows = phases.getByTestId('phase-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByRole('cell').nth(column)).toHaveText('100');
  const none = rows.nth(1).getByRole('cell').nth(column);
  await expect(none).toHaveText('—');
  await expect(none).toHaveAttribute('title', /^No model update in this phase/);
  await saveView(page, 'training-finished-job', true);
});
