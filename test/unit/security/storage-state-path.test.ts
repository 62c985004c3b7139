// Security: a task file's storage_state names a file in the auth folder (WEBARENA_AUTH_DIR, else ./.auth
// under the working directory: the original harness's ./.auth/*.json), nothing else. A task file someone shares could otherwise
// name any JSON file of the user's — a Playwright project's saved login for a real site — and its cookies went
// into the episode's browser, which the task's pages then drive; a non-JSON file's first characters were
// quoted in the error.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskRecord } from '../../../main/api/types';
import type { BrowserPool } from '../../../main/browser/pool';
import { SiteLogins } from '../../../main/tasks/site-login';

let root: string;
let authDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mira-storage-state-'));
  authDir = join(root, 'auth');
  await mkdir(authDir);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const cookie = (value: string) => ({ cookies: [{ name: 'session', value, domain: 'example.test', path: '/' }] });
// A pool is only needed to log in by recipe, which these tasks (no site profile) never do.
const logins = () => new SiteLogins({} as BrowserPool, { WEBARENA_AUTH_DIR: authDir });
const taskWith = (storageState: string) => ({ config: { storage_state: storageState }, sites: ['gitlab'] }) as unknown as TaskRecord;

describe('storage_state paths', () => {
  it('reads a file in the auth folder, as the original configs name it', async () => {
    await writeFile(join(authDir, 'gitlab_state.json'), JSON.stringify(cookie('from-auth-dir')));
    const cookies = await logins().cookiesFor(taskWith('./.auth/gitlab_state.json'), {});
    expect(cookies.map((c) => c.value)).toEqual(['from-auth-dir']);
  });

  it.each([
    ['an absolute path', () => join(root, 'elsewhere', 'user.json')],
    ['a path that climbs out', () => '../elsewhere/user.json'],
  ])('refuses %s outside the auth folder, reading nothing', async (_name, path) => {
    await mkdir(join(root, 'elsewhere'));
    await writeFile(join(root, 'elsewhere', 'user.json'), JSON.stringify(cookie('REAL-SESSION')));
    await expect(logins().cookiesFor(taskWith(path()), {})).rejects.toThrow(/outside the auth folder/);
  });

  // Without WEBARENA_AUTH_DIR the folder is ./.auth under the working directory, not the working directory itself:
  // a desktop app started from a launcher runs in / or $HOME, where "inside the working directory" admits anything.
  it('without WEBARENA_AUTH_DIR, reads ./.auth/ files and refuses others under the working directory', async () => {
    const cwd = vi.spyOn(process, 'cwd').mockReturnValue(root); // chdir is not allowed in test workers
    try {
      await mkdir(join(root, '.auth'));
      await writeFile(join(root, '.auth', 'shopping_state.json'), JSON.stringify(cookie('from-dot-auth')));
      await writeFile(join(root, 'user.json'), JSON.stringify(cookie('REAL-SESSION')));
      const plain = new SiteLogins({} as BrowserPool, {});
      expect((await plain.cookiesFor(taskWith('./.auth/shopping_state.json'), {})).map((c) => c.value)).toEqual(['from-dot-auth']);
      await expect(plain.cookiesFor(taskWith('./user.json'), {})).resolves.toEqual([]); // ./.auth/user.json: absent
      await expect(plain.cookiesFor(taskWith('../user.json'), {})).rejects.toThrow(/outside the auth folder/);
      await expect(plain.cookiesFor(taskWith(join(root, 'user.json')), {})).rejects.toThrow(/outside the auth folder/);
    } finally {
      cwd.mockRestore();
    }
  });

  it('refuses a storage_state that is not a regular file instead of reading it for ever', async () => {
    await mkdir(join(authDir, 'a-folder.json'));
    await expect(logins().cookiesFor(taskWith('a-folder.json'), {})).rejects.toThrow(/not a login state file/);
  });
});
