import { expect, test } from '@playwright/test';
import { saveView } from './shots';
import { e2eState } from './state';

test('edit the AutoRater prompt in Monaco, save it as a new version, and preview it on a step', async ({ page }) => {
  const { url } = e2eState();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${url}/#/prompts/autorater`);
  await expect(page.getByRole('heading', { name: 'Prompts' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Prompt templates' }).getByRole('link', { name: 'autorater' })).toHaveAttribute('aria-current', 'page');

  // Monaco is bundled locally and loads under the page's CSP (its worker from 'self').
  const editor = page.locator('.monaco-editor');
  await expect(editor).toBeVisible();
  await expect(editor.locator('.view-lines')).toContainText('{{subgoal}}');
  const versions = page.getByTestId('prompt-versions').getByRole('listitem');
  const before = await versions.count();

  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nCite the element id you relied on.');
  await expect(editor.locator('.view-line').filter({ hasText: 'Cite the element id you relied on.' })).toHaveCount(1);
  // Line 2 (the AutoRater's role) is changed too, so the saved version also removes a line.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.type('Be strict. ');
  await expect(page.getByRole('heading', { name: /\(modified\)/ })).toBeVisible();
  await page.getByLabel('Note').fill('ask for element ids');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved as version \d+/ })).toBeVisible();
  await expect(versions).toHaveCount(before + 1);
  await expect(versions.first()).toContainText('ask for element ids');
  await expect(versions.first().getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  // The two newest versions diffed, as on the Subgoals page: our line added, the rewritten one removed.
  const diff = page.getByTestId('prompt-diff');
  await expect(diff.locator('.added').filter({ hasText: 'Cite the element id you relied on.' })).toHaveCount(1);
  await expect(diff.locator('.added').filter({ hasText: 'Be strict. You are the AutoRater of a web agent.' })).toHaveCount(1);
  await expect(diff.locator('.removed').filter({ hasText: /^- You are the AutoRater of a web agent\./ })).toHaveCount(1);
  await saveView(page, 'prompts');

  // The preview renders the text in the editor for a recorded step: our line is in it, slots filled.
  await page.getByRole('button', { name: 'Preview rendered prompt' }).click();
  const preview = page.getByTestId('prompt-preview');
  await expect(preview).toContainText('Cite the element id you relied on.');
  await expect(preview).not.toContainText('{{intent}}');
  // An unsaved edit is what the preview shows (issue 21: it showed the saved version).
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nUnsaved draft line.');
  await page.getByRole('button', { name: 'Preview rendered prompt' }).click();
  await expect(preview).toContainText('Unsaved draft line.');

  // An older version can be loaded back into the editor.
  await versions.last().getByRole('button').click();
  await expect(editor.locator('.view-line').filter({ hasText: 'Cite the element id you relied on.' })).toHaveCount(0);

  // Reloading shows the saved version as the latest.
  await page.reload();
  await expect(page.getByTestId('prompt-versions').getByRole('listitem').first()).toContainText('ask for element ids');
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await expect(page.locator('.monaco-editor .view-line').filter({ hasText: 'Cite the element id you relied on.' })).toHaveCount(1);
  expect(errors.filter((e) => /Content Security Policy|worker/i.test(e))).toEqual([]);
});
