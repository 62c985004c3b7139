// Issue 17 polish: the instances a training job stores (its rollouts' tasks, its test split beyond the catalog)
// are kept — episodes refer to them, replay shows their intent — but the task list leaves them out unless asked,
// with their count for the Tasks page's toggle. Real SQLite and a real core with the stub trainer.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../main/api/schemas';
import { createCore } from '../../main/core';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';
import { openStore } from '../../main/store';
import { Database } from '../../main/store/db';
import { migrate, MIGRATIONS } from '../../main/store/migrations';
import { settledJob, stubTrainingRunner } from '../helpers/stub-training-runner';
import { useTempDir } from '../helpers/use-core';

const tmp = useTempDir('mira-training-tasks-');
const training = { runner: stubTrainingRunner() };

describe('training instances in the task list', () => {
  it('are left out by default, counted, listed on request, and still resolve for their episodes', async () => {
    const data = join(tmp.path, 'core');
    const request = { variants: ['full' as const], phases: 0, families: ['shop/sorted-category', 'shop/add-to-cart'], instancesPerFamily: 10, seed: 1 };
    // The test split is indices 0 and 5 of each family; the one-instance catalog holds index 0 only.
    const extra = ['sandbox/shop/add-to-cart/5', 'sandbox/shop/sorted-category/5'];
    const first = await createCore({ dataDir: data, sandbox: { instancesPerFamily: 1 }, training });
    try {
      const before = await first.api.listTasks();
      expect(before).toMatchObject({ total: SANDBOX_FAMILIES.length, trainingInstances: 0 });
      const job = await settledJob(first.api, (await first.api.startTraining(request)).jobId);
      expect(job.status).toBe('finished');

      const hidden = await first.api.listTasks();
      expect(hidden.total).toBe(SANDBOX_FAMILIES.length);
      expect(hidden.trainingInstances).toBe(2);
      expect(hidden.tasks.some((t) => extra.includes(t.id) || t.training)).toBe(false);
      expect(hidden.tasks.map((t) => t.id)).toContain('sandbox/shop/sorted-category/0'); // a catalog task the job also tests on

      const shown = await first.api.listTasks({ source: 'sandbox', includeTraining: true });
      expect(shown.total).toBe(SANDBOX_FAMILIES.length + 2);
      expect(shown.trainingInstances).toBe(2);
      expect(shown.tasks.filter((t) => t.training).map((t) => t.id)).toEqual(extra);
      expect((await first.api.listTasks({ source: 'webarena', includeTraining: true })).trainingInstances).toBe(0);

      // A rollout episode on a training instance still opens with its task and intent (replay).
      await first.store.runs.create({ id: 'rollout-run', kind: 'rollout', config: {}, status: 'finished', createdAt: '2026-01-01T00:00:00Z' });
      await first.store.episodes.create({ id: 'ep-1', runId: 'rollout-run', taskId: extra[0], policy: 'local', seed: 1, createdAt: '2026-01-01T00:00:01Z' });
      const detail = await first.api.getEpisode('ep-1');
      expect(detail.task.id).toBe(extra[0]);
      expect(detail.task.intent).toBe(first.catalog!.get(extra[0])!.config.intent);
      expect(detail.task).not.toHaveProperty('training');
    } finally {
      await first.close();
    }
    // A later process registers its catalog again: the training instances stay out of the list.
    const second = await createCore({ dataDir: data, sandbox: { instancesPerFamily: 1 }, training });
    try {
      await second.api.listTrainingJobs();
      expect(await second.api.listTasks()).toMatchObject({ total: SANDBOX_FAMILIES.length, trainingInstances: 2 });
    } finally {
      await second.close();
    }
  }, 120_000);

  it('a task stored again by the catalog or an import is the user\'s; the flag is checked at the transport', async () => {
    const store = await openStore(join(tmp.path, 'store'));
    try {
      const task = { id: 'sandbox/shop/x/7', source: 'sandbox' as const, sites: ['shop'], intent: 'Find it', startUrl: 'http://x/', config: { intent: 'Find it' }, split: 'train' as const, family: 'shop/x' };
      await store.tasks.upsert(task, { training: true });
      expect(await store.tasks.page({ offset: 0, limit: 10 })).toEqual({ tasks: [], total: 0, trainingInstances: 1 });
      expect((await store.tasks.page({ offset: 0, limit: 10, includeTraining: true })).tasks).toEqual([{ ...Object.fromEntries(Object.entries(task).filter(([k]) => k !== 'config')), training: true }]);
      expect(await store.tasks.get(task.id)).toEqual(task);
      await store.tasks.upsert(task);
      expect(await store.tasks.page({ offset: 0, limit: 10 })).toMatchObject({ total: 1, trainingInstances: 0 });
    } finally {
      await store.close();
    }
    expect(validateRequest('listTasks', [{ includeTraining: true }])).toEqual([{ includeTraining: true }]);
    expect(() => validateRequest('listTasks', [{ includeTraining: 'yes' }])).toThrow(/listTasks: argument 0\.includeTraining/);
  });

  it('is backfilled on an older database: sandbox tasks whose every episode is a training rollout', async () => {
    const db = await Database.open(join(tmp.path, 'old.sqlite'));
    try {
      for (let version = 0; version < 10; version++) await db.exec(MIGRATIONS[version]);
      await db.exec('PRAGMA user_version = 10');
      for (const [id, source] of [['rollout-only', 'sandbox'], ['also-eval', 'sandbox'], ['no-run', 'sandbox'], ['unused', 'sandbox'], ['webarena-rollout', 'webarena']]) {
        await db.run(`INSERT INTO tasks (id, source, sites, intent, start_url, config, split) VALUES (?, ?, '["shop"]', 'x', 'http://x/', '{}', 'train')`, [id, source]);
      }
      await db.exec(`INSERT INTO runs (id, kind, config, status, created_at) VALUES ('r', 'rollout', '{}', 'finished', '2026-01-01'), ('e', 'eval', '{}', 'finished', '2026-01-01')`);
      for (const [id, run, task] of [['1', 'r', 'rollout-only'], ['2', 'r', 'rollout-only'], ['3', 'r', 'also-eval'], ['4', 'e', 'also-eval'], ['5', null, 'no-run'], ['6', 'r', 'webarena-rollout']]) {
        await db.run(`INSERT INTO episodes (id, run_id, task_id, policy, seed, status, created_at) VALUES (?, ?, ?, 'local', 1, 'finished', '2026-01-01')`, [id, run, task]);
      }
      expect(await migrate(db)).toBe(MIGRATIONS.length);
      const rows = await db.all<{ id: string; training: number }>('SELECT id, training FROM tasks ORDER BY id');
      expect(Object.fromEntries(rows.map((r) => [r.id, r.training]))).toEqual({ 'also-eval': 0, 'no-run': 0, 'rollout-only': 1, unused: 0, 'webarena-rollout': 0 });
    } finally {
      await db.close();
    }
  });
});
