import { expect, test } from '@playwright/test';
import type { TrainingProgress } from '../../main/api/training-types';
import { ownHost } from './own-host';
import { saveView } from './shots';
import { fillTrainingForm } from './training-form';

// Issue 21 "training rollouts are stored as episodes of the job (replayable, filterable by phase)", as a person
// would check it: train a tiny two-variant job with the real trainer (its workers, the real episode loop in
// Chromium, tfjs), follow phase 0's demonstrations link, then phase 1's "rollouts (N)" link to the episodes table filtered to that job's phase, and open one in
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
  // Every stage the real trainer reports, with its count, per variant (the training audit of 2026-12-05: SFT, the
  // critics and the policy update had no count of their own, so the stage line sat at "rollout 2/2" while the
  // critics trained).
  const counts = new Map<string, number>();
  const off = app.core.events.subscribe(({ event, payload }) => {
    const p = payload as TrainingProgress;
    if (event === 'training' && !p.losses && p.message !== 'Job finished.') counts.set(`${p.variant} ${p.phase} ${p.stage}`, p.total);
  });
  // Two variants: the second reads the demonstrations the first recorded from the job's cache.
  await fillTrainingForm(form, { families: ['shop/add-to-cart'], phases: 1, instancesPerFamily: 5, sftDemosPerFamily: 2 });
  await form.getByRole('checkbox', { name: 'no-potential' }).check();
  await form.getByRole('button', { name: 'Start training' }).click();
  const job = page.getByTestId('training-job');
  await expect(job.getByTestId('training-status')).toHaveText('finished', { timeout: 540_000 });
  off();
  // SFT counts its 2 epochs; the critics at most 2 epochs of V and (full only) 2 of P; the policy update its
  // minibatches (none when the perplexity filter kept no step of this barely trained policy's rollouts).
  for (const [variant, criticEpochs] of [['full', 4], ['no-potential', 2]] as const) {
    expect([...counts.keys()].filter((k) => k.startsWith(`${variant} `))).toEqual(
      ['0 demonstrations', '0 sft', '0 evaluation', '1 rollout', '1 critics', '1 policy', '1 evaluation'].map((k) => `${variant} ${k}`),
    );
    expect(counts.get(`${variant} 0 sft`)).toBe(2);
    expect(counts.get(`${variant} 1 critics`)).toBe(criticEpochs);
  }
  await expect(job.getByTestId('phase-row')).toHaveCount(4);
  // Phase 0 links its oracle demonstrations: 4 recorded (the train tasks), of which SFT learned from 2 (its budget
  // of 2 per family) — for both variants, the one that read them from the cache too (the training audit of
  // 2026-12-05: the link counted all 4, and the second variant had none). Phase 1 links its 2 sampled rollouts.
  for (const variant of ['full', 'no-potential']) {
    await expect(job.getByRole('link', { name: `Rollouts of ${variant} phase 0` })).toHaveText('demonstrations (2 used by SFT, of 4)');
  }
  const link = job.getByRole('link', { name: 'Rollouts of full phase 1' });
  await expect(link).toHaveText('rollouts (2)');
  await saveView(page, 'training-rollouts-links', true);
  // The critics fitted on 2 rollouts, too few to hold one out: the study says so, for V and for P (the training audit of 2026-12-05:
  // it said "no MiRA phase yet" beside a table of MiRA phases).
  const noValueHeldOut = 'no held-out loss: no held-out slice held both a success and a failure in the MiRA phase (V then trained on every episode)';
  const noHeldOut = 'no held-out loss: the held-out set was empty in the MiRA phase (too few rollouts of each outcome to hold one out)';
  await expect(job.getByTestId('study-critic-valueHeldOut')).toHaveAttribute('aria-label', `value held-out BCE: ${noValueHeldOut}`);
  await expect(job.getByTestId('study-critic-potentialHeldOut')).toHaveAttribute('aria-label', `potential held-out MSE: ${noHeldOut}`);

  // The demonstrations open as the job's successful phase-0 episodes (SFT learns from no failed one).
  await job.getByRole('link', { name: 'Rollouts of no-potential phase 0' }).click();
  await expect(page).toHaveURL(/#\/\?phase=phase\+\d/);
  const demoFilters = page.getByRole('search', { name: 'Episode filters' });
  await expect(demoFilters.getByLabel('Phase')).toHaveValue('phase 0');
  await expect(demoFilters.getByLabel('Outcome')).toHaveValue('succeeded');
  await expect(page.getByTestId('episode-row')).toHaveCount(4);
  await expect(page.getByTestId('episode-row').first()).toContainText('oracle');
  await page.goto(`${app.host.loginUrl}#/training`);

  // The episodes table, filtered to that run and phase.
  await link.click();
  await expect(page).toHaveURL(/#\/\?phase=phase\+\d/);
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
