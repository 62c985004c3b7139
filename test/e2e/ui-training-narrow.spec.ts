import { expect, test } from '@playwright/test';
import { stubTrainingRunner } from '../helpers/stub-training-runner';
import { ownHost } from './own-host';
import { startTrainingJob } from './training-form';

// The UI audit of 2026-12-05 at a 768-pixel-wide window: a finished job's panel (its backend line, the study
// table, the phase table) pushed the Training page 290 pixels past the window's right edge, so the job's
// status and charts were cut off and the whole page scrolled sideways. The stub runner trains (the page is
// under test); its own core, so other training specs see only their own jobs.
const app = ownHost('mira-e2e-ui-training-narrow-', { sandbox: { instancesPerFamily: 1 }, training: { runner: stubTrainingRunner() } });

test.use({ viewport: { width: 768, height: 720 } });

test('a finished training job fits a narrow window: the page does not scroll sideways and the job is in view', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`${app.host.loginUrl}#/training`);
  const form = page.getByRole('form', { name: 'New training job' });
  const job = await startTrainingJob(form, { families: ['shop/sorted-category'], phases: 1, instancesPerFamily: 5 });
  await expect(job.getByTestId('training-status')).toHaveText('finished', { timeout: 150_000 });
  await expect(job.getByTestId('phase-row')).toHaveCount(2);

  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow).toBe(0);
  const panel = await job.boundingBox();
  expect(panel!.x + panel!.width).toBeLessThanOrEqual(768);
  // Below 900 pixels the form sits above the job rather than squeezing it.
  const formBox = await form.boundingBox();
  expect(panel!.y).toBeGreaterThan(formBox!.y + formBox!.height - 1);
  const status = await job.getByTestId('training-status').boundingBox();
  expect(status!.x + status!.width).toBeLessThanOrEqual(768);
});
