// Issue 14 "Must show" (Ctrl-C): the CLI `run` over several sandbox episodes gets SIGINT mid-run. It cancels
// the run, lets the cut episode record itself as cancelled (not as a browser failure), closes the browser and
// exits 130; the finished episodes survive and `resume` runs the rest.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';
import { openStore, type Store } from '../../main/store';
import { openTestCore, useTempDir } from '../helpers/use-core';

const ROOT = join(import.meta.dirname, '../..');
const data = useTempDir('mira-ctrl-c-');

/** The child's store, read-only (it is the one writing), once the child has created and migrated it. */
async function readChildStore(dir: string, deadline: number, log: () => string): Promise<Store> {
  for (;;) {
    const store = await openStore(dir, { readOnly: true }).catch(() => null);
    if (store) return store;
    if (Date.now() > deadline) throw new Error(`the child never created its store: ${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('SIGINT mid-run: the cut episode is recorded as cancelled, finished ones survive, the run resumes', { timeout: 600_000 }, async () => {
  const dir = data.path;
  // The first episode is short; the second (a 16-step checkout) is the one the signal cuts.
  const taskIds = ['shop/sorted-category', 'shop/checkout', 'shop/cheapest-in-category'].map((f) => SANDBOX_FAMILIES.find((x) => x.id === f)!.instantiate(1, 0).id);
  // One at a time, so the interrupt finds one episode cut and the others finished or not started.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'main/cli/index.ts'), 'run', '--policy', 'oracle', '--tasks', taskIds.join(','), '--instances', '1', '--concurrency', '1', '--data', dir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  const deadline = Date.now() + 300_000;
  const store = await readChildStore(dir, deadline, () => output);
  try {
    for (;;) {
      const row = await store.db.get<{ done: number; cut: number }>(
        `SELECT (SELECT COUNT(*) FROM episodes WHERE status = 'finished') AS done,
                (SELECT COUNT(*) FROM steps s JOIN episodes e ON e.id = s.episode_id WHERE e.status = 'running') AS cut`,
      ).catch(() => undefined);
      if (row && row.done >= 1 && row.cut >= 1) break;
      if (Date.now() > deadline) throw new Error(`the run never got far enough: ${output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await store.close();
  }
  child.kill('SIGINT');
  const exit = await exited;
  expect(exit, output).toEqual({ code: 130, signal: null });
  expect(output).toContain('SIGINT: cancelling active runs');

  const core = await openTestCore({ dataDir: dir, sandbox: { instancesPerFamily: 1 } });
  try {
    const [run] = await core.store.runs.list();
    expect(run.status).toBe('interrupted');
    const before = await core.store.episodes.list({ runId: run.id });
    const finished = before.filter((e) => e.status === 'finished');
    expect(finished.length).toBeGreaterThanOrEqual(1);
    expect(finished.every((e) => e.success)).toBe(true);
    // The process recorded the cut episode itself: cancelled, with its steps, neither a browser failure nor
    // an orphan found by the next start.
    const cut = before.filter((e) => e.status !== 'finished');
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ status: 'interrupted', stopReason: 'cancelled', success: null });
    expect(cut[0].outcome).toContain('The episode was cancelled.');
    expect(cut[0].stepCount).toBeGreaterThanOrEqual(1);

    const resumed = await (await core.resume(run.id)).done;
    expect(resumed.every((e) => e.status === 'finished' && e.success)).toBe(true);
    const after = await core.store.episodes.list({ runId: run.id });
    for (const taskId of taskIds) expect(after.filter((e) => e.taskId === taskId && e.status === 'finished')).toHaveLength(1);
    expect(after.find((e) => e.id === cut[0].id)).toMatchObject({ status: 'interrupted', stepCount: cut[0].stepCount });
    expect((await core.store.runs.get(run.id))?.status).toBe('finished');
  } finally {
    await core.close();
  }
});
