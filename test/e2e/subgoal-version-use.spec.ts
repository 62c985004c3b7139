import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { replanNote } from '../../main/subgoals/plan';
import { ownHost } from './own-host';
import { saveView } from './shots';

// The Subgoals page says which version a new run starts from (docs/design/MIRA.md §3.2): an SGO episode's mid-run
// re-plan is stored as the task's newest version, but no new run starts from it — they take the version it
// re-planned. Before, the newest was marked "(current)" and opened in the editor. The re-plan is recorded here as
// an SGO episode stores it (test/integration/sgo-replan-keeps-k.test.ts drives a real one and checks the listing).
// Also: a MiniWoB++ task has no one current version, and "Run … with vN" without an LLM points to Settings.
const TASK = 'sandbox/shop/sorted-category/0';
const HAND = ['The Shoes category page is open', 'Sort By is set to Price: High to Low'];
const REPLANNED = ['The Shoes category page is open', 'The listing is sorted by price, high to low'];
// A MiniWoB++ task (the fixture checkout): its runs start from the newest version of their own seed.
const MINIWOB_TASK = 'miniwob/click-fixture';
const app = ownHost('mira-e2e-subgoal-use-', { sandbox: { instancesPerFamily: 1 }, miniwob: { dir: join(import.meta.dirname, '../fixtures/miniwob') } }, async (core) => {
  await core.api.saveSubgoalSet(MINIWOB_TASK, [{ text: 'The button is clicked' }], 'hand-written');
  await core.api.listSubgoalSets(TASK); // the page has shown the sandbox's reference set: v1
  const hand = await core.api.saveSubgoalSet(TASK, HAND.map((text) => ({ text })), 'hand-corrected');
  await core.store.subgoalSets.create({ taskId: TASK, origin: 'generated', items: REPLANNED.map((text) => ({ text })), note: replanNote(hand, 3, 'ep-replanned'), model: 'gemini-2.5-pro' });
});

test('an episode\'s re-plan is not the current version: the page opens on what new runs start from and says so', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/subgoals/${encodeURIComponent(TASK)}`);
  const versions = page.getByTestId('subgoal-versions').getByRole('listitem');
  const heading = page.getByRole('region', { name: 'Edit subgoals' }).getByRole('heading');
  // v1 reference (listed before the hand save), v2 hand, v3 the episode's re-plan.
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(0).getByRole('button')).toHaveText('v3 · generated · re-plan');
  await expect(versions.nth(0)).toContainText('re-planned from v2 (hand) at step 4 of episode ep-replanned');
  await expect(versions.nth(0)).toContainText('Made inside that episode: new runs do not start from it.');
  await expect(versions.nth(1).getByRole('button')).toHaveText('v2 · hand (current)');
  await expect(page.getByTestId('subgoal-versions')).not.toContainText('generated (current)');
  await expect(page.getByTestId('version-use-note')).toContainText("New runs that take the task's newest set start from v2 (current). v3 is an episode's re-plan, never a starting point.");

  // The editor and the run bar open on the current version, with nothing to save.
  await expect(heading).toHaveText('Editing from version 2');
  await expect(page.getByLabel('Subgoal 2 text')).toHaveValue(HAND[1]);
  await expect(page.getByRole('button', { name: 'Run sgo with v2' })).toBeVisible();
  await expect(page.getByText('Same milestones as the current version (v2).')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save as new version' })).toBeDisabled();
  await saveView(page, 'subgoals-replan-not-current', true);

  // The re-plan can be looked at, said to be one, and restored as a hand version that new runs start from.
  await versions.nth(0).getByRole('button').click();
  await expect(heading).toHaveText("Editing from version 3, an episode's re-plan");
  await expect(page.getByText('Saves version 3\'s milestones as a new version, which new runs then start from (now v2).')).toBeVisible();
  await page.getByRole('button', { name: 'Restore version 3' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved as version 4.');
  await expect(versions.nth(0).getByRole('button')).toHaveText('v4 · hand (current)');
  await expect(versions.nth(1).getByRole('button')).toHaveText('v3 · generated · re-plan');
  await expect(versions.nth(2).getByRole('button')).toHaveText('v2 · hand');
  await expect(page.getByTestId('version-use-note')).toContainText("start from v4 (current). v3 is an episode's re-plan");
  expect((await app.core.api.listSubgoalSets(TASK)).map((v) => [v.version, v.use])).toEqual([[4, 'current'], [3, 'replan'], [2, 'earlier'], [1, 'earlier']]);
});

test('running a version with no LLM configured says so and offers the way to Settings', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/subgoals/${encodeURIComponent(TASK)}`);
  const runs = (await app.core.store.runs.list()).length;
  await page.getByRole('button', { name: /^Run sgo with v\d+$/ }).click();
  const alert = page.getByRole('group', { name: 'Run with this version' }).getByRole('alert');
  await expect(alert).toContainText('No LLM provider is configured');
  await alert.getByRole('link', { name: 'Open Settings' }).click();
  await expect(page).toHaveURL(/#\/settings$/);
  expect(await app.core.store.runs.list()).toHaveLength(runs);
});

test('a MiniWoB++ task names no current version: each run starts from its own seed\'s newest', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/subgoals/${encodeURIComponent(MINIWOB_TASK)}`);
  const versions = page.getByTestId('subgoal-versions').getByRole('listitem');
  await expect(versions).toHaveCount(1);
  await expect(versions.first().getByRole('button')).toHaveText('v1 · hand');
  await expect(page.getByTestId('version-use-note')).toContainText('Each run of this MiniWoB++ task starts from the newest version an episode of its own seed used (the instruction differs per seed).');
  // Nothing to compare a save against but the newest version, and the page says which.
  await expect(page.getByText('Same milestones as the newest version (v1).')).toBeVisible();
});
