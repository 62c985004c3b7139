import { describe, expect, it } from 'vitest';
import { useCore } from '../helpers/use-core';

// A run's stored config is parsed when the run is resumed (issue 19): one written by the first workbench
// version (policy, seed and task ids only) still resumes; a malformed one is refused with the reason, and the
// run is left as it was (not claimed, nothing run). Real Chromium (shared) and SQLite.
const core = useCore({ sandbox: { datasetSeed: 1, instancesPerFamily: 1 } });

const interrupted = (id: string, config: Record<string, unknown>) =>
  core.store.runs.create({ id, kind: 'eval', config, status: 'interrupted', createdAt: new Date().toISOString() });

describe('resuming a stored run config', () => {
  it('resumes a legacy config of policy, seed and task ids', { timeout: 180_000 }, async () => {
    const task = core.catalog!.all().find((i) => i.family === 'shop/add-to-cart')!;
    await interrupted('legacy-run', { policy: 'oracle', seed: 0, taskIds: [task.id] });
    const episodes = await (await core.resume('legacy-run')).done;
    expect(episodes.map((e) => [e.taskId, e.seed, e.status, e.success])).toEqual([[task.id, 0, 'finished', true]]);
    expect((await core.store.runs.get('legacy-run'))?.status).toBe('finished');
  });

  it('refuses a malformed config, naming the fields, and leaves the run as it was', async () => {
    await interrupted('broken-run', { policy: 'oracle', taskIds: 'shop-1', scheduler: { concurrency: -1 } });
    await expect(core.resume('broken-run')).rejects.toThrow(
      /^Run broken-run has a malformed stored config \(taskIds: .*; scheduler\.concurrency: .*\); it cannot be resumed\.$/,
    );
    expect((await core.store.runs.get('broken-run'))?.status).toBe('interrupted');
    expect(await core.store.episodes.list({ runId: 'broken-run' })).toEqual([]);
  });
});
