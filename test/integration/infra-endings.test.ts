// Issue 14 "Honest outcomes under faults": a full disk, a page that closes while the episode is scored and a
// checkpoint that does not load are infrastructure failures (status 'error', their own stop reason, never
// scored); an unknown policy or a missing checkpoint fails the run before it exists.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEpisode, type EpisodeDeps } from '../../main/agent/episode-loop';
import { DoNothingPolicy } from '../../main/agent/random-policy';
import { environmentFor } from '../../main/runs/run-environments';
import type { EnvironmentDeps } from '../../main/runs/types';
import { BlobStore, type BlobWriter } from '../../main/store/blobs';
import { useCore } from '../helpers/use-core';

const core = useCore({ sandbox: { instancesPerFamily: 1 } });
const shopTasks = (n: number) => core.catalog!.all().filter((i) => i.family.startsWith('shop/')).slice(0, n).map((i) => i.id);

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('infrastructure endings', () => {
  it('disk full: temp blobs are removed, the episode ends with storage_error and the real ENOSPC message, the run stops', { timeout: 180_000 }, async () => {
    // A disk that takes the first bytes of a file and then is full, as a real one does.
    const fullDisk: BlobWriter = async (path, data) => {
      await writeFile(path, typeof data === 'string' ? data.slice(0, 16) : data.subarray(0, 16));
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    };
    const root = join(core.dataDir, 'blobs-on-a-full-disk');
    const realBlobs = core.store.blobs;
    core.store.blobs = new BlobStore(root, fullDisk);
    let runId: string;
    let episodes;
    try {
      const started = await core.run({ taskIds: shopTasks(3), policy: 'oracle', scheduler: { infraRetries: 2 } });
      runId = started.runId;
      episodes = await started.done;
    } finally {
      core.store.blobs = realBlobs;
    }
    // The first episode's first step could not be stored: no retry, no second task.
    expect(episodes).toHaveLength(1);
    expect(episodes[0]).toMatchObject({ status: 'error', stopReason: 'storage_error', success: null });
    expect(episodes[0].outcome).toContain(`Storage failed: Could not write to ${root}: ENOSPC: no space left on device, write`);
    expect(await core.store.episodes.list({ runId })).toHaveLength(1);
    expect((await core.store.runs.get(runId))?.status).toBe('error');
    expect(await filesUnder(root)).toEqual([]);
  });

  it('a page that closes while the episode is scored ends it as evaluation_interrupted, unscored', { timeout: 120_000 }, async () => {
    const task = (await core.store.tasks.get(shopTasks(1)[0]))!;
    const deps = {
      store: core.store, pool: core.pool, sandbox: core.sandbox, catalog: core.catalog, miniwob: core.miniwob, siteProfile: () => ({}), logins: null,
      // The evaluator's page goes away under it (a crashed tab, a closed browser).
      async evaluate(_task, ctx) {
        await ctx.page.close();
        await ctx.page.textContent('body');
        throw new Error('unreachable: the page was closed');
      },
    } satisfies EpisodeDeps & EnvironmentDeps;
    const episode = await runEpisode(deps, { task, policy: new DoNothingPolicy(), environment: environmentFor(deps, task, 0) });
    expect(episode).toMatchObject({ status: 'error', stopReason: 'evaluation_interrupted', success: null, score: null, answer: '' });
    expect(episode.outcome).toMatch(/^Not scored\. The agent stopped\. The evaluation was cut off because the page closed: .*closed/);
  });

  it('a checkpoint that does not load is checkpoint_invalid, and its contents are not echoed', { timeout: 180_000 }, async () => {
    const path = join(core.dataDir, 'training', 'broken-job', 'phase-0.json');
    await mkdir(join(core.dataDir, 'training', 'broken-job'), { recursive: true });
    await writeFile(path, 'root:x:0:0:secret-line-from-a-file\n');
    const { runId, done } = await core.run({ taskIds: shopTasks(1), policy: 'local', checkpoint: path, scheduler: { infraRetries: 0 } });
    const [episode] = await done;
    expect(episode).toMatchObject({ status: 'error', stopReason: 'checkpoint_invalid', success: null });
    expect(episode.outcome).toMatch(/The checkpoint could not be loaded: .*not JSON.*\.$/);
    expect(episode.outcome).not.toContain('secret-line');
    expect((await core.store.runs.get(runId))?.status).toBe('error');
  });

  it('configuration errors fail the run before it is created: unknown policy, missing checkpoint', async () => {
    const before = (await core.store.runs.list()).length;
    await expect(core.run({ taskIds: shopTasks(1), policy: 'gpt-agent' })).rejects.toThrow('Unknown policy "gpt-agent"');
    const missing = join(core.dataDir, 'training', 'no-such-job', 'phase-3.json');
    await expect(core.run({ taskIds: shopTasks(1), policy: 'local', checkpoint: missing })).rejects.toThrow(`The checkpoint ${missing} does not exist`);
    expect(await core.store.runs.list()).toHaveLength(before);
  });
});
