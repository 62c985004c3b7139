import { expect, test, type Page } from '@playwright/test';
import { LONG_CRITIC_FIT, recordCriticRuns, type CriticRuns } from '../fixtures/critic-runs';
import { ownHost } from './own-host';
import { saveView } from './shots';

// Issue 17 polish: a critic fit computes in a worker thread, off the core's event loop. On a run's report the
// person starts a fit, sees its epochs and loss, and cancels it with a button; while a fit runs the
// workbench keeps answering (other pages load, other reports are analysed). These fits have no held-out stop
// (LONG_CRITIC_FIT): they run until cancelled, so the spec never races the fit's end.
let runs: CriticRuns;
const app = ownHost('mira-e2e-critics-cancel-', { sandbox: { instancesPerFamily: 1 }, training: { criticFit: LONG_CRITIC_FIT } }, async (core) => {
  runs = await recordCriticRuns(core, 3);
});

// The runs are all failures: no held-out slice holds both outcomes, so V trains on every episode and the line
// shows its training BCE, said as such (docs/design/MIRA.md §4.6).
const EPOCH = /Value critic V: epoch (\d+) of at most 1000000, training BCE \d\.\d{4} \(nothing held out\)/;

async function startFit(page: Page) {
  await page.goto(`${app.host.loginUrl}#/run/${runs.wrongRunId}`);
  await expect(page.getByTestId('overall-sr')).toHaveText('Success rate 0% (0/3 episodes)', { timeout: 60_000 });
  const critics = page.getByTestId('run-critics');
  await critics.getByRole('button', { name: 'Fit critics' }).click();
  const progress = critics.getByTestId('critic-fit-progress');
  await expect(progress).toContainText(EPOCH, { timeout: 120_000 });
  return { critics, progress };
}

const epochOf = async (page: Page) => Number((await page.getByTestId('critic-fit-progress').textContent())!.match(EPOCH)![1]);

test('a running critic fit shows its epochs and loss and stops at once on Cancel', async ({ page }) => {
  test.setTimeout(240_000);
  const { critics, progress } = await startFit(page);
  await expect(critics.getByRole('button', { name: 'Fit critics' })).toBeDisabled();
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await critics.scrollIntoViewIfNeeded();
  await saveView(page, 'run-critics-fitting', true);

  await progress.getByRole('button', { name: 'Cancel fit' }).click();
  await expect(critics.getByTestId('critic-fit-error')).toHaveText('Last fit cancelled: Cancelled by the user.');
  await expect(progress).toHaveCount(0);
  await expect(critics.getByTestId('critic-fit-result')).toHaveCount(0);
  await expect(critics.getByRole('button', { name: 'Fit critics' })).toBeEnabled();
  const [fit] = await app.core.api.listCriticFits(runs.wrongRunId);
  expect(fit).toMatchObject({ status: 'cancelled', error: 'Cancelled by the user.', result: null });
  await saveView(page, 'run-critics-cancelled', true);
});

test('the workbench keeps answering while a critic fit runs', async ({ page }) => {
  test.setTimeout(240_000);
  await startFit(page);
  const [fit] = (await app.core.api.listCriticFits(runs.wrongRunId)).filter((f) => f.status === 'running');
  try {
    const before = await epochOf(page);
    // Other pages load from the API meanwhile: the runs list, and another run's report (analysed on request).
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Runs' }).click();
    await expect(page.getByRole('heading', { name: 'Runs', level: 1 })).toBeVisible();
    await page.goto(`${app.host.loginUrl}#/run/${runs.oracleRunId}`);
    await expect(page.getByTestId('overall-sr')).toHaveText('Success rate 100% (3/3 episodes)', { timeout: 60_000 });
    // Back on the fitted run's report, the same fit is still going, further along.
    await page.goto(`${app.host.loginUrl}#/run/${runs.wrongRunId}`);
    await expect(page.getByTestId('critic-fit-progress')).toContainText(EPOCH, { timeout: 60_000 });
    await expect.poll(() => epochOf(page), { timeout: 60_000 }).toBeGreaterThan(before);
  } finally {
    await app.core.api.cancelCriticFit(fit.id);
  }
});
