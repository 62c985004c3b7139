import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openOutputFile, outputProblem } from '../../../main/training/export/output-path';

// Where an export may write (docs/export.md "Where an export writes").
let root = '';
let dataDir = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'export-out-'));
  dataDir = join(root, 'data');
  await mkdir(join(dataDir, 'blobs'), { recursive: true });
  await writeFile(join(dataDir, 'workbench.sqlite'), 'SQLite format 3\0');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('outputProblem with the data directory', () => {
  it('refuses the database, the data directory itself and any path inside it, through a symlink too', async () => {
    // Before the fix `export --format webrl-trainer --out <dataDir>/workbench.sqlite` passed this check and
    // truncated the database to 0 bytes (every later command: SQLITE_CORRUPT).
    const why = (p: string, where: string) => `${p} is ${where}the data directory ${dataDir}, which holds the workbench's database, blobs and checkpoints; write the export outside it`;
    expect(await outputProblem(join(dataDir, 'workbench.sqlite'), 'file', { dataDir })).toBe(why(join(dataDir, 'workbench.sqlite'), 'inside '));
    expect(await outputProblem(dataDir, 'folder', { dataDir })).toBe(why(dataDir, ''));
    expect(await outputProblem(join(dataDir, 'exports', 'new'), 'folder', { dataDir })).toBe(why(join(dataDir, 'exports', 'new'), 'inside '));
    await symlink(dataDir, join(root, 'link'));
    expect(await outputProblem(join(root, 'link', 'a.jsonl'), 'file', { dataDir })).toBe(why(join(root, 'link', 'a.jsonl'), 'inside '));
  });

  it('accepts a path beside the data directory, even one whose name starts the same', async () => {
    expect(await outputProblem(join(root, 'data-export', 'a.jsonl'), 'file', { dataDir })).toBeNull();
    expect(await outputProblem(join(root, 'out'), 'folder', { dataDir })).toBeNull();
    // Without the rule (the study report, which belongs inside <dataDir>/training) nothing changes.
    expect(await outputProblem(join(dataDir, 'training', 'study.html'), 'file')).toBeNull();
  });
});

describe('openOutputFile', () => {
  it('replaces the file only on commit; discard leaves the earlier file and no partial file', async () => {
    const file = join(root, 'out', 'a.jsonl');
    await mkdir(join(root, 'out'));
    await writeFile(file, 'earlier\n');
    const failed = await openOutputFile(file);
    await failed.write('half of a new export');
    await failed.discard();
    expect(await readFile(file, 'utf8')).toBe('earlier\n');
    expect(await readdir(join(root, 'out'))).toEqual(['a.jsonl']);

    const done = await openOutputFile(file);
    await done.write('new\n');
    await done.commit();
    await done.discard(); // the writers' finally: a no-op after commit
    expect(await readFile(file, 'utf8')).toBe('new\n');
    expect(await readdir(join(root, 'out'))).toEqual(['a.jsonl']);
  });
});
