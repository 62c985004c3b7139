import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openStore } from '../../main/store';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';
import { openTestCore, useTempDir } from '../helpers/use-core';

// Issue 5 "Must show": killing the process during a run and starting it again resumes the unfinished
// episodes without losing or duplicating steps.
const ROOT = join(import.meta.dirname, '../..');
const data = useTempDir('mira-resume-');

it('resumes a killed run: finished episodes kept, the cut one kept with its steps, the rest run once', { timeout: 600_000 }, async () => {
  const dir = data.path;
  const taskIds = ['shop/sorted-category', 'shop/checkout', 'shop/cheapest-in-category'].map((f) => SANDBOX_FAMILIES.find((x) => x.id === f)!.instantiate(1, 0).id);
  // One at a time, so the kill finds one episode finished, one cut and one not started.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'main/cli/index.ts'), 'run', '--policy', 'oracle', '--tasks', taskIds.join(','), '--concurrency', '1', '--data', dir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  // Kill once the first episode has finished and the second (the 16-step checkout) has a few steps.
  const store = await openStore(dir);
  try {
    const deadline = Date.now() + 300_000;
    for (;;) {
      const row = await store.db.get<{ done: number; cut: number }>(
        `SELECT (SELECT COUNT(*) FROM episodes WHERE status = 'finished') AS done,
                (SELECT COUNT(*) FROM steps s JOIN episodes e ON e.id = s.episode_id WHERE e.status = 'running') AS cut`,
      ).catch(() => undefined);
      if (row && row.done >= 1 && row.cut >= 2) break;
      if (Date.now() > deadline) throw new Error(`the run never got far enough: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;
  } finally {
    await store.close();
  }

  const core = await openTestCore({ dataDir: dir, sandbox: { instancesPerFamily: 1 } });
  try {
    const [run] = await core.api.listRuns();
    expect(run.status).toBe('interrupted');
    const before = await core.api.listEpisodes({ runId: run.id });
    const cut = before.find((e) => e.status === 'interrupted')!;
    const cutSteps = cut.stepCount;
    expect(cutSteps).toBeGreaterThanOrEqual(2);

    const { done } = await core.resume(run.id);
    const resumed = await done;
    expect(resumed.map((e) => e.taskId).sort()).toEqual([taskIds[1], taskIds[2]].sort());
    expect(resumed.every((e) => e.success)).toBe(true);

    const after = await core.api.listEpisodes({ runId: run.id });
    // One finished episode per task; the interrupted attempt is still there with exactly its steps.
    for (const taskId of taskIds) expect(after.filter((e) => e.taskId === taskId && e.status === 'finished')).toHaveLength(1);
    expect(after.find((e) => e.id === cut.id)).toMatchObject({ status: 'interrupted', stepCount: cutSteps });
    // Nothing else but what a loaded machine may add: an attempt that ended in an infrastructure failure (a
    // navigation timing out) and was run again, kept with status 'error' and counted nowhere.
    const retried = after.filter((e) => e.id !== cut.id && e.status !== 'finished');
    const seen = JSON.stringify(after.map((e) => [e.taskId, e.status, e.stopReason, e.stepCount]));
    expect(retried.every((e) => e.status === 'error'), seen).toBe(true);
    expect(after.length, seen).toBe(4 + retried.length);
    const stepRows = await core.store.db.get<{ n: number; distinct_n: number }>(
      'SELECT COUNT(*) AS n, COUNT(DISTINCT episode_id || \'#\' || t) AS distinct_n FROM steps',
    );
    expect(stepRows?.n).toBe(stepRows?.distinct_n);
    expect((await core.store.runs.get(run.id))?.status).toBe('finished');
  } finally {
    await core.close();
  }
});
