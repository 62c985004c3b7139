import { expect, test } from '@playwright/test';
import { stubTrainingRunner } from '../helpers/stub-training-runner';
import { ownHost } from './own-host';

// The UI audit of 2026-12-05: "Compare training jobs" read both jobs once, so a job still running when the page
// opened stayed "running" with empty phases for as long as the page stayed open, while the Training page showed
// it finished. Here the page follows the jobs' progress as the Training page does. The stub runner holds each job
// in phase 0 until the test lets it go; its own core, so no other spec's jobs are involved.
let release: () => void = () => undefined;
const held = new Promise<void>((resolve) => (release = resolve));
const app = ownHost('mira-e2e-ui-job-compare-live-', { sandbox: { instancesPerFamily: 1 }, training: { runner: stubTrainingRunner({ hold: () => held }) } });

test('a job comparison opened while the jobs run shows them finish without a reload', async ({ page }) => {
  test.setTimeout(180_000);
  const base = { variants: ['full' as const], phases: 1, families: ['shop/sorted-category'], instancesPerFamily: 5 };
  const a = (await app.core.api.startTraining({ ...base, seed: 1 })).jobId;
  const b = (await app.core.api.startTraining({ ...base, seed: 2 })).jobId;

  await page.goto(`${app.host.loginUrl}#/compare-jobs/${a}/${b}`);
  const view = page.getByTestId('job-compare');
  await expect(view.getByTestId('job-a-status')).toHaveText('running');
  await expect(view.getByTestId('job-b-status')).toHaveText('running');

  release();
  await expect(view.getByTestId('job-a-status')).toHaveText('finished', { timeout: 150_000 });
  await expect(view.getByTestId('job-b-status')).toHaveText('finished', { timeout: 150_000 });
  // Both jobs' phases 0 and 1 are in the table, each tested in A and in B.
  const phases = view.getByTestId('phase-compare-row');
  await expect(phases).toHaveCount(2);
  await expect(phases.nth(1).getByTestId('phase-delta')).not.toHaveText('—');
});
