// Security: a data directory the workbench creates is readable by its user only. It holds what agents saw
// (screenshots and page texts of logged-in sites), the prompts and replies sent to LLM providers and their
// cache; with the usual umask (022) ~/.mira-workbench was world-readable to every other account on the
// machine. A directory the user made themselves keeps the permissions they gave it.
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDataDir } from '../../../main/store/data-dir';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mira-data-mode-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('data directory permissions', () => {
  it('creates a missing data directory (and its missing parents) for the user only', async () => {
    const dataDir = join(root, 'parent', '.mira-workbench');
    await prepareDataDir(dataDir);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(root, 'parent'))).mode & 0o077).toBe(0);
  });

  it('leaves an existing directory as the user set it', async () => {
    const dataDir = join(root, 'shared');
    await mkdir(dataDir);
    await chmod(dataDir, 0o750);
    await prepareDataDir(dataDir);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o750);
  });
});
