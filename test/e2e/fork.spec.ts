import { expect, test } from '@playwright/test';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';
import { ownHost } from './own-host';
import { saveView } from './shots';

// Issue 8 "Fork", driven as a person would: open an oracle episode, fork it from step 3 with another policy
// through the dialog, land on the live run, open the new episode and follow its provenance link back. The
// fork adds episodes, so this spec records into its own data directory and host (the shared global-setup
// state keeps the counts other specs check).
let sourceId: string;
let sourceSteps: number;
const app = ownHost('mira-e2e-fork-', { sandbox: { instancesPerFamily: 1 } }, async (core) => {
  const taskId = SANDBOX_FAMILIES.find((f) => f.id === 'shop/add-to-cart')!.instantiate(1, 0).id;
  const [source] = await (await core.run({ taskIds: [taskId], policy: 'oracle' })).done;
  sourceId = source.id;
  sourceSteps = source.stepCount;
});

test('forks an episode from a step with another policy and links the fork back to its source', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/episode/${sourceId}/step/2`);
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 3 / ${sourceSteps}`);
  await expect(page.getByTestId('forked-from')).toHaveCount(0);

  await page.getByRole('group', { name: 'Step controls' }).getByRole('button', { name: 'Fork from this step' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fork from step 3' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Steps 1–2 replay this episode\'s recorded actions');
  // The replay's step keys stay quiet while the dialog is open: the step it forks from cannot move under it.
  await dialog.getByRole('button', { name: 'Cancel' }).focus();
  for (const key of ['ArrowRight', 'End', 'j']) await page.keyboard.press(key);
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 3 / ${sourceSteps}`);
  await expect(dialog).toBeVisible();

  // An LLM policy offers a model and the policy prompt's versions; the others do not.
  const policy = dialog.getByLabel('Policy');
  await policy.selectOption('sgo');
  await expect(dialog.getByLabel('Model')).toBeVisible();
  await expect(dialog.getByLabel('Prompt version').locator('option')).toContainText(['latest', /^v1 — /]);
  await dialog.getByLabel('Model').fill('gemini-test-model');
  await saveView(page, 'fork-dialog');
  await policy.selectOption('oracle');
  await expect(dialog.getByLabel('Model')).toHaveCount(0);
  await expect(dialog.getByLabel('Prompt version')).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/#\/run\/[^/]+$/);
  await expect(page.getByRole('heading', { name: /Run (in progress|report)/ })).toBeVisible();
  // The fork's run ends with its one episode, which opens in replay.
  const episodes = page.getByTestId('run-episodes');
  await expect(episodes).toContainText(`forked from ${sourceId.slice(0, 8)} at step 3`, { timeout: 60_000 });
  await expect(page.getByTestId('overall-sr')).toHaveText('Success rate 100% (1/1 episodes)');
  await episodes.getByRole('link', { name: /Open episode/ }).click();

  const provenance = page.getByTestId('forked-from');
  await expect(provenance.getByRole('link')).toHaveText(`Forked from episode ${sourceId.slice(0, 8)} at step 3`);
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 1 / ${sourceSteps}`);
  const thumbs = page.getByTestId('filmstrip').getByRole('listitem');
  await expect(thumbs).toHaveCount(sourceSteps);
  await expect(page.getByTestId('filmstrip').locator('[data-prefix]')).toHaveCount(2);
  await expect(thumbs.nth(0)).toHaveAccessibleName(/\(replayed fork prefix\)$/);
  await expect(thumbs.nth(2)).not.toHaveAccessibleName(/replayed/);
  await expect(page.getByTestId('outcome')).toContainText('✓');
  await saveView(page, 'fork-replay');

  // The provenance link goes back to the source episode at the fork step.
  await provenance.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/episode/${sourceId}/step/2$`));
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 3 / ${sourceSteps}`);
  await expect(page.getByTestId('forked-from')).toHaveCount(0);
});

test('the dialog shows why a fork cannot start and stays open', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/episode/${sourceId}/step/1`);
  await page.getByRole('button', { name: 'Fork from this step' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fork from step 2' });
  await dialog.getByLabel('Policy').selectOption('react');
  await dialog.getByLabel('Prompt version').selectOption('1');
  // No LLM provider is configured in this data directory: the core says what to set up.
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(dialog.getByRole('alert')).not.toBeEmpty();
  await expect(page).toHaveURL(/#\/episode\//);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});
