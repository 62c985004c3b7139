import { expect, test } from '@playwright/test';
import { ownHost } from './own-host';

// The UI audit of 2026-12-05: an episode opened from the episodes table while it ran ("running" row) showed
// "This episode has no recorded steps" and "running" for as long as the page stayed open, though it went on to
// record thirteen steps and fail. The replay now follows a running episode: its steps, then its outcome. Its own
// core, so the run here changes no other spec's lists.
const app = ownHost('mira-e2e-ui-live-replay-', { sandbox: { instancesPerFamily: 1 } });

test('a replay opened while its episode runs shows the steps as they come and then the outcome', async ({ page }) => {
  test.setTimeout(180_000);
  const task = app.core.catalog!.all().find((t) => t.site === 'shop')!;
  const started = await app.core.run({ taskIds: [task.id], policy: 'random', seed: 5 });
  let episodeId = '';
  await expect.poll(async () => {
    const running = (await app.core.api.listEpisodes({ runId: started.runId })).find((e) => e.status === 'running');
    episodeId = running?.id ?? '';
    return episodeId;
  }, { timeout: 60_000 }).not.toBe('');

  await page.goto(`${app.host.loginUrl}#/episode/${episodeId}/step/0`);
  const outcome = page.getByTestId('outcome');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Steps appear while it runs, and the episode's end shows without a reload.
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 1 \/ \d+$/, { timeout: 60_000 });
  await started.done;
  const [episode] = await app.core.api.listEpisodes({ runId: started.runId });
  expect(episode.status).not.toBe('running');
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 1 / ${episode.stepCount}`, { timeout: 30_000 });
  await expect(outcome).not.toContainText('running', { timeout: 30_000 });
  await expect(outcome).toContainText(episode.success ? 'success' : 'failed');
});
