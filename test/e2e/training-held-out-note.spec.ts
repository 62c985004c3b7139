import { expect, test } from '@playwright/test';
import { stubTrainingRunner } from '../helpers/stub-training-runner';
import { ownHost } from './own-host';
import { startTrainingJob } from './training-form';

// The MiRA audit of 2026-12-05, as a person reads the phase table: the loss stored as "critic" is V's training
// BCE and reads "value BCE"; a phase whose held-out slice held no success has no value held-out BCE, and the
// table says why instead of showing nothing (before, a near-zero number that was not a measurement). The trainer
// is the stub runner (the page is under test); its own core, so other training specs see only their own jobs.
const note = 'not available: no success could be held out (an outcome needs 2 episodes to spare one); V trained on all episodes, every epoch';
const app = ownHost('mira-e2e-training-held-out-', { sandbox: { instancesPerFamily: 1 }, training: { runner: stubTrainingRunner({ valueHeldOutNote: note }) } });

test("the phase table names V's BCE and says why its held-out BCE is not available", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`${app.host.loginUrl}#/training`);
  const job = await startTrainingJob(page.getByRole('form', { name: 'New training job' }), { families: ['shop/sorted-category'], phases: 1, instancesPerFamily: 5 });
  await expect(job.getByTestId('training-status')).toHaveText('finished', { timeout: 150_000 });
  const rows = job.getByTestId('phase-row');
  await expect(rows).toHaveCount(2);
  // The stub's phase-1 critic losses: V 0.5, P 0.4 (single seed).
  await expect(rows.nth(1)).toContainText('value BCE 0.500');
  await expect(rows.nth(1)).toContainText('potential MSE 0.400');
  await expect(rows.nth(1)).toContainText(`value held-out BCE ${note}`);
  await expect(rows.nth(1)).not.toContainText('critic');
  // The loss plot is found by its stored key and titled for a person.
  await expect(job.locator('[data-testid="loss-plot"][data-name="critic"] strong')).toHaveText('value BCE');
});
