// One SQLite connection serves the whole process: a statement issued while another caller's transaction is open
// must not become part of it (a rollback would undo a write already reported as stored).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { StepRecord } from '../../main/api/types';
import { openStore, type Store } from '../../main/store';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-tx-'));
  store = await openStore(dir);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const task = (id: string) => ({ id, source: 'sandbox' as const, sites: ['shopping'], intent: 'Buy a thing', startUrl: 'http://x/', config: { task_id: 1 }, split: 'test' as const, family: 'shop/x' });
const step = (t: number): StepRecord => ({
  episodeId: 'e1', t, url: `http://x/${t}`, observationRef: null, screenshotRef: null, promptRef: null, responseRef: null,
  action: null, actionText: '', actionError: null, targetBox: null, progress: null, value: null, potential: null, latencyMs: 1,
  timings: { observeMs: 0, policyMs: 0, actMs: 0, storeMs: 0 },
});

it("a step stored while another caller's transaction is open survives that transaction's rollback", async () => {
  await store.tasks.upsert(task('t1'));
  await store.episodes.create({ id: 'e1', runId: null, taskId: 't1', policy: 'random', seed: 0, createdAt: new Date().toISOString() });

  let release!: () => void;
  const holding = new Promise<void>((resolve) => (release = resolve));
  let began!: () => void;
  const begun = new Promise<void>((resolve) => (began = resolve));
  // Another caller (a subgoal set being saved, say) writes inside its transaction, then fails.
  const failing = store.db.transaction(async () => {
    await store.db.run(`INSERT INTO tasks (id, source, sites, intent, start_url, config) VALUES ('t2', 'sandbox', '[]', 'x', 'http://x/', '{}')`);
    began();
    await holding;
    throw new Error('the other caller failed');
  });
  await begun;
  // Meanwhile an episode stores its step; it resolves once the step is really stored.
  const stored = store.steps.insert(step(0));
  release();
  await expect(failing).rejects.toThrow('the other caller failed');
  await stored;

  expect((await store.steps.list('e1')).map((s) => s.t)).toEqual([0]);
  expect(await store.tasks.get('t2')).toBeUndefined();
  expect(await store.db.get<{ integrity_check: string }>('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
});

it('statements inside a transaction go ahead (no wait on itself), and transactions still run one at a time', async () => {
  const order: string[] = [];
  const first = store.db.transaction(async () => {
    order.push('first:begin');
    await store.db.run(`INSERT INTO tasks (id, source, sites, intent, start_url, config) VALUES ('a', 'sandbox', '[]', 'x', 'http://x/', '{}')`);
    await store.db.get('SELECT COUNT(*) FROM tasks');
    order.push('first:end');
  });
  const second = store.db.transaction(async () => {
    order.push('second:begin');
    await store.db.run(`INSERT INTO tasks (id, source, sites, intent, start_url, config) VALUES ('b', 'sandbox', '[]', 'x', 'http://x/', '{}')`);
    order.push('second:end');
  });
  await Promise.all([first, second]);
  expect(order).toEqual(['first:begin', 'first:end', 'second:begin', 'second:end']);
  expect((await store.tasks.list()).map((t) => t.id).sort()).toEqual(['a', 'b']);
});
