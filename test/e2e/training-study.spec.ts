import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { stubTrainingRunner } from '../helpers/stub-training-runner';
import { ownHost } from './own-host';
import { saveView } from './shots';
import { fillTrainingForm } from './training-form';

// Issue 17 UI: a job over three trainer seeds and two variants shows its study — test SR per phase with the 95%
// intervals as bands, the failure-mode mix per phase as stacked bars, the critics' held-out losses, the
// filter's counts and the table — and exports one self-contained HTML report. The trainer is the stub runner
// (the page is under test here); its per-task outcomes give the study real numbers to resample. Its own core,
// so the other training specs see only their own jobs.
const app = ownHost('mira-e2e-training-study-', { sandbox: { instancesPerFamily: 1 }, training: { runner: stubTrainingRunner() } });

test('a study over seeds shows SR bands and stacked failure bars, and exports an HTML report', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`${app.host.loginUrl}#/training`);
  const form = page.getByRole('form', { name: 'New training job' });
  await form.getByRole('checkbox', { name: 'kl', exact: true }).check();
  await fillTrainingForm(form, { families: ['shop/sorted-category'], phases: 2, instancesPerFamily: 20 });
  await form.getByLabel('Seeds').fill('1, x');
  await form.getByRole('button', { name: 'Start training' }).click();
  await expect(form.getByRole('alert')).toContainText('Seeds must be integers');
  await form.getByLabel('Seeds').fill('1,2,3');
  await form.getByRole('button', { name: 'Start training' }).click();

  const job = page.getByTestId('training-job');
  await expect(job.getByTestId('training-setup')).toContainText('seeds 1, 2, 3');
  await expect(job.getByTestId('training-status')).toHaveText('finished', { timeout: 200_000 });

  const study = job.getByTestId('study');
  await expect(study.getByRole('heading', { name: 'Study over seeds 1, 2, 3' })).toBeVisible();
  // One band and one line per variant, a point per phase (SFT + 2).
  const bands = study.getByTestId('study-sr-bands');
  await expect(bands.locator('[data-testid="sr-band"]')).toHaveCount(2);
  await expect(bands.locator('[data-testid="sr-point"][data-variant="full"]')).toHaveCount(3);
  // The stub's seeds differ by one task each, so the interval has width: low < mean < high at SFT.
  const sft = bands.locator('[data-testid="sr-point"][data-variant="full"][data-phase="0"]');
  const [low, mean, high] = await Promise.all(['data-low', 'data-mean', 'data-high'].map(async (a) => Number(await sft.getAttribute(a))));
  expect(low).toBeLessThan(mean);
  expect(high).toBeGreaterThan(mean);
  // Stacked failure bars: each (variant, phase) bar's segments add up to the whole of its failures.
  const bars = study.getByTestId('study-failure-bars');
  for (const phase of [0, 1, 2]) {
    const shares = await bars.locator(`[data-testid="failure-segment"][data-variant="kl"][data-phase="${phase}"]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-share'))));
    expect(shares.length).toBeGreaterThan(1);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 1);
  }
  await expect(bars.locator('[data-mode="stuck_midway"]').first()).toBeVisible();
  await expect(study.getByTestId('study-critic-valueHeldOut').locator('[data-testid="critic-point"]')).toHaveCount(4);
  await expect(study.getByTestId('study-filter-bars').locator('[data-testid="filter-kept"]')).toHaveCount(4);
  const rows = study.getByTestId('study-row');
  await expect(rows).toHaveCount(6);
  await expect(rows.first()).toContainText(/full\s*SFT\s*\d+\.\d% \[\d+\.\d%, \d+\.\d%\] n=12/);
  await study.scrollIntoViewIfNeeded();
  await saveView(page, 'training-study', true);

  const [download] = await Promise.all([page.waitForEvent('download'), study.getByRole('button', { name: 'Export report (HTML)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^mira-study-[0-9a-f]{8}\.html$/);
  const html = await readFile((await download.path())!, 'utf8');
  expect(html).toContain('data-testid="study-sr-bands"');
  expect(html).toContain('data-testid="study-failure-bars"');
  expect(html).not.toMatch(/https?:\/\//);
});
