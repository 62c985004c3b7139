// Whether the owner a 'running' row names still exists (main/store/owner-liveness.ts): a reused pid must not
// pass for the owner, and a live owner whose heartbeat is late must not be called gone. The clock is a number.
import { describe, expect, it } from 'vitest';
import { judgeOwner, STALE_AFTER_MS, type LivenessView, type OwnerStamp } from '../../../main/store/owner-liveness';
import { OwnerHeartbeat } from '../../../main/store/owner-heartbeat';

const ME = 100;
const OTHER = 200;
const NOW = 1_800_000_000_000;
const view = (alive: readonly number[], openHere: readonly string[] = ['my-token']): LivenessView => ({
  pid: ME,
  isOpenHere: (token) => openHere.includes(token),
  isAlive: (pid) => alive.includes(pid),
  now: NOW,
});
const row = (pid: number | null, token: string | null, heartbeatAt: number | null): OwnerStamp => ({ pid, token, heartbeatAt });

describe('judgeOwner', () => {
  it('a row from before owner tokens is judged by its pid, as before; with our pid it is a process before ours', () => {
    expect(judgeOwner(row(OTHER, null, null), view([OTHER]))).toMatchObject({ live: true, where: 'other-process', pid: OTHER });
    expect(judgeOwner(row(OTHER, null, null), view([]))).toMatchObject({ live: false, why: `its process (pid ${OTHER}) has ended` });
    // This version stamps a token with every pid it writes, so a token-less row with our pid was never ours: it was
    // called ours for ever (a container where the CLI is pid 1 every time).
    expect(judgeOwner(row(ME, null, null), view([ME]))).toEqual({ live: false, why: `its process (pid ${ME}) has ended; this process was given the same pid` });
    expect(judgeOwner(row(null, null, null), view([OTHER]))).toMatchObject({ live: false });
  });

  it('a dead pid is gone at once, however fresh its last heartbeat (a killed run is resumable straight away)', () => {
    expect(judgeOwner(row(OTHER, 'their-token', NOW - 1), view([]))).toMatchObject({ live: false });
  });

  it('another live process with a fresh heartbeat owns the row; the age is reported', () => {
    expect(judgeOwner(row(OTHER, 'their-token', NOW - 4_000), view([OTHER]))).toEqual({ live: true, where: 'other-process', pid: OTHER, heartbeatAgeMs: 4_000 });
  });

  it('pid alive but a different process: the heartbeat stopped long ago (a reboot gave the pid away)', () => {
    const verdict = judgeOwner(row(OTHER, 'their-token', NOW - 3 * 3_600_000), view([OTHER]));
    expect(verdict).toMatchObject({ live: false });
    expect(!verdict.live && verdict.why).toBe(`pid ${OTHER} is alive but has not kept the run alive for 3 h: it is another process now`);
  });

  it('a live owner whose heartbeat is late (busy event loop, a write waiting on the lock) keeps its row up to the window', () => {
    expect(judgeOwner(row(OTHER, 'their-token', NOW - STALE_AFTER_MS), view([OTHER])).live).toBe(true);
    expect(judgeOwner(row(OTHER, 'their-token', NOW - STALE_AFTER_MS - 1), view([OTHER])).live).toBe(false);
    // The window outlasts a period plus the 30 s SQLite busy timeout a heartbeat write may wait.
    expect(STALE_AFTER_MS).toBeGreaterThan(10_000 + 30_000);
  });

  it('a heartbeat from a clock slightly ahead counts as fresh, not as a negative age', () => {
    expect(judgeOwner(row(OTHER, 'their-token', NOW + 5_000), view([OTHER]))).toMatchObject({ live: true, heartbeatAgeMs: 0 });
  });

  it('a token but no heartbeat on a live pid is not taken for a live owner', () => {
    expect(judgeOwner(row(OTHER, 'their-token', null), view([OTHER])).live).toBe(false);
  });

  it('our own pid with a token none of our stores holds: the process before a restart had this pid', () => {
    const verdict = judgeOwner(row(ME, 'token-before-restart', NOW), view([ME]));
    expect(verdict).toMatchObject({ live: false, why: `its process (pid ${ME}) has ended; this process was given the same pid` });
  });

  it('our own pid with a token of a store open in this process (two cores on one folder) is live', () => {
    expect(judgeOwner(row(ME, 'other-core-token', NOW - 10 * STALE_AFTER_MS), view([ME], ['my-token', 'other-core-token']))).toMatchObject({
      live: true,
      where: 'this-process',
    });
  });
});

describe('OwnerHeartbeat', () => {
  it('stamps every repo once per beat, skips a failing one, and never doubles a beat still in flight', async () => {
    const calls: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const repos = [
      { heartbeat: () => (calls.push('runs'), slow) },
      { heartbeat: () => (calls.push('failing'), Promise.reject(new Error('SQLITE_FULL'))) },
      { heartbeat: () => (calls.push('episodes'), Promise.resolve()) },
    ];
    const heartbeat = new OwnerHeartbeat(repos);
    const first = heartbeat.beat();
    expect(heartbeat.beat()).toBe(first); // the database is still busy with the first
    release();
    await first;
    expect(calls).toEqual(['runs', 'failing', 'episodes']);
    await heartbeat.beat();
    expect(calls).toHaveLength(6);
    await heartbeat.stop();
  });
});
