import { expect, test, type Page } from '@playwright/test';
import { saveView } from './shots';
import { e2eState } from './state';

// Issue 14: the Settings page saves for real (it could never save: zod 4's exhaustive z.record), a saved
// value survives a reload, the browser path is read-only, and a key moved to another host is cleared.
async function openSettings(page: Page): Promise<void> {
  await page.goto(`${e2eState().url}/#/settings`);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
}

// Other specs expect a data directory without an LLM provider: put the page's defaults back.
test.afterAll(async ({ browser }, testInfo) => {
  // A context of our own, with the same start state (the host's token) as the `page` fixture's.
  const context = await browser.newContext({ storageState: testInfo.project.use.storageState });
  const page = await context.newPage();
  await openSettings(page);
  await page.getByLabel('Provider', { exact: true }).selectOption('none');
  await page.getByLabel('Gemini model', { exact: true }).fill('gemini-2.5-pro');
  for (const field of ['OpenAI-compatible base URL', 'OpenAI-compatible model', 'WebArena SHOPPING']) await page.getByLabel(field, { exact: true }).fill('');
  await page.getByLabel('Judge provider', { exact: true }).selectOption('run');
  await save(page);
  await context.close();
});

test('the settings view shows the model and browser sections', async ({ page }) => {
  await openSettings(page);
  await expect(page.getByRole('region', { name: 'Language model' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Browser and benchmarks' })).toBeVisible();
  await saveView(page, 'settings', true);
});

test('Save stores provider, model, base URL and a site URL; a reload shows them', async ({ page }) => {
  await openSettings(page);
  await page.getByLabel('Provider', { exact: true }).selectOption('openai-compatible');
  await page.getByLabel('Gemini model', { exact: true }).fill('gemini-2.5-flash');
  await page.getByLabel('OpenAI-compatible base URL', { exact: true }).fill('http://127.0.0.1:8000/v1');
  await page.getByLabel('OpenAI-compatible model', { exact: true }).fill('Qwen2.5-7B-Instruct');
  await page.getByLabel('WebArena SHOPPING', { exact: true }).fill('http://localhost:7770');
  await save(page);

  await page.reload();
  await expect(page.getByLabel('Provider', { exact: true })).toHaveValue('openai-compatible');
  await expect(page.getByLabel('Gemini model', { exact: true })).toHaveValue('gemini-2.5-flash');
  await expect(page.getByLabel('OpenAI-compatible base URL', { exact: true })).toHaveValue('http://127.0.0.1:8000/v1');
  await expect(page.getByLabel('OpenAI-compatible model', { exact: true })).toHaveValue('Qwen2.5-7B-Instruct');
  await expect(page.getByLabel('WebArena SHOPPING', { exact: true })).toHaveValue('http://localhost:7770');
  await expect(page.getByLabel('WebArena REDDIT', { exact: true })).toHaveValue('');
});

// The fuzzy_match judge (docs/design/WEBARENA.md §2.2): the run's LLM by default, or a fixed provider and model.
test('the judge: a provider, model, own base URL and key are saved and shown after a reload, and the run\'s LLM again', async ({ page }) => {
  await openSettings(page);
  const provider = page.getByLabel('Judge provider', { exact: true });
  const model = page.getByLabel('Judge model', { exact: true });
  await expect(provider).toHaveValue('run');
  await expect(model).toBeDisabled();
  await provider.selectOption('gemini');
  await model.fill('gemini-judge-e2e');
  await save(page);

  await page.reload();
  await expect(provider).toHaveValue('gemini');
  await expect(model).toHaveValue('gemini-judge-e2e');
  await expect(page.getByTestId('judge-how')).toContainText('Every run is judged by this model at temperature 0');

  // A judge with a server of its own (a local agent judged by a hosted model): its base URL is checked like the
  // provider's, and its key is saved for that server, shown by status only, and kept over a reload.
  const baseUrl = page.getByLabel('Judge base URL', { exact: true });
  await provider.selectOption('openai-compatible');
  await model.fill('gpt-4-1106-preview');
  await baseUrl.fill('api.openai.example/v1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('judge.baseUrl: must be an http:// or https:// URL');
  await baseUrl.fill('http://127.0.0.1:8765/v1');
  await save(page);
  const key = page.getByTestId('secret-judge_api_key');
  await expect(key.getByTestId('secret-status')).toContainText('not set · sent only to http://127.0.0.1:8765');
  await key.getByLabel('Judge API key', { exact: true }).fill('sk-judge-e2e-4321');
  await key.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByRole('status')).toHaveText('Key saved.');
  await expect(key.getByTestId('secret-status')).toContainText('set (…4321) · this session only (not written to disk) · sent only to http://127.0.0.1:8765');
  await page.reload();
  await expect(provider).toHaveValue('openai-compatible');
  await expect(model).toHaveValue('gpt-4-1106-preview');
  await expect(baseUrl).toHaveValue('http://127.0.0.1:8765/v1');
  await expect(key.getByTestId('secret-status')).toContainText('set (…4321)');
  await expect(page.getByTestId('judge-how')).toContainText("on the judge's own server, with the judge's API key only");
  await expect(page.getByTestId('judge-gap')).toHaveCount(0);
  expect(await page.content()).not.toContain('sk-judge-e2e-4321');
  await key.getByRole('button', { name: 'Remove' }).click();
  await expect(key.getByTestId('secret-status')).toContainText('not set');

  await provider.selectOption('run');
  await expect(baseUrl).toBeDisabled();
  await expect(baseUrl).toHaveValue('');
  await expect(model).toBeDisabled();
  await expect(model).toHaveValue('');
  await save(page);
  await page.reload();
  await expect(provider).toHaveValue('run');
  await expect(page.getByTestId('judge-how')).toContainText("Judged by the LLM each run uses");
});

test('a wrong field is refused by name and nothing is saved', async ({ page }) => {
  await openSettings(page);
  const before = await page.getByLabel('WebArena REDDIT', { exact: true }).inputValue();
  await page.getByLabel('WebArena REDDIT', { exact: true }).fill('reddit.local');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('siteProfile.REDDIT: must be an http:// or https:// URL');
  await page.reload();
  await expect(page.getByLabel('WebArena REDDIT', { exact: true })).toHaveValue(before);
});

test('the browser path is read-only and says how to change it', async ({ page }) => {
  await openSettings(page);
  const field = page.getByLabel('Browser path', { exact: true });
  await expect(field).toBeVisible();
  await expect(field).not.toBeEditable();
  await expect(page.getByTestId('browser-path-how')).toContainText('Read-only here: start the workbench with --browser <path> or MIRA_BROWSER=<path>');
});

test('a key is tied to its endpoint: moving the base URL to another host clears it', async ({ page }) => {
  await openSettings(page);
  await page.getByLabel('OpenAI-compatible base URL', { exact: true }).fill('http://127.0.0.1:8000/v1');
  await save(page);
  const key = page.getByTestId('secret-openai_api_key');
  await key.getByLabel('OpenAI-compatible API key', { exact: true }).fill('sk-e2e-key-9876');
  await key.getByRole('button', { name: 'Save key' }).click();
  await expect(key.getByTestId('secret-status')).toContainText('set (…9876) · this session only (not written to disk) · sent only to http://127.0.0.1:8000');

  // Same server, another host name: another origin. The key cannot be saved against an unsaved URL.
  await page.getByLabel('OpenAI-compatible base URL', { exact: true }).fill('http://localhost:8000/v1');
  await key.getByLabel('OpenAI-compatible API key', { exact: true }).fill('sk-typed-too-early');
  await expect(key.getByRole('button', { name: 'Save key' })).toBeDisabled();
  await key.getByLabel('OpenAI-compatible API key', { exact: true }).fill('');
  await save(page);
  await expect(key.getByTestId('secret-status')).toContainText('not set · sent only to http://localhost:8000');
  await expect(key.getByTestId('secret-note')).toContainText('cleared because the endpoint changed');
});
