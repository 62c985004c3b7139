import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { stubTrainingRunner } from '../helpers/stub-training-runner';
import { ownHost } from './own-host';
import { saveView } from './shots';
import { fillTrainingForm } from './training-form';

// Issue 21 leftovers, as a person does them: two runs compared side by side (SR, per family, per task with
// links into the replay, versions); two training jobs compared (options diff, SR per phase, losses); the
// Training form's "Variants in parallel" reaching the job's options; and a MiniWoB-like episode whose own
// instruction differs from its task's intent, shown in the replay header. Its own core and host: the runs
// here are real (oracle and the deliberately wrong baseline in Chromium); training jobs run the stub runner
// (the page is under test, not the trainer).
let runs: { oracle: string; wrong: string; tasks: string[] };
const app = ownHost('mira-e2e-study-compare-', { sandbox: { instancesPerFamily: 1 }, training: { runner: stubTrainingRunner() } }, async (core) => {
  const shop = core.catalog!.all().filter((i) => i.site === 'shop').sort((a, b) => a.oracle.length - b.oracle.length);
  const tasks = [shop[0].id, shop[1].id];
  const oracle = await core.run({ taskIds: tasks, policy: 'oracle' });
  await oracle.done;
  const wrong = await core.run({ taskIds: [tasks[0]], policy: 'wrong', seed: 3 });
  await wrong.done;
  runs = { oracle: oracle.runId, wrong: wrong.runId, tasks };
});

test('two runs side by side: SR, versions, per family and per task, each outcome opening its replay', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/runs`);
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(2);
  await page.getByLabel(`Compare run ${runs.oracle.slice(0, 8)}`).check();
  await page.getByLabel(`Compare run ${runs.wrong.slice(0, 8)}`).check();
  await page.getByRole('button', { name: /Compare the two runs/ }).click();

  const view = page.getByTestId('run-compare');
  await expect(view.getByRole('heading', { level: 1 })).toHaveText(`Compare runs ${runs.oracle.slice(0, 8)} (A) and ${runs.wrong.slice(0, 8)} (B)`);
  const summary = view.getByTestId('run-compare-summary');
  await expect(summary.getByRole('row', { name: /^Policy/ })).toHaveText('Policyoraclewrong');
  await expect(view.getByTestId('compare-sr')).toHaveText('SR100% (2/2)0% (0/1)');
  // A ran two tasks, B one of them: the overall SRs are over different tasks, so the page says so and rates
  // both on the shared task; the family table too (one family row, the shared task's, 1/1 against 0/1).
  await expect(view.getByTestId('compare-sr-shared')).toHaveText('SR on the 1 task both ran100% (1/1)0% (0/1)');
  await expect(view.getByTestId('task-overlap')).toContainText('different tasks (1 in common, 1 only in A, 0 only in B)');
  await expect(view.getByTestId('family-row')).toHaveCount(1);
  await expect(view.getByTestId('family-row')).toContainText('100% (1/1)0% (0/1)');
  // The shortest task: solved by the oracle (A), failed by the wrong baseline (B) → "broke", listed first;
  // the other ran only in A.
  const taskRows = view.getByTestId('task-row');
  await expect(taskRows).toHaveCount(2);
  await expect(taskRows.nth(0)).toHaveAttribute('data-change', 'broke');
  await expect(taskRows.nth(0)).toContainText(runs.tasks[0]);
  await expect(taskRows.nth(1)).toHaveAttribute('data-change', 'only-left');
  await expect(view.getByTestId('changed-count')).toHaveText('1 of the 1 task both ran changed outcome');
  // One changed task is no evidence: the exact sign test says so (p = 2·½ = 1).
  await expect(view.getByTestId('sign-test')).toContainText('worse on 1 task and the same on 0. Exact two-sided sign test over the 1 task that changed: p = 1.000');
  await saveView(page, 'compare-runs', true);

  // B's failed attempt opens in the replay.
  await taskRows.nth(0).getByRole('link', { name: "Replay run B's episode: ✗ failed" }).click();
  await expect(page.getByTestId('step-counter')).toHaveText(/Step 1 \/ \d+/);
  await expect(page.getByText(`${runs.tasks[0]} · policy wrong`)).toBeVisible();
});

test('the Training form sends "Variants in parallel" with the job, and the job shows it', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/training`);
  const form = page.getByRole('form', { name: 'New training job' });
  await form.getByLabel('kl', { exact: true }).check();
  await fillTrainingForm(form, { families: ['shop/sorted-category'], phases: 1, instancesPerFamily: 5 });
  await form.getByLabel('Variants in parallel').fill('2');
  await form.getByRole('button', { name: 'Start training' }).click();
  const job = page.getByTestId('training-job');
  await expect(job.getByTestId('training-status')).toHaveText('finished', { timeout: 120_000 });
  await expect(job.getByTestId('training-setup')).toContainText('variants in parallel: 2');
  const [record] = await app.core.api.listTrainingJobs();
  expect(record.request).toMatchObject({ variants: ['full', 'kl'], parallelVariants: 2, families: ['shop/sorted-category'] });
  await saveView(page, 'training-parallel-variants');
});

