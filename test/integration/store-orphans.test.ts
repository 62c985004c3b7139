// What a dead process left 'running' is marked interrupted on the next start; a database that cannot take that
// write (the full disk that often ended the run) must still open, or `list` could not show what was recorded.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore, type Store } from '../../main/store';
import { closeOrphans } from '../../main/store/orphans';

let dir: string;
let store: Store;
const DEAD_PID = 2 ** 22 + 7; // above Linux's pid_max default: no process has it

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mira-orphans-'));
  store = await openStore(dir);
  await store.tasks.upsert({ id: 't1', source: 'sandbox', sites: ['shopping'], intent: 'x', startUrl: 'http://x/', config: {}, split: 'test', family: 'shop/x' });
  await store.runs.create({ id: 'r1', kind: 'eval', config: {}, status: 'running', createdAt: new Date().toISOString() });
  await store.episodes.create({ id: 'e1', runId: 'r1', taskId: 't1', policy: 'random', seed: 0, createdAt: new Date().toISOString() });
  await store.db.run('UPDATE runs SET owner_pid = ?', [DEAD_PID]);
  await store.db.run('UPDATE episodes SET owner_pid = ?', [DEAD_PID]);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const isAlive = (pid: number) => pid !== DEAD_PID;

it('a database that cannot take the marks still opens: the orphans wait, and are marked once it can', async () => {
  await store.db.exec('PRAGMA query_only = ON'); // every write now fails with SQLITE_READONLY, as on a full disk
  await expect(closeOrphans(store, isAlive)).resolves.toBeUndefined();
  expect((await store.episodes.get('e1'))?.status).toBe('running');

  await store.db.exec('PRAGMA query_only = OFF');
  await closeOrphans(store, isAlive);
  expect(await store.episodes.get('e1')).toMatchObject({ status: 'interrupted', stopReason: 'process_killed' });
  expect((await store.runs.get('r1'))?.status).toBe('interrupted');
});

it('any other failure is not hidden', async () => {
  const broken = { ...store, episodes: { markOrphansInterrupted: () => Promise.reject(new Error('a bug')) } } as unknown as Store;
  await expect(closeOrphans(broken, isAlive)).rejects.toThrow('a bug');
});

it("removes the blob files a killed writer left half-written, and keeps a live writer's and every stored blob", async () => {
  const kept = await store.blobs.put('a finished blob');
  const incoming = join(dir, 'blobs', '.incoming');
  await mkdir(incoming, { recursive: true });
  const dead = join(incoming, `${DEAD_PID}.0123456789abcdef.00000000.tmp`);
  const live = join(incoming, `${process.ppid}.0123456789abcdef.00000001.tmp`);
  await writeFile(dead, 'half a screenshot');
  await writeFile(live, 'another process is writing this');

  await closeOrphans(store, isAlive);
  expect((await readdir(incoming)).sort()).toEqual([live.split('/').pop()]);
  expect(await store.blobs.getText(kept)).toBe('a finished blob');
});
