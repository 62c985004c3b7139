// Issue 14 "Must show" (concurrent resume): two resumes of one interrupted run at once, from two cores with
// their own SQLite connections (as two processes have). The run is claimed in one UPDATE, so exactly one
// proceeds, the other is told the run is already running, and no (task, seed) runs twice.
import { expect, it } from 'vitest';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';
import { openTestCore, useCore } from '../helpers/use-core';

const core = useCore({ sandbox: { instancesPerFamily: 1 } });

it('two resumes at once: one proceeds, the other gets "already running", no (task, seed) is duplicated', { timeout: 300_000 }, async () => {
  const taskIds = ['shop/sorted-category', 'shop/add-to-cart', 'shop/cheapest-in-category'].map((f) => SANDBOX_FAMILIES.find((x) => x.id === f)!.instantiate(1, 0).id);
  // An interrupted run: cancelled as soon as it started, so its first episode is cut and the rest never ran.
  const started = await core.run({ taskIds, policy: 'oracle' });
  started.cancel();
  await started.done;
  expect((await core.store.runs.get(started.runId))?.status).toBe('interrupted');

  const other = await openTestCore({ dataDir: core.dataDir, sandbox: { instancesPerFamily: 1 } });
  try {
    const outcomes = await Promise.allSettled([core.resume(started.runId), other.resume(started.runId)]);
    const winners = outcomes.filter((o) => o.status === 'fulfilled');
    const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(String(losers[0].reason)).toMatch(new RegExp(`Run ${started.runId} is already running`));
    const resumed = await (winners[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof core.resume>>>).value.done;
    expect(resumed.every((e) => e.status === 'finished' && e.success)).toBe(true);
  } finally {
    await other.close();
  }

  const episodes = await core.store.episodes.list({ runId: started.runId });
  const finishedKeys = episodes.filter((e) => e.status === 'finished').map((e) => `${e.taskId}#${e.seed}`);
  expect(finishedKeys.sort()).toEqual(taskIds.map((id, i) => `${id}#${i}`).sort());
  // Besides the three finished ones, only the attempt the cancel cut.
  expect(episodes.filter((e) => e.status !== 'finished').map((e) => e.stopReason)).toEqual(['cancelled']);
  expect((await core.store.runs.get(started.runId))?.status).toBe('finished');
  // A third resume finds nothing left to do.
  await expect(core.resume(started.runId)).rejects.toThrow('has finished; there is nothing to resume');
});