test('two training jobs side by side: options that differ, SR per phase and losses', async ({ page }) => {
  const base = { variants: ['full' as const], phases: 2, families: ['shop/sorted-category'], instancesPerFamily: 5 };
  const a = (await app.core.api.startTraining({ ...base, seed: 1 })).jobId;
  const b = (await app.core.api.startTraining({ ...base, seed: 2, budget: { rolloutsPerTask: 3 } })).jobId;
  await expect.poll(async () => (await app.core.api.listTrainingJobs()).filter((j) => [a, b].includes(j.id) && j.status === 'finished').length, { timeout: 120_000 }).toBe(2);

  await page.goto(`${app.host.loginUrl}#/training`);
  await page.getByLabel(`Compare job ${a.slice(0, 8)}`).check();
  await page.getByLabel(`Compare job ${b.slice(0, 8)}`).check();
  await page.getByRole('button', { name: /Compare the two jobs/ }).click();

  const view = page.getByTestId('job-compare');
  await expect(view.getByRole('heading', { level: 1 })).toHaveText(`Compare training jobs ${a.slice(0, 8)} (A) and ${b.slice(0, 8)} (B)`);
  const differing = view.locator('[data-testid="option-row"][data-differs]');
  await expect(differing).toHaveCount(2);
  // Named as the New training job form names them; the request's key is on hover.
  await expect(differing.nth(0)).toHaveText('Rollouts per task—3');
  await expect(differing.nth(0).getByRole('rowheader')).toHaveAttribute('title', 'budget.rolloutsPerTask');
  await expect(differing.nth(1)).toHaveText('Seed12');
  await expect(view.getByRole('row', { name: /^Families/ })).toHaveText('Familiesshop/sorted-categoryshop/sorted-category');
  // Phases 0–2 of the one variant, evaluated in both (the stub's SR: 0% then +1 test task per phase).
  const phases = view.getByTestId('phase-compare-row');
  await expect(phases).toHaveCount(3);
  await expect(phases.nth(0)).toContainText('0 (SFT)');
  await expect(phases.nth(2).getByTestId('phase-delta')).toHaveText('±0%');
  // V's training BCE, stored under the stage name "critic", reads as "value BCE".
  await expect(phases.nth(1)).toContainText('value BCE');
  await expect(view.getByTestId('compare-sr-per-phase').locator('svg')).toBeVisible();
  await saveView(page, 'compare-jobs', true);
});

