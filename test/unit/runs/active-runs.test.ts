import { describe, expect, it } from 'vitest';
import type { EpisodeRecord } from '../../../main/api/types';
import { ActiveRuns } from '../../../main/runs/active-runs';
import type { StartedRun } from '../../../main/runs/run-tasks';

/** A run that ends when told to (or when cancelled, if it honours cancels). */
function fakeRun(runId: string, honoursCancel = true): StartedRun & { finish(): void; cancelled: boolean } {
  let finish!: () => void;
  const done = new Promise<EpisodeRecord[]>((resolve) => (finish = () => resolve([])));
  const run = {
    runId,
    done,
    cancelled: false,
    finish,
    cancel() {
      run.cancelled = true;
      if (honoursCancel) finish();
    },
  };
  return run;
}

// Issue 14: a cap on active runs (refused past it, with a clear error) and cancel-all with a bounded wait.
describe('ActiveRuns', () => {
  it('refuses a run past the cap, counting runs still being created, and admits again once one ends', async () => {
    const active = new ActiveRuns(2);
    const first = fakeRun('r1');
    await active.admit(async () => first);
    let releaseSecond!: () => void;
    const second = active.admit(() => new Promise((resolve) => (releaseSecond = () => resolve(fakeRun('r2')))));
    await expect(active.admit(async () => fakeRun('r3'))).rejects.toThrow('2 runs are active already, the most this workbench runs at once: wait for one to finish or cancel one');
    releaseSecond();
    await second;
    expect(active.size).toBe(2);
    first.finish();
    await first.done;
    await Promise.resolve();
    expect(active.get('r1')).toBeUndefined();
    await expect(active.admit(async () => fakeRun('r3'))).resolves.toMatchObject({ runId: 'r3' });
  });

  it('a run that fails to start frees its place', async () => {
    const active = new ActiveRuns(1);
    await expect(active.admit(async () => { throw new Error('Unknown policy "x".'); })).rejects.toThrow('Unknown policy');
    await expect(active.admit(async () => fakeRun('ok'))).resolves.toMatchObject({ runId: 'ok' });
  });

  it('cancels every run and waits for them, but only up to the grace period', async () => {
    const active = new ActiveRuns(4);
    const quick = fakeRun('quick');
    const stuck = fakeRun('stuck', false);
    await active.admit(async () => quick);
    await active.admit(async () => stuck);
    const left = await active.cancelAll(50);
    expect([quick.cancelled, stuck.cancelled]).toEqual([true, true]);
    expect(left).toEqual(['stuck']);
    stuck.finish();
  });
});
