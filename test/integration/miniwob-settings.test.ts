// Issue 20 "The Settings field for the checkout works": setting the folder opens it at once (its tasks are
// listed and runnable), a folder that is not a checkout is refused with the reason and nothing saved, a saved
// folder is opened by the next core, and tasks of a previous checkout are no longer listed.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/use-core';

const FIXTURE = join(import.meta.dirname, '../fixtures/miniwob');
let scratch: string;
let core: TestCore | null = null;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'miniwob-settings-'));
  // A second checkout holding one of the fixture's two pages: the "older"/"newer" checkout pair.
  await cp(join(FIXTURE, 'html/core'), join(scratch, 'smaller/html/core'), { recursive: true });
  await cp(join(FIXTURE, 'html/miniwob/click-fixture.html'), join(scratch, 'smaller/html/miniwob/click-fixture.html'));
});

afterAll(async () => {
  await core?.close();
  await rm(scratch, { recursive: true, force: true });
});

const miniwobIds = async (c: TestCore) => (await c.api.listTasks({ source: 'miniwob' })).tasks.map((t) => t.id);

describe('the MiniWoB++ checkout setting', () => {
  it('lists the checkout\'s tasks once set, refuses a bad folder with the reason, and keeps the last good one', { timeout: 180_000 }, async () => {
    const saved = process.env.MINIWOB_DIR;
    delete process.env.MINIWOB_DIR;
    try {
      core = await openTestCore({ sandbox: false, dataDir: join(scratch, 'data') });
      expect(await miniwobIds(core)).toEqual([]);
      await expect(core.run({ taskIds: ['miniwob/click-fixture'], policy: 'do-nothing' })).rejects.toThrow(/Unknown task/);

      const view = await core.api.updateSettings({ miniwobDir: FIXTURE });
      expect(view.settings.miniwobDir).toBe(FIXTURE);
      expect(await miniwobIds(core)).toEqual(['miniwob/click-fixture', 'miniwob/inbox-fixture']);
      // Runnable at once: the page is served and scored.
      const [episode] = await (await core.run({ taskIds: ['miniwob/click-fixture'], policy: 'do-nothing' })).done;
      expect(episode).toMatchObject({ status: 'finished', score: 0, success: false });
      expect(episode.instruction).toMatch(/^Click on the "\w+" button\.$/);

      // A folder that is not a checkout: a clear error naming what is missing; the setting and the tasks stay.
      const bad = join(scratch, 'not-a-checkout');
      await expect(core.api.updateSettings({ miniwobDir: bad })).rejects.toThrow(`MiniWoB++ checkout not saved: The MiniWoB++ folder ${bad} does not exist`);
      await cp(join(FIXTURE, 'html/core'), join(bad, 'core'), { recursive: true });
      await expect(core.api.updateSettings({ miniwobDir: bad })).rejects.toThrow(/MiniWoB\+\+ checkout not saved: .* does not look like a miniwob-plusplus checkout/);
      await expect(core.api.updateSettings({ miniwobDir: 'relative/dir' })).rejects.toThrow(/absolute path/);
      expect((await core.api.getSettings()).settings.miniwobDir).toBe(FIXTURE);
      expect(await miniwobIds(core)).toEqual(['miniwob/click-fixture', 'miniwob/inbox-fixture']);

      // Another checkout: only its tasks are listed; the older one's stay stored for their episodes.
      await core.api.updateSettings({ miniwobDir: join(scratch, 'smaller') });
      expect(await miniwobIds(core)).toEqual(['miniwob/click-fixture']);
      expect(await core.store.tasks.get('miniwob/inbox-fixture')).toBeDefined();

      // The next start opens the saved folder without MINIWOB_DIR or a flag.
      await core.close();
      core = await openTestCore({ sandbox: false, dataDir: join(scratch, 'data') });
      expect(core.miniwob).toMatchObject({ dir: join(scratch, 'smaller'), problem: null, tasks: ['click-fixture'] });
      expect(await miniwobIds(core)).toEqual(['miniwob/click-fixture']);

      // The page sends every field on each save: an unchanged folder is not reopened (running episodes keep
      // their server). A cleared field (and no MINIWOB_DIR) lists no MiniWoB++ task: none can run.
      const server = core.miniwob.server;
      await core.api.updateSettings({ miniwobDir: join(scratch, 'smaller'), trainerBackend: 'cpu' });
      expect(core.miniwob.server).toBe(server);
      await core.api.updateSettings({ miniwobDir: null });
      expect(core.miniwob).toMatchObject({ server: null, dir: null, tasks: [] });
      expect(await miniwobIds(core)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.MINIWOB_DIR;
      else process.env.MINIWOB_DIR = saved;
    }
  });
});
