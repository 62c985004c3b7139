import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadCheckpoint } from '../../main/training/model/checkpoint';
import { stubTrainingRunner } from '../helpers/stub-training-runner';
import { ownHost } from './own-host';
import { saveView } from './shots';
import { startTrainingJob } from './training-form';

// Issue 21 "Training → use", as a person would: start a training job and watch it with its ETA and the
// small-split warning; when it finishes, each phase shows its checkpoint; "Fork with this policy" carries it
// to the fork dialog; "Run on the test split" runs the trained local policy over the job's test tasks, and
// the run's episode opens in the replay. The trainer is the stub runner (the page is under test, not the
// trainer), which saves real, loadable checkpoints of an untrained policy with the trainer's own save
// function; the run itself is real (the local policy loads the checkpoint and acts in Chromium).
let release: () => void = () => undefined;
const held = new Promise<void>((resolve) => (release = resolve));
// Registered first, so it runs before ownHost's afterAll closes the core: a held job must be let go.
test.afterAll(() => release());
// Held in phase 0 until the running job (ETA, warning) has been looked at.
const app = ownHost('mira-e2e-training-use-', { sandbox: { instancesPerFamily: 1 }, training: { runner: stubTrainingRunner({ hold: () => held }) } });

test('training → run a phase\'s checkpoint on the test split → its episode in the replay', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`${app.host.loginUrl}#/training`);
  const form = page.getByRole('form', { name: 'New training job' });
  const job = await startTrainingJob(form, { families: ['shop/sorted-category'], phases: 1, instancesPerFamily: 5, sftDemosPerFamily: 2 });

  // Running: an ETA, and a warning that one test task cannot measure a success rate.
  await expect(job.getByTestId('training-status')).toHaveText('running');
  await expect(job.getByTestId('training-eta')).toHaveText(/about .+ min left|under a minute left|estimating time left/, { timeout: 60_000 });
  await expect(job.getByTestId('small-split-warning')).toContainText('Only 1 test task (fewer than 10)');
  await saveView(page, 'training-use-running');
  release();
  await expect(job.getByTestId('training-status')).toHaveText('finished', { timeout: 120_000 });
  await expect(job.getByTestId('training-eta')).toHaveCount(0);

  // Each loss series on its own axis, with a log scale.
  const plots = job.getByTestId('loss-curve').getByTestId('loss-plot');
  await expect(plots).toHaveCount(4);
  await expect(job.getByTestId('loss-curve').locator('[data-testid="loss-plot"][data-name="critic"]')).toHaveAttribute('data-scale', 'linear');
  await job.getByLabel('Log scale').check();
  await expect(job.getByTestId('loss-curve').locator('[data-testid="loss-plot"][data-name="critic"]')).toHaveAttribute('data-scale', 'log');

  // Every phase shows its checkpoint: a real file inside <dataDir>/training that the agent can load.
  const [record] = await app.core.api.listTrainingJobs();
  expect(record.testTaskIds).toHaveLength(1);
  const rows = job.getByTestId('phase-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).getByTestId('checkpoint-path')).toHaveText(`${record.id}/full/phase-1.json`);
  const checkpoint = record.phases.find((p) => p.phase === 1)!.checkpoint;
  expect(checkpoint.startsWith(join(app.dir, 'training', record.id))).toBe(true);
  expect(existsSync(checkpoint)).toBe(true);
  expect((await loadCheckpoint(checkpoint)).meta.phase).toBe(1);
  await saveView(page, 'training-use-checkpoints', true);

  // "Fork with this policy" hands the checkpoint to the next fork dialog.
  await rows.nth(1).getByRole('button', { name: 'Fork with full phase 1' }).click();
  await expect(rows.nth(1).getByRole('status')).toContainText('The next fork dialog starts on the local policy with this checkpoint');

  // "Run on the test split": a local-policy run over the job's test task, opened live, under the stop rules of
  // the phase's own evaluation (the trainer's 20 steps, not a run's default 30), so the two SRs compare.
  await expect(rows.nth(1).getByTestId('test-split-limit')).toHaveText("at most 20 steps per episode, as in the phase's test evaluation");
  await rows.nth(1).getByRole('button', { name: 'Run full phase 1 on the test split' }).click();
  await expect(page).toHaveURL(/#\/run\/[^/]+$/, { timeout: 60_000 });
  const runId = decodeURIComponent(page.url().split('/run/')[1]);
  expect((await app.core.store.runs.get(runId))?.config.stopRules).toEqual({ maxSteps: 20, maxParseFailures: 3, maxRepeatedActions: 3 });
  await expect(page.getByTestId('overall-sr')).toHaveText(/Success rate \d+% \(\d\/1 episodes\)/, { timeout: 180_000 });
  await page.getByTestId('run-episodes').getByRole('link', { name: /Open episode/ }).click();

  // The replay of the trained policy's episode on the job's test task — and its fork dialog, prefilled.
  await expect(page.getByTestId('step-counter')).toHaveText(/Step 1 \/ \d+/);
  await expect(page.getByText(`${record.testTaskIds![0]} · policy local`)).toBeVisible();
  await page.getByRole('button', { name: 'Fork from this step' }).click();
  const dialog = page.getByRole('dialog', { name: /Fork from step/ });
  await expect(dialog.getByLabel('Policy')).toHaveValue('local');
  await expect(dialog.getByLabel('Checkpoint')).toHaveValue(checkpoint);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('outcome')).toBeVisible();
  await saveView(page, 'training-use-replay');
});
