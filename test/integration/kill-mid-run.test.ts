import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openStore } from '../../main/store';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';
import { openTestCore, useTempDir } from '../helpers/use-core';

// Walking-skeleton "Must show": killing the process mid-run leaves every completed step readable and the
// episode marked unfinished (interrupted, with the reason recorded).
const ROOT = join(import.meta.dirname, '../..');
const data = useTempDir('mira-kill-');

it('keeps completed steps and marks the episode interrupted after SIGKILL', { timeout: 300_000 }, async () => {
  const dir = data.path;
  // The longest shop family gives the kill time to land mid-episode.
  const family = [...SANDBOX_FAMILIES].filter((f) => f.site === 'shop').sort((a, b) => b.instantiate(1, 0).oracle.length - a.instantiate(1, 0).oracle.length)[0];
  const taskId = family.instantiate(1, 0).id;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'main/cli/index.ts'), 'run', '--policy', 'oracle', '--tasks', taskId, '--data', dir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));

  // Poll the store (WAL lets us read while the child writes) until two steps are committed, then kill.
  const store = await openStore(dir);
  try {
    const deadline = Date.now() + 240_000;
    let steps = 0;
    while (Date.now() < deadline) {
      const row = await store.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM steps').catch(() => undefined);
      steps = row?.n ?? 0;
      if (steps >= 2) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(steps, `child stderr: ${stderr}`).toBeGreaterThanOrEqual(2);
    child.kill('SIGKILL');
    await exited;
  } finally {
    await store.close();
  }

  const core = await openTestCore({ dataDir: dir, sandbox: false });
  try {
    const [episode] = await core.api.listEpisodes({});
    expect(episode.status).toBe('interrupted');
    expect(episode.stopReason).toBe('process_killed');
    expect(episode.outcome).toContain('ended before it finished');
    const detail = await core.api.getEpisode(episode.id);
    expect(detail.steps.length).toBeGreaterThanOrEqual(2);
    expect(detail.steps.length).toBeLessThan(family.instantiate(1, 0).oracle.length);
    for (const step of detail.steps) {
      expect((await core.store.blobs.get(step.screenshotRef!)).length).toBeGreaterThan(1000);
      expect(await core.api.getBlobText(step.observationRef!)).toContain('RootWebArea');
    }
  } finally {
    await core.close();
  }
});
