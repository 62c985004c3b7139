import { expect, test } from '@playwright/test';
import { e2eState } from './state';

// An API call whose optional last argument is left out (savePrompt's note) reaches the host without it. JSON
// turned the renderer's `undefined` into `null`, which the host's schema rejected: in web mode no version could
// be saved without a note (renderer/src/api/websocket-client.ts).
test('a prompt version saves with the Note left empty', async ({ page }) => {
  const { url } = e2eState();
  await page.goto(`${url}/#/prompts/analyzer`);
  const editor = page.locator('.monaco-editor');
  await expect(editor.locator('.view-lines')).toBeVisible();
  const versions = page.getByTestId('prompt-versions').getByRole('listitem');
  await expect(versions.first()).toBeVisible(); // the list loads after the editor: count it once it is there
  const before = await versions.count();

  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nName the step where the episode went wrong.');
  await expect(page.getByLabel('Note')).toHaveValue('');
  await page.getByRole('button', { name: 'Save as new version' }).click();

  await expect(page.getByRole('status').filter({ hasText: /Saved as version \d+/ })).toBeVisible();
  await expect(versions).toHaveCount(before + 1);
});
