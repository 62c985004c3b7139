import { expect, test, type Page } from '@playwright/test';
import { createCore, type Core } from '../../main/core';
import { MemorySecretStore } from '../../main/settings/secret-store';
import { reply, startGeminiServer, type GeminiServer } from '../fixtures/gemini-server';
import { useGeminiServer } from '../fixtures/gemini-settings';
import { ownHost } from './own-host';
import { saveView } from './shots';

// A run's page shows how far the run really got, and a stopped run can be resumed in the app. ReAct runs
// against a loopback Gemini whose every reply waits for the test's permission (one reply = one episode: the
// model stops at once), so each run is held at an exact count: (A) a page opened mid-run, or reopened from
// the Runs list, starts at the stored count, not 0, and follows it, also for a run another process drives
// (no events reach the page); (B) a cancelled run's report says it was interrupted and what never ran, and
// Resume runs the rest here, followed live, to a report over every episode.
const KEY = 'e2e-resume-key-2468';
const STOP = 'The page is open; I will stop here.\n```stop [N/A]```';

/** Lets held LLM replies go, one permit each; replies held for an aborted request are dropped. */
class ReplyGate {
  private permits = 0;
  private waiting: ((go: boolean) => void)[] = [];
  pass(): Promise<boolean> {
    if (this.permits > 0) return (this.permits--, Promise.resolve(true));
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  release(n = 1): void {
    for (let i = 0; i < n; i++) {
      const next = this.waiting.shift();
      if (next) next(true);
      else this.permits++;
    }
  }
  /** Replies waiting for a permit. */
  held(): number {
    return this.waiting.length;
  }
  /** The requests still held were cancelled by the client: they get no reply, and take no permit. */
  dropHeld(): void {
    for (const held of this.waiting.splice(0)) held(false);
  }
}

const gate = new ReplyGate();
let gemini: GeminiServer;
const llm = { cacheDir: false as const, timeoutMs: 600_000 };
const app = ownHost(
  'mira-e2e-run-resume-',
  async () => {
    gemini = await startGeminiServer({ apiKey: KEY, fallback: reply.dynamic(async () => ((await gate.pass()) ? reply.text(STOP) : reply.hang())) });
    return { sandbox: { instancesPerFamily: 1 }, secrets: new MemorySecretStore({}), llm };
  },
  (core) => useGeminiServer(core.api, gemini, KEY),
);
test.afterAll(async () => {
  gate.dropHeld();
  await gemini?.close();
});

const shopTasks = (core: Core, n: number) => core.catalog!.all().filter((i) => i.family?.startsWith('shop/')).slice(0, n).map((i) => i.id);

/** Waits (on the store and the gate, not the clock) until the run has `finished` episodes and the next one's
 * model call is held at the gate. */
async function heldAt(core: Core, runId: string, finished: number): Promise<void> {
  await expect.poll(async () => {
    const s = await core.api.getRunState(runId);
    return `${s.finished} finished, ${s.running} running, ${gate.held()} held`;
  }, { timeout: 120_000 }).toBe(`${finished} finished, 1 running, 1 held`);
}

async function expectProgress(page: Page, done: number, total: number): Promise<void> {
  const bar = page.getByTestId('live-run').getByLabel('Run progress');
  await expect(bar).toHaveAttribute('value', String(done), { timeout: 60_000 });
  await expect(bar).toHaveAttribute('max', String(total));
  await expect(page.getByTestId('live-run')).toContainText(`${done}/${total}`);
}

/** Starts a run of `total` shop tasks held after `finished` episodes, and opens its page there. */
async function openRunHeldAt(page: Page, finished: number, total: number): Promise<string> {
  gate.release(finished);
  const { runId } = await app.core.api.startRun({ taskIds: shopTasks(app.core, total), policy: 'react', concurrency: 1 });
  await heldAt(app.core, runId, finished);
  await page.goto(`${app.host.loginUrl}#/run/${runId}`);
  await expectProgress(page, finished, total);
  return runId;
}

test('a run reopened mid-run shows the episodes finished so far, not 0, and follows them', async ({ page }) => {
  test.setTimeout(300_000);
  const runId = await openRunHeldAt(page, 3, 5);
  // To the Runs list and back into the run: the live view starts at 3/5 again.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Runs' }).click();
  // The Runs list's bar reads the store too: 3 of 5, though the list saw none of the run's events.
  const listed = page.getByTestId('run-row').filter({ hasText: runId.slice(0, 8) });
  await expect(listed.getByLabel(`Progress of run ${runId.slice(0, 8)}`)).toHaveAttribute('value', '3');
  await expect(listed.getByLabel(`Progress of run ${runId.slice(0, 8)}`)).toHaveAttribute('max', '5');
  await listed.click();
  await expectProgress(page, 3, 5);
  await saveView(page, 'run-reopened-mid-run');

  // Reopened between steps, the live view says it waits; the next step says whose it is.
  await expect(page.getByTestId('live-waiting')).toHaveText('Waiting for the next step…');
  gate.release(1);
  await expectProgress(page, 4, 5);
  await expect(page.getByTestId('live-episode')).toContainText(/shop\/.* · episode [0-9a-f]{8}$/);
  gate.release(1);
  await expect(page.getByTestId('overall-sr')).toContainText('(0/5 episodes)', { timeout: 120_000 });
  await expect(page.getByTestId('run-status')).toHaveCount(0);
});

test('a new run says the browser is starting until its first step arrives', async ({ page }) => {
  test.setTimeout(120_000);
  const { runId } = await app.core.api.startRun({ taskIds: shopTasks(app.core, 1), policy: 'react', concurrency: 1 });
  await heldAt(app.core, runId, 0);
  await page.goto(`${app.host.loginUrl}#/run/${runId}`);
  await expect(page.getByTestId('live-waiting')).toHaveText(/^Starting the browser… /);
  gate.release(1);
  await expect(page.getByTestId('overall-sr')).toContainText('(0/1 episodes)', { timeout: 60_000 });
});

test('a run another process drives (no events here) still shows its real progress', async ({ page }) => {
  test.setTimeout(300_000);
  // A second workbench over the same data directory, as `npm run cli -- run` would be: its events never reach this page.
  const other = await createCore({ dataDir: app.dir, sandbox: { instancesPerFamily: 1 }, secrets: new MemorySecretStore({}), llm });
  try {
    await useGeminiServer(other.api, gemini, KEY);
    gate.release(1);
    const { runId } = await other.api.startRun({ taskIds: shopTasks(other, 3), policy: 'react', concurrency: 1 });
    await heldAt(other, runId, 1);
    await page.goto(`${app.host.loginUrl}#/run/${runId}`);
    await expectProgress(page, 1, 3);
    gate.release(1);
    await expectProgress(page, 2, 3);
    gate.release(1);
    await expect(page.getByTestId('overall-sr')).toContainText('(0/3 episodes)', { timeout: 120_000 });
  } finally {
    await other.close();
  }
});

test('a cancelled run says it was interrupted and what never ran; Resume runs the rest to the full report', async ({ page }) => {
  test.setTimeout(300_000);
  const runId = await openRunHeldAt(page, 3, 5);
  await page.getByRole('button', { name: 'Cancel run' }).click();

  // The report says what happened: interrupted, 3 of 5 finished, the 4th cut short by the cancel, the 5th never ran.
  const status = page.getByTestId('run-status');
  await expect(status).toContainText('Status: interrupted', { timeout: 60_000 });
  await expect(page.getByTestId('run-unfinished')).toHaveText('3 of the 5 planned tasks finished; 1 never ran, 1 was cut short.');
  await expect(page.getByTestId('overall-sr')).toContainText('(0/3 episodes)');
  await expect(status).toContainText('runs the 2 unfinished tasks again here');
  await saveView(page, 'run-interrupted-report');
  gate.dropHeld(); // the cancelled episode's request

  // Resume: the live view follows the resumed run from the stored 3/5, then the report covers all 5 tasks.
  await status.getByRole('button', { name: 'Resume' }).click();
  await expectProgress(page, 3, 5);
  gate.release(1);
  await expectProgress(page, 4, 5);
  gate.release(1);
  await expect(page.getByTestId('overall-sr')).toContainText('(0/5 episodes)', { timeout: 120_000 });
  await expect(page.getByTestId('run-status')).toHaveCount(0);
  expect(await app.core.api.getRunState(runId)).toMatchObject({ status: 'finished', finished: 5, notStarted: 0 });
});

test('a run that cannot be resumed says why on its report', async ({ page }) => {
  // An interrupted run whose task is no longer in this workbench (a removed import): resume is refused.
  await app.core.store.runs.create({ id: 'run-of-a-removed-task', kind: 'eval', config: { policy: 'oracle', taskIds: ['webarena/removed-1'] }, status: 'interrupted', createdAt: new Date().toISOString() });
  await page.goto(`${app.host.loginUrl}#/run/run-of-a-removed-task`);
  const status = page.getByTestId('run-status');
  await expect(status).toContainText('Status: interrupted');
  await expect(page.getByTestId('run-unfinished')).toHaveText('0 of the 1 planned task finished; 1 never ran.');
  // Nothing scored is an empty state that says why, not a failed report (the first-hour audit).
  await expect(page.getByTestId('report-empty')).toContainText('Nothing to report yet: no episode of this run has been scored (the run stopped before any episode finished).');
  await expect(page.getByText('Could not build the report')).toHaveCount(0);
  await status.getByRole('button', { name: 'Resume' }).click();
  await expect(status.getByRole('alert')).toHaveText('Could not resume: Unknown task "webarena/removed-1".');
  await expect(status.getByRole('button', { name: 'Resume' })).toBeEnabled();
});
