// Issue 14 "Damaged or unwritable data dirs": every error names the path and what to do; `list` and `analyze`
// work on a read-only data directory; re-importing a changed task config warns and keeps the stored one
// unless --replace.
import { spawn } from 'node:child_process';
import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../main/cli/args';
import { importCommand } from '../../main/cli/import-command';
import { SANDBOX_FAMILIES } from '../../main/sandbox/families';
import { openStore } from '../../main/store';
import { openTestCore, useCore, useTempDir } from '../helpers/use-core';

const ROOT = join(import.meta.dirname, '../..');
const temp = useTempDir('mira-data-dir-');
const core = useCore({ sandbox: false });

/** Runs the CLI; as root (who may write anywhere) it runs as `nobody`, so file permissions mean something. */
function cli(args: string[]): Promise<{ code: number | null; out: string }> {
  const asNobody = typeof process.getuid === 'function' && process.getuid() === 0 ? { uid: 65534, gid: 65534 } : {};
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'main/cli/index.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...asNobody });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

/** Makes a folder tree readable by everyone and writable by no one (dirs r-x, files r--). */
async function makeReadOnly(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    await chmod(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o555 : 0o444);
  }
  await chmod(dir, 0o555);
}

describe('data directory faults', () => {
  it('a folder where the database should be is named as such, for writing and for reading, not taken for a permission problem', async () => {
    const dir = join(temp.path, 'db-is-a-folder');
    await mkdir(join(dir, 'workbench.sqlite'), { recursive: true });
    const message = `${join(dir, 'workbench.sqlite')} should be the workbench database but is a folder: move it aside and start again.`;
    await expect(openStore(dir)).rejects.toThrow(message);
    await expect(openStore(dir, { readOnly: true })).rejects.toThrow(message);
  });

  it('a damaged database is refused with its path and how to start again', async () => {
    const dir = join(temp.path, 'damaged');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'workbench.sqlite'), 'this is not an SQLite file, it was cut short by a crash'.repeat(100));
    await expect(openStore(dir)).rejects.toThrow(
      new RegExp(`^The database ${join(dir, 'workbench.sqlite')} is damaged \\(SQLITE_NOTADB: file is not a database.*\\)\\. Move it aside`),
    );
  });

  it('list and analyze read a read-only data directory; run explains why it cannot write there', { timeout: 300_000 }, async () => {
    const dir = join(temp.path, 'read-only');
    const taskId = SANDBOX_FAMILIES.find((f) => f.id === 'shop/sorted-category')!.instantiate(1, 0).id;
    const writer = await openTestCore({ dataDir: dir, sandbox: { instancesPerFamily: 1 } });
    let runId: string;
    try {
      const started = await writer.run({ taskIds: [taskId], policy: 'oracle' });
      runId = started.runId;
      await started.done;
    } finally {
      await writer.close();
    }
    await chmod(temp.path, 0o755);
    await makeReadOnly(dir);
    try {
      const runs = await cli(['list', 'runs', '--data', dir]);
      expect(runs.out).toContain(`${runId}\tfinished`);
      expect(runs.code, runs.out).toBe(0);
      const analyze = await cli(['analyze', runId, '--data', dir]);
      expect(analyze.out).toContain('Success rate: 100.0% (1/1)');
      expect(analyze.code, analyze.out).toBe(0);
      const run = await cli(['run', '--policy', 'oracle', '--tasks', taskId, '--data', dir]);
      expect(run.code).toBe(1);
      expect(run.out).toContain(`error: The data directory ${dir} is not writable`);
      expect(run.out).toContain('pass --data <dir> (or MIRA_DATA_DIR) to use another one; `list` and `analyze` can still read it as it is.');
    } finally {
      await chmod(dir, 0o755); // so the temp folder can be removed
      for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
        if (entry.isDirectory()) await chmod(join(entry.parentPath, entry.name), 0o755);
      }
    }
  });

  it('re-importing a changed task config warns and keeps the stored one unless --replace', async () => {
    const config = (intent: string) => [{
      task_id: 950, sites: ['shopping'], require_login: false, storage_state: null, start_url: '__SHOPPING__', intent,
      eval: { eval_types: ['url_match'], reference_answers: null, reference_url: '__SHOPPING__', url_note: 'GOLD in PRED' },
    }];
    const file = join(temp.path, 'task-950.json');
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const importFile = (intent: string, ...flags: string[]) => writeFile(file, JSON.stringify(config(intent))).then(() => importCommand(parseArgs(['import', file, ...flags]), core));
    try {
      expect(await importFile('Look around the shop.')).toBe(0);
      expect(await importFile('Look around the shop.')).toBe(0); // the same config again: nothing to say
      expect(lines.filter((l) => l.startsWith('warning') || l.startsWith('replaced'))).toEqual([]);
      expect(await importFile('Buy the cheapest lamp.')).toBe(0);
      expect(lines).toContain('warning: webarena/950 is already imported with a different config; kept the stored one (its episodes were scored against it). Import again with --replace to overwrite it.');
      expect((await core.store.tasks.get('webarena/950'))?.intent).toBe('Look around the shop.');
      expect(await importFile('Buy the cheapest lamp.', '--replace')).toBe(0);
      expect(lines).toContain('replaced: webarena/950 (its config changed)');
      expect((await core.store.tasks.get('webarena/950'))?.intent).toBe('Buy the cheapest lamp.');
    } finally {
      log.mockRestore();
    }
  });
});
