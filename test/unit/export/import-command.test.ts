import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskRecord } from '../../../main/api/types';
import { parseArgs, UsageError } from '../../../main/cli/args';
import { checkImportPath, importCommand } from '../../../main/cli/import-command';
import type { Core } from '../../../main/core';

// `import` of WebArena configs (docs/design/WEBARENA.md §1.3): what it refuses before reading, and what its
// summary counts.
let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const config = (taskId: number, site: string) => ({
  task_id: taskId, sites: [site], require_login: false, storage_state: null, start_url: '__MAP__', intent: `Task ${taskId}`,
  eval: { eval_types: ['url_match'], reference_answers: null, reference_url: '__MAP__', url_note: 'GOLD in PRED' },
});

describe('checkImportPath', () => {
  it('refuses a FIFO (the read never ends) and a device, before reading either', async () => {
    // Before the fix `import <fifo>` waited forever and `import /dev/zero` read until memory ran out (both
    // report size 0, so a size limit does not catch them).
    const fifo = join(dir, 'tasks.json');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      await expect(checkImportPath(fifo)).rejects.toThrow(new UsageError(`${fifo} is not a regular file or a folder; give a WebArena config file (.json) or a folder of them.`));
    }
    await expect(checkImportPath('/dev/zero')).rejects.toThrow(new UsageError('/dev/zero is not a regular file or a folder; give a WebArena config file (.json) or a folder of them.'));
  });

  it('lets a config file, a folder and a missing path through (the loader names a missing one)', async () => {
    const file = join(dir, 'ok.json');
    await writeFile(file, JSON.stringify([config(1, 'map')]));
    await expect(checkImportPath(file)).resolves.toBeUndefined();
    await expect(checkImportPath(dir)).resolves.toBeUndefined();
    await expect(checkImportPath(join(dir, 'missing.json'))).resolves.toBeUndefined();
  });
});

describe('importCommand summary', () => {
  it('does not count a task kept as stored as imported, and says how many were new, replaced or unchanged', async () => {
    // Before the fix a file of 3 tasks, one of them kept (different config, no --replace), printed
    // "Imported 3 task(s)" with the kept one in the per-site summary.
    const outcomes: Record<string, 'added' | 'unchanged' | 'replaced' | 'kept'> = { 'webarena/1': 'added', 'webarena/2': 'unchanged', 'webarena/3': 'kept' };
    const core = {
      store: {
        db: { transaction: async <T>(work: () => Promise<T>) => work() },
        tasks: { importTask: async (task: TaskRecord) => outcomes[task.id] },
      },
      api: { info: async () => ({ dataDir: '/data' }) },
    } as unknown as Core;
    const file = join(dir, 'tasks.json');
    await writeFile(file, JSON.stringify([config(1, 'map'), config(2, 'map'), config(3, 'reddit')]));
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      expect(await importCommand(parseArgs(['import', file]), core)).toBe(0);
    } finally {
      log.mockRestore();
    }
    expect(lines).toEqual([
      'warning: webarena/3 is already imported with a different config; kept the stored one (its episodes were scored against it). Import again with --replace to overwrite it.',
      'Imported 2 task(s) into /data (1 new, 0 replaced, 1 already stored unchanged; 1 kept as stored):',
      '  map              2',
    ]);
  });
});
