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
  await expect(versions.first()).toBeVisible(); // the list loads after the editor: count it once it is there
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

  // An older version can be loaded back into the editor; over the unsaved line it asks first.
  await versions.last().getByRole('button').click();
  await page.getByRole('alertdialog', { name: 'Discard unsaved changes?' }).getByRole('button', { name: /^Discard and load v\d+$/ }).click();
  await expect(editor.locator('.view-line').filter({ hasText: 'Cite the element id you relied on.' })).toHaveCount(0);

  // Reloading shows the saved version as the latest.
  await page.reload();
  await expect(page.getByTestId('prompt-versions').getByRole('listitem').first()).toContainText('ask for element ids');
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await expect(page.locator('.monaco-editor .view-line').filter({ hasText: 'Cite the element id you relied on.' })).toHaveCount(1);
  expect(errors.filter((e) => /Content Security Policy|worker/i.test(e))).toEqual([]);
});

test('an unsaved draft survives switching templates and a reload, a version pick over it asks first, and an older version restores as the latest', async ({ page }) => {
  const { url } = e2eState();
  await page.goto(`${url}/#/prompts/subgoal-generation`);
  const templates = page.getByRole('navigation', { name: 'Prompt templates' });
  const editor = page.locator('.monaco-editor');
  const line = (text: string) => editor.locator('.view-line').filter({ hasText: text });
  const versions = page.getByTestId('prompt-versions').getByRole('listitem');
  const heading = page.getByRole('heading', { name: /^subgoal-generation/ });
  await expect(editor.locator('.view-lines')).toContainText('{{');
  const oldest = await versions.last().getByRole('button').textContent();
  const oldestVersion = Number(/v(\d+)/.exec(oldest ?? '')![1]);
  // Nothing to save while the text is the latest version's.
  await expect(page.getByRole('button', { name: 'Save as new version' })).toBeDisabled();

  // A saved version the later steps move away from.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nName each milestone by what the page shows.');
  await page.getByLabel('Note').fill('milestones by page');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  const savedStatus = page.getByRole('status').filter({ hasText: /Saved as version \d+/ });
  await expect(savedStatus).toBeVisible();
  // The version number from what the page says; the list refreshes after the status shows, so it is awaited.
  const saved = Number(/version (\d+)/.exec((await savedStatus.textContent()) ?? '')![1]);
  await expect(versions).toHaveCount(saved);

  // An unsaved draft: marked in the heading and in the template list.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nUnsaved: keep it short.');
  await expect(heading).toContainText('(modified)');
  const listed = templates.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'subgoal-generation' }) });
  await expect(listed).toContainText('unsaved');

  // Another template shows its own text; coming back shows the draft, still marked modified.
  await templates.getByRole('link', { name: 'policy-react' }).click();
  await expect(templates.getByRole('link', { name: 'policy-react' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: /^policy-react/ })).not.toContainText('(modified)');
  await expect(line('Unsaved: keep it short.')).toHaveCount(0);
  await templates.getByRole('link', { name: 'subgoal-generation' }).click();
  await expect(editor.locator('.view-lines')).toContainText('{{');
  // Monaco draws only the lines in view: the draft's last line is seen at the end of the text.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await expect(line('Unsaved: keep it short.')).toHaveCount(1);
  await expect(heading).toContainText('(modified)');

  // A reload loses nothing: the draft comes back from the tab's storage, still marked.
  await page.reload();
  await expect(editor.locator('.view-lines')).toContainText('{{');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await expect(line('Unsaved: keep it short.')).toHaveCount(1);
  await expect(heading).toContainText('(modified)');
  await expect(listed).toContainText('unsaved');

  // Picking an older version over the draft asks; keeping the edits leaves everything as it was.
  await versions.last().getByRole('button').click();
  const ask = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText(`Loading version ${oldestVersion} replaces them.`);
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(ask).toBeHidden();
  await expect(line('Unsaved: keep it short.')).toHaveCount(1);
  await expect(versions.first().getByRole('button')).toHaveAttribute('aria-pressed', 'true');

  // Discarding loads the old version; Save then restores it as it is, in one action.
  await versions.last().getByRole('button').click();
  await ask.getByRole('button', { name: `Discard and load v${oldestVersion}` }).click();
  await expect(ask).toBeHidden();
  await expect(heading).toContainText(`editing from version ${oldestVersion}`);
  await expect(heading).not.toContainText('(modified)');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await expect(editor.locator('.view-lines')).toContainText('{{');
  await expect(line('Unsaved: keep it short.')).toHaveCount(0);
  await expect(line('Name each milestone by what the page shows.')).toHaveCount(0);
  await expect(listed).not.toContainText('unsaved');
  await expect(page.getByTestId('restore-hint')).toContainText(`Saves version ${oldestVersion}'s text as a new version`);
  await page.getByLabel('Note').fill('back to the default');
  await page.getByRole('button', { name: `Restore version ${oldestVersion}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved as version ${saved + 1}.` })).toBeVisible();
  await expect(versions).toHaveCount(saved + 1);
  await expect(versions.first()).toContainText('back to the default');
  await expect(versions.first().getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Save as new version' })).toBeDisabled();

  // The new latest version's text is the old one's: their diff has no added or removed line.
  const diffPanel = page.getByRole('region', { name: 'Diff between versions' });
  await diffPanel.getByLabel('From').selectOption(String(oldestVersion));
  await expect(diffPanel.getByLabel('To')).toHaveValue(String(saved + 1));
  const diff = page.getByTestId('prompt-diff');
  await expect(diff).toContainText('{{');
  await expect(diff.locator('.added, .removed')).toHaveCount(0);
});
