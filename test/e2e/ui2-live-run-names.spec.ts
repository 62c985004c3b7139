import { expect, test } from '@playwright/test';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { reply, startGeminiServer, type GeminiServer } from '../fixtures/gemini-server';
import { useGeminiServer } from '../fixtures/gemini-settings';
import { ownHost } from './own-host';

// The web-UI audit of 2026-12-05: the live run page named the running episode by its task id and an
// 8-character id, and said "1 episode(s) in progress". It now names it by what the agent was asked, as the
// run report does, and counts in words. ReAct runs against a loopback Gemini: the first reply scrolls, every
// later one stops but waits for a permit from the test, so the run is held at an exact point.
const KEY = 'e2e-ui2-live-key-1357';
const STOP = 'Done here.\n```stop [N/A]```';
const waiting: (() => void)[] = [];
let permits = 0;
const permit = () => (permits > 0 ? (permits--, Promise.resolve()) : new Promise<void>((resolve) => waiting.push(resolve)));
const letGo = (n: number) => {
  for (let i = 0; i < n; i++) (waiting.shift() ?? (() => permits++))();
};
let gemini: GeminiServer;
const app = ownHost(
  'mira-e2e-ui2-live-',
  async () => {
    let calls = 0;
    gemini = await startGeminiServer({ apiKey: KEY, fallback: reply.dynamic(async () => (calls++ === 0 ? reply.text('I will look further down.\n```scroll [down]```') : (await permit(), reply.text(STOP)))) });
    return { sandbox: { instancesPerFamily: 1 }, secrets: new MemorySecretStore({}), llm: { cacheDir: false, timeoutMs: 600_000 } };
  },
  (core) => useGeminiServer(core.api, gemini, KEY),
);
test.afterAll(async () => {
  letGo(waiting.length + 10);
  await gemini?.close();
});

test("the live run page names the running episode by its task's instruction and counts episodes in words", async ({ page }) => {
  test.setTimeout(180_000);
  const taskIds = app.core.catalog!.all().filter((i) => i.family?.startsWith('shop/')).slice(0, 2).map((i) => i.id);
  const { runId } = await app.core.api.startRun({ taskIds, policy: 'react', concurrency: 1 });
  // Held in the first episode, after its first step: its second model call waits.
  await expect.poll(async () => `${(await app.core.api.getRunState(runId)).running} running, ${gemini.requests.length} model calls`, { timeout: 120_000 }).toBe('1 running, 2 model calls');

  await page.goto(`${app.host.loginUrl}#/run/${runId}`);
  const live = page.getByTestId('live-run');
  await expect(live).toContainText('1 episode in progress');
  await expect(live).not.toContainText('episode(s)');
  // The first episode stops (its step arrives live); the second is held at its first model call.
  letGo(1);
  await expect.poll(async () => `${(await app.core.api.getRunState(runId)).finished} finished, ${gemini.requests.length} model calls`, { timeout: 120_000 }).toBe('1 finished, 3 model calls');
  await expect(live).toContainText('1 episode in progress');
  const intents = (await app.core.api.listEpisodes({ runId })).map((e) => e.intent);
  expect(Math.min(...intents.map((i) => i.length))).toBeGreaterThan(15);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(page.getByTestId('live-episode-name')).toHaveText(new RegExp(`^(${intents.map(escape).join('|')})$`));
  // The task id and the short id stay beside the name, smaller.
  await expect(page.getByTestId('live-episode')).toContainText(/ · sandbox\/shop\/.* · episode [0-9a-f]{8}$/);
  letGo(1);
  await expect(page.getByTestId('overall-sr')).toContainText('(0/2 episodes)', { timeout: 60_000 });
});
