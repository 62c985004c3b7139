import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore, openStore, type Store } from '../../main/store';
import { MIGRATIONS } from '../../main/store/migrations';
import type { StepRecord } from '../../main/api/types';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-store-'));
  store = await openStore(dir);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const task = { id: 't1', source: 'sandbox' as const, sites: ['shopping'], intent: 'Buy a thing', startUrl: 'http://x/', config: { task_id: 1 }, split: 'test' as const, family: 'shop/x' };
const step = (t: number): StepRecord => ({
  episodeId: 'e1', t, url: `http://x/${t}`, observationRef: null, screenshotRef: null, promptRef: null, responseRef: null,
  action: { type: 'click', elementId: String(t) }, actionText: `click [${t}]`, actionError: null, targetBox: { x: 1, y: 2, width: 3, height: 4 },
  progress: null, value: null, potential: null, latencyMs: 12.5, timings: { observeMs: 1, policyMs: 2, actMs: 3, storeMs: 4 },
});

describe('store', () => {
  it('opens in WAL mode at the latest schema version', async () => {
    expect((await store.db.get<{ journal_mode: string }>('PRAGMA journal_mode'))?.journal_mode).toBe('wal');
    expect((await store.db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version).toBe(MIGRATIONS.length);
  });

  it('refuses a database from a newer version with a clear message', async () => {
    await store.db.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    await store.close();
    await expect(openStore(dir)).rejects.toThrow(/newer than this app understands/);
    store = await openStore(join(dir, 'other'));
  });

  it('round-trips tasks, episodes and steps', async () => {
    await store.tasks.upsert(task);
    expect(await store.tasks.get('t1')).toEqual(task);
    await store.episodes.create({ id: 'e1', runId: null, taskId: 't1', policy: 'oracle', seed: 3, createdAt: '2026-01-01T00:00:00Z' });
    await store.steps.insert(step(0));
    await store.steps.insert(step(1));
    await expect(store.steps.insert(step(1))).rejects.toThrow(/UNIQUE constraint/);
    expect(await store.steps.list('e1')).toEqual([step(0), step(1)]);
    await store.episodes.finish('e1', { status: 'finished', success: true, score: 1, answer: '42', stopReason: 'agent_stop', outcome: 'ok', evaluation: null });
    const episode = await store.episodes.get('e1');
    expect(episode).toMatchObject({ status: 'finished', success: true, score: 1, answer: '42', stepCount: 2, stopReason: 'agent_stop' });
    expect(await store.episodes.list({ taskId: 't1' })).toHaveLength(1);
  });

  it('reads a window of steps by position, in step order, without the rest', async () => {
    await store.tasks.upsert(task);
    await store.episodes.create({ id: 'e1', runId: null, taskId: 't1', policy: 'oracle', seed: 3, createdAt: '2026-01-01T00:00:00Z' });
    for (const t of [4, 0, 3, 1, 2]) await store.steps.insert(step(t)); // written out of order
    expect((await store.steps.window('e1', 1, 3)).map((s) => s.t)).toEqual([1, 2]);
    expect(await store.steps.window('e1', 3, 64)).toEqual([step(3), step(4)]); // ends at the last step
    expect(await store.steps.window('e1', 5, 9)).toEqual([]);
    expect(await store.steps.window('e1', 2, 2)).toEqual([]);
    expect(await store.steps.window('other', 0, 4)).toEqual([]);
  });

  it('marks episodes of dead processes interrupted and keeps their steps', async () => {
    await store.tasks.upsert(task);
    await store.episodes.create({ id: 'e1', runId: null, taskId: 't1', policy: 'oracle', seed: 0, createdAt: '2026-01-01T00:00:00Z' });
    await store.steps.insert(step(0));
    await store.db.run('UPDATE episodes SET owner_pid = 999999 WHERE id = ?', ['e1']);
    expect(await store.episodes.markOrphansInterrupted(() => true)).toEqual([]);
    expect(await store.episodes.markOrphansInterrupted(() => false)).toEqual(['e1']);
    const episode = await store.episodes.get('e1');
    expect(episode).toMatchObject({ status: 'interrupted', stopReason: 'process_killed', stepCount: 1 });
    expect(episode?.outcome).toContain('pid 999999');
  });
});

describe('blob store', () => {
  it('stores content once under its SHA-256 and reads it back', async () => {
    const blobs = new BlobStore(join(dir, 'blobs'));
    const a = await blobs.put('hello');
    expect(a).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    expect(await blobs.put(Buffer.from('hello'))).toBe(a);
    expect(await blobs.getText(a)).toBe('hello');
    expect(await readdir(join(dir, 'blobs', '2c'))).toEqual([a.slice(2)]); // no temp files left behind
    expect(() => blobs.pathOf('../../etc/passwd')).toThrow('Not a blob hash');
  });
});