test('a MiniWoB-like episode shows its own instruction in the replay, not the task intent', async ({ page }) => {
  const intent = 'Click on the specified button.';
  const instruction = 'Click on the "Submit" button.';
  const taskId = 'miniwob/click-button-e2e';
  await app.core.store.tasks.upsert({ id: taskId, source: 'miniwob', sites: ['miniwob'], intent, startUrl: 'http://x/', config: {}, split: 'test', family: 'miniwob/click-button' });
  const episodeId = randomUUID();
  await app.core.store.episodes.create({ id: episodeId, runId: null, taskId, policy: 'oracle', seed: 7, createdAt: new Date().toISOString() });
  await app.core.store.episodes.setInstruction(episodeId, instruction);
  // Real recorded frames (the oracle's), so the replay shows what it always shows.
  const [source] = await app.core.api.listEpisodes({ runId: runs.oracle, limit: 1 });
  for (const step of await app.core.store.steps.list(source.id)) await app.core.store.steps.insert({ ...step, episodeId });
  await app.core.store.episodes.finish(episodeId, { status: 'finished', success: true, score: 1, answer: null, stopReason: 'agent_stop', outcome: 'Solved.', evaluation: null });

  // From the episodes table (which lists it by its instruction) into the replay.
  await page.goto(app.host.loginUrl);
  const row = page.getByTestId('episode-row').filter({ hasText: instruction });
  await expect(row).toHaveCount(1);
  await row.click();
  await expectReplayHeading(page, instruction, intent);
  await saveView(page, 'replay-instruction');
});

test('a run report says which recorded episodes its success rate leaves out', async ({ page }) => {
  // A run of three attempts at one task: solved (the oracle's real steps), finished but never scored, and an LLM outage.
  const [source] = await app.core.api.listEpisodes({ runId: runs.oracle, limit: 1 });
  const runId = randomUUID();
  await app.core.store.runs.create({ id: runId, kind: 'eval', config: { policy: 'oracle', taskIds: [source.taskId] }, status: 'finished', createdAt: new Date().toISOString() });
  const ending = { score: null, answer: null, evaluation: null };
  const attempts = [
    { status: 'finished', success: true, stopReason: 'agent_stop', outcome: 'Solved.', ...ending, score: 1 },
    { status: 'finished', success: null, stopReason: 'agent_stop', outcome: 'Not scored. Evaluation failed: the page closed.', ...ending },
    { status: 'error', success: null, stopReason: 'llm_unavailable', outcome: 'Not scored. The LLM was down.', ...ending },
  ] as const;
  for (const [seed, finish] of attempts.entries()) {
    const episodeId = randomUUID();
    await app.core.store.episodes.create({ id: episodeId, runId, taskId: source.taskId, policy: 'oracle', seed, createdAt: new Date().toISOString() });
    if (finish.success) for (const step of await app.core.store.steps.list(source.id)) await app.core.store.steps.insert({ ...step, episodeId });
    await app.core.store.episodes.finish(episodeId, finish);
  }
  await page.goto(`${app.host.loginUrl}#/run/${runId}`);
  await expect(page.getByTestId('overall-sr')).toHaveText('Success rate 100% (1/1 episodes)', { timeout: 60_000 });
  await expect(page.getByTestId('not-counted')).toHaveText(
    'Not counted: 1 task whose newest attempt ended in an infrastructure failure (Resume runs it again); 1 finished episode that could not be scored.',
  );
});

test('a run id that does not exist says so; a compare of a missing run recovers when the pair changes', async ({ page }) => {
  await page.goto(`${app.host.loginUrl}#/run/no-such-run`);
  await expect(page.getByTestId('report-error')).toHaveText('Could not open the run: No run with id no-such-run.');
  await page.goto(`${app.host.loginUrl}#/compare-runs/no-such-run/${runs.wrong}`);
  await expect(page.getByRole('alert')).toHaveText('Could not compare the runs: There is no run no-such-run.');
  // The same page, another pair (a link, the address bar): the old error goes with the old pair.
  await page.evaluate((hash) => void (location.hash = hash), `#/compare-runs/${runs.oracle}/${runs.wrong}`);
  await expect(page.getByTestId('compare-sr')).toHaveText('SR100% (2/2)0% (0/1)');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

async function expectReplayHeading(page: Page, instruction: string, intent: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(instruction);
  await expect(heading).toHaveAttribute('title', new RegExp(`task miniwob/click-button-e2e: ${intent.replace(/\./g, '\\.')}`));
  await expect(page.getByTestId('step-counter')).toHaveText(/Step 1 \/ \d+/);
  await expect(page.getByTestId('screenshot')).toBeVisible();
}
