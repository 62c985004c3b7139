import { expect, test } from '@playwright/test';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { startGeminiServer, type GeminiServer } from '../fixtures/gemini-server';
import { useGeminiServer } from '../fixtures/gemini-settings';
import { HAND_SUBGOALS as HAND, REPLANNED_SUBGOALS as REPLANNED, REPLAN_TASK as TASK, replanReplies } from '../fixtures/replan-scenario';
import { ownHost } from './own-host';
import { saveView } from './shots';

// Issue 21: an SGO re-plan on a hand-corrected 5-subgoal set (Settings say K = 4) keeps K = 5, and the run
// report renders its heatmap; the episode's lane shows the five milestones. One short episode against the
// loopback Gemini server, with the same fake replies as test/integration/sgo-replan-keeps-k.test.ts.
const KEY = 'e2e-replan-key-8765';
let gemini: GeminiServer;
const app = ownHost(
  'mira-e2e-replan-',
  async () => {
    gemini = await startGeminiServer({ apiKey: KEY });
    return { sandbox: { instancesPerFamily: 1 }, secrets: new MemorySecretStore({}), llm: { cacheDir: false, timeoutMs: 10_000 } };
  },
  (core) => useGeminiServer(core.api, gemini, KEY),
);
test.afterAll(async () => {
  await gemini?.close();
});

test('a re-plan on a hand-corrected 5-subgoal set keeps K = 5 and the run report renders', async ({ page }) => {
  test.setTimeout(180_000);
  const hand = await app.core.api.saveSubgoalSet(TASK, HAND.map((text) => ({ text })), 'hand-corrected: five milestones');
  gemini.enqueue(...replanReplies());
  const { runId, done } = await app.core.run({ taskIds: [TASK], policy: 'sgo', sgo: { subgoalSetId: hand.id, replanAfterSteps: 2 } });
  const [episode] = await done;
  expect(gemini.pending()).toBe(0);

  // The report: the heatmap has one row per milestone of the hand set (5) and a column per step (4).
  await page.goto(`${app.host.loginUrl}#/run/${runId}`);
  await expect(page.getByTestId('overall-sr')).toHaveText('Success rate 0% (0/1 episodes)', { timeout: 60_000 });
  const heatmap = page.getByTestId('heatmap');
  await expect(heatmap.getByRole('img', { name: 'P(subgoal done by step)' })).toBeVisible();
  await expect(heatmap.getByTestId('heat-cell')).toHaveCount(5 * 4);
  await expect(heatmap.locator('[data-testid="heat-cell"][data-k="4"]')).toHaveCount(4);
  await expect(heatmap.locator('[data-testid="heat-cell"][data-k="0"][data-t="3"]')).toHaveAttribute('data-p', '1');
  // Steps read from 1, as in the replay and the lane below ("done at step 1"): column t is after step t + 1.
  await expect(heatmap.getByTestId('heat-steps')).toHaveText('step 1 → 4');
  await expect(heatmap.locator('[data-testid="heat-cell"][data-k="0"][data-t="0"] title')).toHaveText('subgoal 1, by step 1: 100%');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await saveView(page, 'replan-report', true);

  // The episode's lane: K = 5, the confirmed hand milestone verbatim, then the re-planned ones, as the
  // new version that names the hand set it replaced.
  await page.goto(`${app.host.loginUrl}#/episode/${episode.id}/step/3`);
  await expect(page.getByTestId('lane-set')).toContainText(`Subgoals v${hand.version + 1} · generated`);
  const rows = page.getByTestId('lane-row');
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toHaveAttribute('aria-label', `Subgoal 1: ${HAND[0]} — done at step 1`);
  for (const [i, text] of REPLANNED.entries()) await expect(rows.nth(i + 1)).toHaveAttribute('aria-label', `Subgoal ${i + 2}: ${text} — not done`);
  // The re-plan is shown (step and the version it replaced), and a verdict made before it names the milestone it
  // judged — the hand set's — not the re-planned text now in its row.
  await expect(page.getByTestId('lane-replan')).toHaveText(` · re-planned at step 4 from v${hand.version} (hand)`);
  await expect(rows.nth(1).locator('[data-testid="lane-verdict"] title').first()).toContainText(`step 1: not yet (judged "${HAND[1]}", before a re-plan) — no Sort By menu yet`);
  await saveView(page, 'replan-lane');
  await page.goto(`${app.host.loginUrl}#/episode/${episode.id}/step/1`);
  await expect(page.getByTestId('verdict').filter({ hasText: 'no Sort By menu yet' })).toContainText(`… not yet — 2. ${HAND[1]}`);

  // The Subgoals page: the re-plan is the newest version but not the current one; new runs start from the hand set.
  await page.goto(`${app.host.loginUrl}#/subgoals/${encodeURIComponent(TASK)}`);
  const versions = page.getByTestId('subgoal-versions').getByRole('listitem');
  await expect(versions.first().getByRole('button')).toHaveText(`v${hand.version + 1} · generated · re-plan`);
  await expect(versions.nth(1).getByRole('button')).toHaveText(`v${hand.version} · hand (current)`);
  await expect(page.getByRole('region', { name: 'Edit subgoals' }).getByRole('heading')).toHaveText(`Editing from version ${hand.version}`);
});
