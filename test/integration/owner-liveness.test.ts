// Orphans are told apart by an owner token and heartbeat, not by the pid alone (main/store/owner-liveness.ts):
// a run another live process drives on the same data folder is never marked interrupted (and `resume` says
// where it runs), while a dead owner's run is released even when its pid now belongs to another live process,
// as after a reboot or a container restart. The clock is not waited on: a dead owner's last heartbeat is
// written as old as a reboot leaves it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openStore } from '../../main/store';
import { closeOrphans } from '../../main/store/orphans';
import { STALE_AFTER_MS } from '../../main/store/owner-liveness';
import { openTestCore, useCore } from '../helpers/use-core';

const ROOT = join(__dirname, '..', '..');
const core = useCore({ sandbox: false });

/** A process that owns run `runId` (test/fixtures/store-owner-child.ts), once it says it is ready. */
async function ownerProcess(runId: string, episodeId: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/fixtures/store-owner-child.ts'), core.dataDir, runId, episodeId], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  for await (const chunk of child.stdout!) if ((out += String(chunk)).includes('ready')) break;
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

it('a live run of another process stays running and is refused saying where; once its owner is dead and its pid reused, it is released', { timeout: 240_000 }, async () => {
  const owner = await ownerProcess('r-owned', 'e-owned');
  // Plays the process a restart gave the dead owner's pid to: alive, but not the owner.
  const stranger = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
  try {
    // A second core opening the folder sweeps orphans at start: the live owner's run and episode stay.
    const second = await openTestCore({ dataDir: core.dataDir, sandbox: false });
    try {
      expect((await second.store.runs.get('r-owned'))?.status).toBe('running');
      expect((await second.store.episodes.get('e-owned'))?.status).toBe('running');
      const elsewhere = `Run r-owned is running in another process (pid ${owner.pid}, last heard from`;
      await expect(second.resume('r-owned')).rejects.toThrow(elsewhere);
      expect((await second.api.getRunState('r-owned')).resumeRefusal).toContain(elsewhere);

      // The owner is killed and, after the "restart", its pid is the stranger's; its last heartbeat is as old as
      // the reboot took. The open core's `resume` releases it rather than calling it already running.
      await kill(owner);
      const rebootAgo = Date.now() - STALE_AFTER_MS - 60_000;
      await second.store.db.run('UPDATE runs SET owner_pid = ?, heartbeat_at = ? WHERE id = ?', [stranger.pid, rebootAgo, 'r-owned']);
      await second.store.db.run('UPDATE episodes SET owner_pid = ?, heartbeat_at = ? WHERE id = ?', [stranger.pid, rebootAgo, 'e-owned']);
      expect((await second.api.getRunState('r-owned')).resumeRefusal).toBeNull(); // the run page offers Resume
      // It gets past the owner check and stops at the task the stub run plans, which no store has.
      await expect(second.resume('r-owned')).rejects.toThrow(/gone-task/);
      expect((await second.store.runs.get('r-owned'))?.status).toBe('interrupted');
      const episode = await second.store.episodes.get('e-owned');
      expect(episode).toMatchObject({ status: 'interrupted', stopReason: 'process_killed' });
      expect(episode?.outcome).toContain(`pid ${stranger.pid} is alive but has not kept the run alive`);
    } finally {
      await second.close();
    }
  } finally {
    await kill(owner);
    await kill(stranger);
  }
});

it('two stores in one process on one folder: the open one keeps its run; a closed one, or a pid reused by this process, does not', async () => {
  let clock = Date.now();
  const first = await openStore(core.dataDir, { now: () => clock });
  const second = await openStore(core.dataDir, { now: () => clock });
  let firstOpen = true;
  try {
    await first.runs.create({ id: 'r-first', kind: 'eval', config: {}, status: 'running', createdAt: new Date().toISOString() });
    // A run that a process before a container restart owned: same pid as this one (containers reuse low pids).
    await second.runs.create({ id: 'r-before-restart', kind: 'eval', config: {}, status: 'running', createdAt: new Date().toISOString() });
    await second.db.run(`UPDATE runs SET owner_token = 'token-of-the-process-before' WHERE id = 'r-before-restart'`);

    clock += 10 * STALE_AFTER_MS; // however long since the first's last beat: it is open in this process
    expect(await second.runs.markOrphansInterrupted(() => true)).toEqual(['r-before-restart']);
    await closeOrphans(second, () => true);
    expect((await second.runs.get('r-first'))?.status).toBe('running');

    await first.close(); // closed without finishing its run: nobody drives it now
    firstOpen = false;
    expect(await second.runs.markOrphansInterrupted(() => true)).toEqual(['r-first']);
  } finally {
    if (firstOpen) await first.close();
    await second.close();
  }
});

it('a run and episode left token-less (before migration 13) with this process\'s pid are released; another live pid\'s are kept', async () => {
  const store = await openStore(core.dataDir);
  try {
    const running = { kind: 'eval' as const, config: {}, status: 'running' as const, createdAt: new Date().toISOString() };
    await store.tasks.upsert({ id: 'old-task', source: 'sandbox', sites: ['shopping'], intent: 'x', startUrl: 'http://x/', config: {}, split: 'test', family: 'shop/x' });
    await store.runs.create({ id: 'r-old-mine', ...running });
    await store.runs.create({ id: 'r-old-theirs', ...running });
    await store.episodes.create({ id: 'e-old-mine', runId: 'r-old-mine', taskId: 'old-task', policy: 'random', seed: 0, createdAt: new Date().toISOString() });
    // As an earlier version wrote them: a pid and no token or heartbeat. Ours is the pid of a process before a
    // container restart (the CLI is pid 1 every time); 'theirs' names a live process (the test's own parent).
    await store.db.run(`UPDATE runs SET owner_pid = ?, owner_token = NULL, heartbeat_at = NULL WHERE id = 'r-old-mine'`, [process.pid]);
    await store.db.run(`UPDATE episodes SET owner_pid = ?, owner_token = NULL, heartbeat_at = NULL WHERE id = 'e-old-mine'`, [process.pid]);
    await store.db.run(`UPDATE runs SET owner_pid = ?, owner_token = NULL, heartbeat_at = NULL WHERE id = 'r-old-theirs'`, [process.ppid]);
    const alive = (pid: number) => pid === process.pid || pid === process.ppid;

    expect(await store.runs.runningOwner('r-old-mine', alive)).toMatchObject({ live: false, why: expect.stringContaining('this process was given the same pid') });
    await closeOrphans(store, alive);
    expect((await store.runs.get('r-old-mine'))?.status).toBe('interrupted');
    expect((await store.episodes.get('e-old-mine'))).toMatchObject({ status: 'interrupted', stopReason: 'process_killed' });
    expect((await store.runs.get('r-old-theirs'))?.status).toBe('running');
    expect(await store.runs.runningOwner('r-old-theirs', alive)).toMatchObject({ live: true, where: 'other-process', pid: process.ppid });
  } finally {
    await store.close();
  }
});

it('a heartbeat stamps only the running runs and episodes its own store owns, with that store clock', async () => {
  let clock = 1_000;
  const mine = await openStore(core.dataDir, { now: () => clock });
  const theirs = await openStore(core.dataDir, { now: () => clock });
  try {
    const run = (id: string) => ({ id, kind: 'eval' as const, config: {}, status: 'running' as const, createdAt: new Date().toISOString() });
    await mine.tasks.upsert({ id: 'beat-task', source: 'sandbox', sites: ['shopping'], intent: 'x', startUrl: 'http://x/', config: {}, split: 'test', family: 'shop/x' });
    await mine.runs.create(run('beat-mine'));
    await mine.runs.create(run('beat-done'));
    await mine.runs.setStatus('beat-done', 'finished');
    await theirs.runs.create(run('beat-theirs'));
    await mine.episodes.create({ id: 'beat-ep', runId: 'beat-mine', taskId: 'beat-task', policy: 'random', seed: 0, createdAt: new Date().toISOString() });

    clock = 5_000;
    await mine.runs.heartbeat();
    await mine.episodes.heartbeat();
    const stamps = await mine.db.all<{ id: string; heartbeat_at: number | null }>(
      `SELECT id, heartbeat_at FROM runs WHERE id LIKE 'beat-%' UNION ALL SELECT id, heartbeat_at FROM episodes WHERE id = 'beat-ep' ORDER BY id`,
    );
    expect(stamps).toEqual([
      { id: 'beat-done', heartbeat_at: null },
      { id: 'beat-ep', heartbeat_at: 5_000 },
      { id: 'beat-mine', heartbeat_at: 5_000 },
      { id: 'beat-theirs', heartbeat_at: 1_000 },
    ]);
  } finally {
    await mine.close();
    await theirs.close();
  }
});
