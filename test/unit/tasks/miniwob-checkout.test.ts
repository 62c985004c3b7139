import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { miniwobDirFromEnv, openMiniWobCheckout } from '../../../main/tasks/miniwob/checkout';
import { miniwobTaskRecords } from '../../../main/tasks/miniwob/tasks';
import { resolveMiniWobSuccess } from '../../../main/runs/miniwob-setup';

// docs/design/WEBARENA.md §5: users point the app at their miniwob-plusplus checkout (setting or MINIWOB_DIR).
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function checkoutAt(htmlRelative: string, pages = ['click-test', 'book-flight']): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'mira-miniwob-checkout-'));
  made.push(root);
  const html = join(root, htmlRelative);
  await mkdir(join(html, 'core'), { recursive: true });
  await mkdir(join(html, 'miniwob'), { recursive: true });
  await writeFile(join(html, 'core', 'core.js'), 'var core = {};');
  for (const page of pages) await writeFile(join(html, 'miniwob', `${page}.html`), '<html></html>');
  await writeFile(join(html, 'miniwob', 'notes.txt'), 'not a task');
  return root;
}

describe('openMiniWobCheckout', () => {
  it('accepts the repository root, its miniwob/ folder, or the html folder itself', async () => {
    const root = await checkoutAt('miniwob/html');
    for (const dir of [root, join(root, 'miniwob'), join(root, 'miniwob', 'html')]) {
      expect(await openMiniWobCheckout(dir)).toEqual({ htmlDir: join(root, 'miniwob', 'html'), tasks: ['book-flight', 'click-test'] });
    }
  });

  it('says precisely what is wrong with a folder that is not a checkout', async () => {
    const root = await checkoutAt('elsewhere');
    await expect(openMiniWobCheckout(root)).rejects.toThrow(`${root} does not look like a miniwob-plusplus checkout: none of ${join(root, 'miniwob', 'html')}, ${join(root, 'html')}, ${root} holds miniwob/*.html and core/core.js.`);
    await expect(openMiniWobCheckout(join(root, 'missing'))).rejects.toThrow(/does not exist \(set MINIWOB_DIR/);
    const empty = await checkoutAt('html', []);
    await expect(openMiniWobCheckout(empty)).rejects.toThrow(/holds no task pages/);
  });

  it('reads MINIWOB_DIR, ignoring a blank one', () => {
    expect(miniwobDirFromEnv({ MINIWOB_DIR: ' /opt/miniwob-plusplus ' })).toBe('/opt/miniwob-plusplus');
    expect(miniwobDirFromEnv({ MINIWOB_DIR: '  ' })).toBeNull();
    expect(miniwobDirFromEnv({})).toBeNull();
  });

  it('makes one task per page, started from the served URL placeholder', () => {
    const [task] = miniwobTaskRecords({ htmlDir: '/x', tasks: ['click-test'] });
    expect(task).toMatchObject({ id: 'miniwob/click-test', source: 'miniwob', sites: ['miniwob'], startUrl: '__MINIWOB__/miniwob/click-test.html', config: { miniwob_task: 'click-test' } });
  });

  it('lists the flight pages as flight.<site> tasks', async () => {
    const root = await checkoutAt('miniwob/html');
    await mkdir(join(root, 'miniwob', 'html', 'flight', 'Alaska'), { recursive: true });
    await mkdir(join(root, 'miniwob', 'html', 'flight', 'flight-common'), { recursive: true });
    await writeFile(join(root, 'miniwob', 'html', 'flight', 'Alaska', 'wrapper.html'), '<html></html>');
    const checkout = await openMiniWobCheckout(root);
    expect(checkout.tasks).toEqual(['book-flight', 'click-test', 'flight.Alaska']);
    expect(miniwobTaskRecords(checkout)[2]).toMatchObject({ id: 'miniwob/flight.Alaska', startUrl: '__MINIWOB__/flight/Alaska/wrapper.html', family: 'miniwob-extra' });
  });

  it('marks the five pages BrowserGym leaves out of its 125-task benchmark', () => {
    const records = miniwobTaskRecords({ htmlDir: '/x', tasks: ['click-test', 'simon-says'] });
    expect(records.map((r) => r.family)).toEqual(['miniwob', 'miniwob-extra']);
    expect(records[1].intent).toContain("not in BrowserGym's 125-task MiniWoB benchmark");
  });

  it('reads the success rule from the setting, else MINIWOB_SUCCESS, and names a bad one', () => {
    const saved = process.env.MINIWOB_SUCCESS;
    try {
      process.env.MINIWOB_SUCCESS = 'miniwob';
      expect(resolveMiniWobSuccess()).toBe('miniwob');
      expect(resolveMiniWobSuccess('browsergym')).toBe('browsergym');
      process.env.MINIWOB_SUCCESS = 'strict';
      expect(() => resolveMiniWobSuccess()).toThrow('Unknown MiniWoB++ success rule "strict" (MINIWOB_SUCCESS); choose browsergym (raw reward > 0) or miniwob (raw reward = 1).');
      delete process.env.MINIWOB_SUCCESS;
      expect(resolveMiniWobSuccess()).toBe('browsergym');
    } finally {
      if (saved === undefined) delete process.env.MINIWOB_SUCCESS;
      else process.env.MINIWOB_SUCCESS = saved;
    }
  });
});
