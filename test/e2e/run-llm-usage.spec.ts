import { expect, test } from '@playwright/test';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { reply, startGeminiServer, type GeminiServer, type RecordedRequest } from '../fixtures/gemini-server';
import { useGeminiServer } from '../fixtures/gemini-settings';
import { ownHost } from './own-host';
import { saveView } from './shots';

// The run report shows the run's LLM use (main/store/run-llm-usage.ts): calls, cache hits, failures, tokens and
// latency per purpose and in total. One short SGO episode against the loopback Gemini server, each reply with
// known token counts. The report also names the prompt versions the run sent.
const KEY = 'e2e-usage-key-1357';
const TASK = 'sandbox/shop/sorted-category/0';
let gemini: GeminiServer;

const isVerdict = (r: RecordedRequest) => JSON.stringify(r.body.generationConfig?.responseSchema ?? r.body.generationConfig?.responseJsonSchema ?? '').includes('evidence');
const isPlan = (r: RecordedRequest) => JSON.stringify(r.body.generationConfig?.responseSchema ?? r.body.generationConfig?.responseJsonSchema ?? '').includes('subgoals');
const answer = reply.dynamic((req) => {
  if (isPlan(req)) return reply.json({ subgoals: ['The Shoes category page is open', 'The listing is sorted'] }, { usage: { promptTokenCount: 1500, candidatesTokenCount: 120, thoughtsTokenCount: 30 } });
  if (isVerdict(req)) return reply.json({ done: false, evidence: 'not yet' }, { usage: { promptTokenCount: 800, candidatesTokenCount: 12, thoughtsTokenCount: 0 } });
  return reply.text('Done: none. Current: stop.\n```stop [done]```', { usage: { promptTokenCount: 2000, candidatesTokenCount: 25, thoughtsTokenCount: 5 } });
});

const app = ownHost(
  'mira-e2e-llm-usage-',
  async () => {
    gemini = await startGeminiServer({ apiKey: KEY });
    return { sandbox: { instancesPerFamily: 1 }, secrets: new MemorySecretStore({}), llm: { cacheDir: false, timeoutMs: 10_000 } };
  },
  (core) => useGeminiServer(core.api, gemini, KEY),
);
test.afterAll(async () => {
  await gemini?.close();
});

test('the run report shows the LLM calls, tokens and latency of an LLM run, per purpose and in total', async ({ page }) => {
  test.setTimeout(180_000);
  gemini.enqueue(...Array.from({ length: 6 }, () => answer));
  const { runId, done } = await app.core.run({ taskIds: [TASK], policy: 'sgo', sgo: { subgoalCount: 2 }, stopRules: { maxSteps: 2, maxParseFailures: 3, maxRepeatedActions: 5 } });
  await done;

  await page.goto(`${app.host.loginUrl}#/run/${runId}`);
  await expect(page.getByTestId('overall-sr')).toBeVisible({ timeout: 60_000 });
  const usage = page.getByTestId('llm-usage');
  await expect(usage.getByRole('heading', { name: 'LLM usage' })).toBeVisible();
  await expect(usage.getByTestId('llm-usage-row')).toHaveCount(3);
  const row = (purpose: string) => usage.locator(`[data-testid="llm-usage-row"][data-purpose="${purpose}"]`);
  const cell = (purpose: string, col: string) => row(purpose).locator(`td[data-col="${col}"]`);
  await expect(cell('subgoals', 'calls')).toHaveText('1');
  await expect(cell('subgoals', 'input')).toHaveText('1,500');
  await expect(cell('subgoals', 'thinking')).toHaveText('30');
  await expect(cell('policy', 'input')).toHaveText('2,000');
  await expect(cell('policy', 'output')).toHaveText('25');
  await expect(cell('autorater', 'input')).toHaveText('800');
  await expect(cell('autorater', 'cached')).toHaveText('0');
  await expect(cell('autorater', 'failed')).toHaveText('0');
  await expect(cell('policy', 'p50')).toHaveText(/^\d+\.\d\d s$/);
  const total = usage.getByTestId('llm-usage-total');
  await expect(total.locator('td[data-col="calls"]')).toHaveText('3');
  await expect(total.locator('td[data-col="input"]')).toHaveText('4,300');
  await expect(total.locator('td[data-col="output"]')).toHaveText('157');
  await expect(total.locator('td[data-col="thinking"]')).toHaveText('35');
  // The prompt versions the run sent, fixed when it started.
  await expect(page.getByTestId('run-prompt-versions')).toHaveText('Prompts sent: policy-sgo v1 · autorater v1 · subgoal-generation v1');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await saveView(page, 'run-llm-usage', true);
});
