import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { ownHost } from './own-host';
import { e2eState } from './state';

// An automated accessibility check of every main page (axe-core, WCAG 2.0–2.2 A and AA rules plus axe's best
// practices): a serious or critical finding fails the test and is listed by rule, element and reason. Minor
// and moderate findings are printed, not failed. The pages are looked at as a person leaves them after
// opening: loaded, with the replay's step texts and the prompt editor drawn.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe on the page as it is now and fails on serious or critical violations, naming each. */
async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const line = (v: (typeof violations)[number]) =>
    `[${v.impact}] ${v.id} on ${name}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1).join(' ').trim()}`).join('\n')}`;
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = violations.filter((v) => !serious.includes(v));
  if (other.length > 0) console.log(`axe, not failed (${name}):\n${other.map(line).join('\n')}`);
  expect(serious.map(line), `axe on ${name}`).toEqual([]);
}

test('the main pages have no serious or critical accessibility violations', async ({ page }) => {
  test.setTimeout(120_000);
  const { url, longestTask, longestSteps } = e2eState();
  const heading = (name: string | RegExp) => expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.goto(url);
  await heading('Episodes');
  await expect(page.getByTestId('episode-row').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'Episodes');

  // The replay of the longest episode, on a middle step, with its observation text drawn below the frame.
  const row = page.getByTestId('episode-row').filter({ has: page.getByRole('cell', { name: String(longestSteps), exact: true }) }).first();
  const href = await row.getByRole('link').getAttribute('href');
  await page.goto(`${url}/${href!.replace(/\/step\/0$/, '/step/2')}`);
  await expect(page.getByTestId('step-counter')).toHaveText(`Step 3 / ${longestSteps}`);
  await expect(page.getByTestId('screenshot')).toBeVisible();
  await page.getByRole('region', { name: 'Step details' }).scrollIntoViewIfNeeded();
  await expect(page.getByTestId('observation')).toContainText('RootWebArea');
  await expectNoSeriousViolations(page, 'Replay');

  await page.getByRole('button', { name: 'Fork from this step' }).click();
  await expect(page.getByRole('dialog', { name: 'Fork from step 3' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Fork dialog');
  await page.keyboard.press('Escape');

  await page.goto(`${url}/#/tasks`);
  await heading('Sandbox tasks');
  await expect(page.getByTestId('family').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'Tasks');

  await page.goto(`${url}/#/runs`);
  await heading('Runs');
  await expect(page.getByTestId('run-row').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'Runs');
  await page.getByTestId('run-row').first().getByRole('link').click();
  await heading(/Run (report|in progress)/);
  await expectNoSeriousViolations(page, 'Run report');

  await page.goto(`${url}/#/subgoals/${encodeURIComponent(longestTask)}`);
  await heading('Subgoals');
  await expect(page.getByLabel('Subgoal 1 text')).toBeVisible();
  await expectNoSeriousViolations(page, 'Subgoals');

  await page.goto(`${url}/#/prompts/autorater`);
  await heading('Prompts');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('{{subgoal}}');
  await expectNoSeriousViolations(page, 'Prompts');

  await page.goto(`${url}/#/training`);
  await heading('Training');
  await expectNoSeriousViolations(page, 'Training');

  await page.goto(`${url}/#/settings`);
  await heading('Settings');
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Settings');
});

test.describe('first run', () => {
  // A workbench whose browser is not installed shows the first-run screen (no episodes are recorded).
  const app = ownHost('mira-e2e-a11y-first-run-', (dataDir) => ({ browserPath: join(dataDir, 'no-chromium-here'), sandbox: false }));

  test('the first-run screen has no serious or critical accessibility violations, and is set aside by keyboard', async ({ page }) => {
    await page.goto(app.host.loginUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'No Chromium found' })).toBeVisible();
    await expectNoSeriousViolations(page, 'First run');
    // Its button goes with the screen: the focus lands on the page it uncovers, not on the document.
    const aside = page.getByRole('button', { name: 'Continue without a browser' });
    for (let i = 0; i < 20 && !(await aside.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(aside).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Episodes' })).toBeFocused();
  });
});
