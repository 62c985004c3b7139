import { createServer, type Server } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { createCore } from '../../main/core';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { reply, startGeminiServer, type GeminiServer } from '../fixtures/gemini-server';
import { useGeminiServer } from '../fixtures/gemini-settings';
import { ownHost } from './own-host';
import { saveView } from './shots';

// Issue 21, driven as a person would. (1) An episode recorded by another process (a first core, as the CLI
// would, whose sandbox had another port) is forked in the UI of a second core and ends on the fork's replay;
// a fork whose prefix cannot be reproduced is explained in the dialog and leaves no run. (2) From the
// replay's subgoal lane, "edit" opens the task's subgoals at that version; a corrected set is saved and run
// with SGO pinned to it; the new episode's lane shows the corrected set with its verdicts.
const KEY = 'e2e-rerun-key-4321';
const CORRECTED = 'The product page of the requested item is open';
let gemini: GeminiServer;
let portHolder: Server;
let sourceId: string;
let sourceSteps: number;
let firstSandbox: string;

/** The recording process, in the UI core's data directory: runs the oracle, then exits. */
async function recordInAnotherProcess(dir: string): Promise<void> {
  const taskId = SANDBOX_FAMILIES.find((f) => f.id === 'shop/add-to-cart')!.instantiate(1, 0).id;
  const recorder = await createCore({ dataDir: dir, sandbox: { instancesPerFamily: 1 } });
  try {
    firstSandbox = recorder.sandbox!.baseUrl;
    const [source] = await (await recorder.run({ taskIds: [taskId], policy: 'oracle' })).done;
    sourceId = source.id;
    sourceSteps = source.stepCount;
  } finally {
    await recorder.close();
  }
}

const app = ownHost(
  'mira-e2e-fork-rerun-',
  async (dir) => {
    await recordInAnotherProcess(dir);
    // Its port stays taken, so the UI's core surely has another sandbox origin.
    portHolder = createServer();
    await new Promise<void>((resolve) => portHolder.once('error', () => resolve()).listen(Number(new URL(firstSandbox).port), '127.0.0.1', () => resolve()));
    gemini = await startGeminiServer({ apiKey: KEY });
    return { sandbox: { instancesPerFamily: 1 }, secrets: new MemorySecretStore({}), llm: { cacheDir: false, timeoutMs: 10_000 } };
  },
  (core) => useGeminiServer(core.api, gemini, KEY),
);
test.afterAll(async () => {
  await gemini?.close();
  await new Promise((resolve) => (portHolder ? portHolder.close(resolve) : resolve(undefined)));
});

