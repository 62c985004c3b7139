import { expect, test } from '@playwright/test';
import { recordCriticRuns, type CriticRuns } from '../fixtures/critic-runs';
import { ownHost } from './own-host';
import { saveView } from './shots';

// Issue 17 "critics trained from a recorded run of a non-local policy, with V and P visible in its replay":
// a wrong-policy run and an oracle run of the same shop tasks are recorded; on the wrong run's report the
// person ticks the oracle run, clicks "Fit critics", watches the fit finish with held-out losses and V's
// reliability diagram, then opens one of the wrong run's episodes and sees the value and potential curves.
let runs: CriticRuns;
const app = ownHost('mira-e2e-critics-', { sandbox: { instancesPerFamily: 1 } }, async (core) => {
  runs = await recordCriticRuns(core, 4);
});

test('fits critics from a run report and draws V and P in the replay of a wrong-policy episode', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`${app.host.loginUrl}#/run/${runs.wrongRunId}`);
  await expect(page.getByTestId('overall-sr')).toHaveText('Success rate 0% (0/4 episodes)', { timeout: 60_000 });
  const critics = page.getByTestId('run-critics');
  await expect(critics.getByRole('heading', { name: 'Value and potential critics' })).toBeVisible();
  // No fit yet: the replay has no curves to draw.
  await expect(critics.getByTestId('critic-fit-result')).toHaveCount(0);
  await critics.getByRole('checkbox', { name: new RegExp(`oracle · ${runs.oracleRunId.slice(0, 8)}`) }).check();
  await critics.getByRole('button', { name: 'Fit critics' }).click();

  const result = critics.getByTestId('critic-fit-result');
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(result).toContainText('on 8 episode(s) (6 train, 2 held out)');
  const losses = result.getByTestId('critic-losses');
  await expect(losses.getByRole('row', { name: /value V \(BCE\) \d\.\d{4} \d\.\d{4}/ })).toBeVisible();
  await expect(losses.getByRole('row', { name: /potential P \(MSE\) \d\.\d{4} \d\.\d{4}/ })).toBeVisible();
  await expect(result.getByTestId('critic-ece')).toHaveText(/^Calibration of V on held-out states: ECE \d\.\d{3} over \d+ states$/);
  const diagram = result.getByTestId('reliability-diagram');
  await expect(diagram.getByRole('img', { name: 'Reliability of V vs outcome' })).toBeVisible();
  await expect(diagram.getByTestId('calibration-bin')).toHaveCount(10);
  // The bins' counts add up to the states the caption names.
  const n = Number((await result.getByTestId('critic-ece').textContent())!.match(/over (\d+) states/)![1]);
  const counts = await diagram.getByTestId('calibration-bin').evaluateAll((bins) => bins.map((b) => Number(b.getAttribute('data-count'))));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
  await critics.scrollIntoViewIfNeeded();
  await saveView(page, 'run-critics-report', true);

  // Replay of a wrong-policy episode (its policy recorded no V or P): the fitted critics' curves, one point per step.
  const episode = runs.wrong[0];
  const steps = await app.core.store.steps.list(episode.id);
  await page.goto(`${app.host.loginUrl}#/episode/${episode.id}/step/0`);
  const chart = page.getByTestId('value-chart');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('data-source', 'fitted');
  await expect(chart.getByTestId('series-value')).toHaveAttribute('data-points', String(steps.length));
  await expect(chart.getByTestId('series-potential')).toHaveAttribute('data-points', String(steps.length));
  await expect(chart.getByTestId('legend-value')).toHaveText(/^value V\(s\) = \d\.\d{3}$/);
  await expect(chart.getByTestId('legend-potential')).toHaveText(/^potential Φ\(s\) = \d\.\d{3}$/);
  await expect(chart).toContainText('critics fitted on this run');
  await saveView(page, 'run-critics-replay', true);
});