test('forks an episode another process recorded and ends on the fork\'s replay', async ({ page }) => {
  expect(app.core.sandbox!.baseUrl).not.toBe(firstSandbox);
  await page.goto(`${app.host.loginUrl}#/episode/${sourceId}/step/3`);
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 4 / ${sourceSteps}`);
  await expect(page.getByTestId('step-url')).toContainText(firstSandbox);

  await page.getByRole('group', { name: 'Step controls' }).getByRole('button', { name: 'Fork from this step' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fork from step 4' });
  await expect(dialog.getByLabel('Policy')).toHaveValue('oracle');
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/#\/run\/[^/]+$/, { timeout: 60_000 });
  const episodes = page.getByTestId('run-episodes');
  await expect(episodes).toContainText(`forked from ${sourceId.slice(0, 8)} at step 4`, { timeout: 60_000 });
  await expect(page.getByTestId('overall-sr')).toHaveText('Success rate 100% (1/1 episodes)', { timeout: 60_000 });
  await episodes.getByRole('link', { name: /Open episode/ }).click();

  // The fork's replay: replayed on this process's sandbox, linked to its source.
  await expect(page.getByTestId('forked-from').getByRole('link')).toHaveText(`Forked from episode ${sourceId.slice(0, 8)} at step 4`);
  await expect(page.getByTestId('filmstrip').locator('[data-prefix]')).toHaveCount(3);
  await expect(page.getByTestId('step-url')).toContainText(app.core.sandbox!.baseUrl);
  await expect(page.getByTestId('outcome')).toContainText('✓');
  await saveView(page, 'fork-cross-process-replay');
});

test('a fork whose prefix cannot be replayed says why in the dialog and leaves no run', async ({ page }) => {
  // A copy of the source whose step 2 claims a page the replay cannot reach.
  const copyId = `${sourceId}-tampered`;
  const source = (await app.core.store.episodes.get(sourceId))!;
  await app.core.store.episodes.create({ ...source, id: copyId });
  const columns = (await app.core.store.db.all<{ name: string }>('PRAGMA table_info(steps)')).map((c) => c.name).filter((c) => c !== 'episode_id');
  await app.core.store.db.run(`INSERT INTO steps (episode_id, ${columns.join(', ')}) SELECT ?, ${columns.join(', ')} FROM steps WHERE episode_id = ?`, [copyId, sourceId]);
  await app.core.store.db.run(`UPDATE steps SET url = url || '?elsewhere' WHERE episode_id = ? AND t = 1`, [copyId]);
  const runsBefore = (await app.core.api.listRuns()).length;

  await page.goto(`${app.host.loginUrl}#/episode/${copyId}/step/3`);
  await page.getByRole('button', { name: 'Fork from this step' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fork from step 4' });
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The fork could not start: fork_prefix_diverged at step 2', { timeout: 60_000 });
  await expect(page).toHaveURL(/#\/episode\//);
  await saveView(page, 'fork-diverged-dialog');
  // A wrong checkpoint is refused before anything runs (app.core.resolveCheckpoint), in the same dialog.
  await dialog.getByLabel('Policy').selectOption('local');
  await dialog.getByLabel('Checkpoint').fill('no-such-job/phase-1.json');
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(dialog.getByRole('alert')).toContainText('No checkpoint at "no-such-job/phase-1.json"');
  expect(await app.core.api.listRuns()).toHaveLength(runsBefore);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('edit a subgoal from the replay lane, re-run SGO with that version, and see the corrected set in the lane', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/episode/${sourceId}/step/0`);
  const laneSet = page.getByTestId('lane-set');
  await expect(laneSet).toContainText('Subgoals v1 · reference');
  await laneSet.getByRole('link', { name: 'Edit subgoals v1 of this task' }).click();

  // The Subgoals page opens on the task at that version.
  await expect(page).toHaveURL(/#\/subgoals\/.+\?v=1$/);
  await expect(page.getByRole('heading', { name: 'Editing from version 1' })).toBeVisible();
  await page.getByLabel('Subgoal 1 text').fill(CORRECTED);
  await page.getByLabel('Note').fill('clearer first milestone');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved as version 2.');
  await saveView(page, 'subgoals-corrected');

  // Run SGO pinned to v2: the loopback model stops at once; the milestones are judged by their predicates.
  gemini.enqueue(reply.text('Done: none. Current: 1.\n```stop [not sure]```'));
  const runBar = page.getByRole('group', { name: 'Run with this version' });
  await expect(runBar.getByLabel('Policy')).toHaveValue('sgo');
  await runBar.getByRole('button', { name: 'Run sgo with v2' }).click();
  await expect(page).toHaveURL(/#\/run\/[^/]+$/);
  await expect(page.getByTestId('overall-sr')).toHaveText('Success rate 0% (0/1 episodes)', { timeout: 60_000 });
  await page.getByTestId('run-episodes').getByRole('link', { name: /Open episode/ }).click();

  // The new episode's lane: the corrected set (v2, hand) and its verdicts.
  await expect(page.getByTestId('lane-set')).toContainText('Subgoals v2 · hand');
  await expect(page.getByTestId('lane-row').first()).toHaveAttribute('aria-label', `Subgoal 1: ${CORRECTED} — not done`);
  await expect(page.getByTestId('lane-verdict').first()).toBeAttached();
  await saveView(page, 'rerun-corrected-lane');
  expect(gemini.pending()).toBe(0);
});

/** The source task's hand-corrected subgoal set, saved by the test before. */
async function handSetOfSource() {
  const taskId = (await app.core.store.episodes.get(sourceId))!.taskId;
  const hand = (await app.core.api.listSubgoalSets(taskId)).find((s) => s.origin === 'hand')!;
  return { taskId, hand };
}

/** Waits for the report of the run just started (one SGO episode that stops unsure) and returns its id. */
async function reportOfOneEpisodeRun(page: Page): Promise<string> {
  await expect(page).toHaveURL(/#\/run\/[^/]+$/);
  await expect(page.getByTestId('overall-sr')).toHaveText('Success rate 0% (0/1 episodes)', { timeout: 60_000 });
  return decodeURIComponent(/#\/run\/([^/]+)$/.exec(page.url())![1]);
}

test('the Tasks page runs any policy; with one task, SGO pinned to a chosen subgoal version', async ({ page }) => {
  const { taskId, hand } = await handSetOfSource();
  await page.goto(`${app.host.loginUrl}#/tasks`);
  const family = page.getByTestId('family').filter({ hasText: 'shop/add-to-cart' });
  await family.locator('summary').click();
  await family.getByLabel(`Select ${taskId}`).check();
  const bar = page.getByRole('group', { name: 'Run selected tasks' });
  await expect(bar.getByLabel('Policy').locator('option')).toHaveText(['oracle (sandbox solver)', 'react (LLM)', 'sgo (LLM, subgoals)', 'local (trained checkpoint)', 'random (baseline)', 'wrong (baseline)', 'do-nothing (baseline)']);
  await bar.getByLabel('Policy').selectOption('sgo');
  const versions = bar.getByLabel('Subgoal version');
  await expect(versions.locator('option').first()).toHaveText('generate from the first page');
  await versions.selectOption({ label: `v${hand.version} · hand · 4 milestones — clearer first milestone` });
  await bar.scrollIntoViewIfNeeded();
  await saveView(page, 'tasks-run-pinned-subgoals');

  gemini.enqueue(reply.text('```stop [not sure]```'));
  await bar.getByRole('button', { name: 'Run 1 selected' }).click();
  const runId = await reportOfOneEpisodeRun(page);
  expect((await app.core.store.runs.get(runId))!.config).toMatchObject({ policy: 'sgo', sgo: { subgoalSetId: hand.id } });
  await page.getByTestId('run-episodes').getByRole('link', { name: /Open episode/ }).click();
  await expect(page.getByTestId('lane-set')).toContainText(`Subgoals v${hand.version} · hand`);
});

test('"Run again" from a replay runs the task with SGO pinned to a chosen subgoal version', async ({ page }) => {
  const { hand } = await handSetOfSource();
  await page.goto(`${app.host.loginUrl}#/episode/${sourceId}/step/0`);
  await page.getByRole('group', { name: 'Step controls' }).getByRole('button', { name: 'Run again' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run this task again' });
  await dialog.getByLabel('Policy').selectOption('sgo');
  await dialog.getByLabel('Prompt version').selectOption('1');
  await dialog.getByLabel('Subgoal version').selectOption({ label: `v${hand.version} · hand · 4 milestones — clearer first milestone` });
  await saveView(page, 'run-again-dialog');
  gemini.enqueue(reply.text('```stop [not sure]```'));
  await dialog.getByRole('button', { name: 'Start' }).click();
  const runId = await reportOfOneEpisodeRun(page);
  expect((await app.core.store.runs.get(runId))!.config).toMatchObject({ policy: 'sgo', promptVersion: 1, sgo: { subgoalSetId: hand.id } });
  await page.getByTestId('run-episodes').getByRole('link', { name: /Open episode/ }).click();
  await expect(page.getByTestId('lane-set')).toContainText(`Subgoals v${hand.version} · hand`);
});
