import { mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWebArenaTasks, loginNeedOf, MAX_TASK_FILE_BYTES, parseWebArenaJson, startUrlsOf, summariseBySite } from '../../../main/tasks/webarena-loader';

const LITE = join(import.meta.dirname, '../../fixtures/webarena-lite/test_webarena_lite.raw.json');

describe('the 165 WebArena-Lite tasks', async () => {
  const { tasks, errors, warnings } = await loadWebArenaTasks(LITE);

  it('all load, without errors', () => {
    expect(errors).toEqual([]);
    expect(tasks).toHaveLength(165);
  });

  it('with one warning: task 81 gives must_include as a string, which the original evaluators cannot score', () => {
    expect(warnings.map((w) => w.message)).toEqual([
      `${LITE}: task 81: eval.reference_answers.must_include is the string 'yjlou', not a list; the original evaluators assert a list and cannot score this task`,
    ]);
  });

  it('per-site summary: shopping 45, shopping_admin 35, gitlab 30, map 26, reddit 19, multi-site 10', () => {
    expect(summariseBySite(tasks)).toEqual({ shopping: 45, shopping_admin: 35, gitlab: 30, map: 26, reddit: 19, 'multi-site': 10 });
  });

  it('become TaskRecords with Lite ids, the whole config kept and old_task_id preserved', () => {
    const t0 = tasks[0];
    expect(t0).toMatchObject({ id: 'webarena-lite/0', source: 'webarena', sites: ['shopping_admin'], split: null, family: null,
      intent: 'What are the top-3 best-selling product in Jan 2023', startUrl: '__SHOPPING_ADMIN__' });
    expect(t0.config.old_task_id).toBe(4);
    expect(Object.keys(t0.config).sort()).toEqual(['eval', 'geolocation', 'instantiation_dict', 'intent', 'intent_template',
      'intent_template_id', 'old_task_id', 'require_login', 'require_reset', 'sites', 'start_url', 'storage_state', 'task_id']);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(165);
  });

  it('splits the multi-tab start_url of task 103 into three tabs', () => {
    const t = tasks.find((x) => x.id === 'webarena-lite/103')!;
    const tabs = startUrlsOf(t);
    expect(tabs).toHaveLength(3);
    expect(tabs.every((u) => u.startsWith('__SHOPPING__/') && u.endsWith('.html'))).toBe(true);
    expect(t.startUrl).toBe(tabs[0]);
    expect(tasks.filter((x) => startUrlsOf(x).length > 1)).toHaveLength(1);
  });

  it('exposes which sites need a login', () => {
    const byId = (n: number) => tasks.find((x) => x.id === `webarena-lite/${n}`)!;
    expect(loginNeedOf(byId(0))).toEqual({ requireLogin: true, storageState: './.auth/shopping_admin_state.json',
      storageStateSites: ['shopping_admin'], loginSites: ['shopping_admin'] });
    expect(loginNeedOf(byId(127))).toMatchObject({ storageStateSites: ['gitlab', 'reddit'], loginSites: ['gitlab', 'reddit'] });
    // Task 158 names map and shopping_admin but no storage_state: the original harness would not log in.
    expect(loginNeedOf(byId(158))).toMatchObject({ storageState: null, storageStateSites: [], loginSites: ['shopping_admin'] });
  });
});

describe('file shapes', () => {
  const one = { task_id: 7, sites: ['map'], intent: 'Where is CMU?', start_url: '__MAP__', require_login: true, storage_state: null,
    eval: { eval_types: ['string_match'], reference_answers: { fuzzy_match: ['Pittsburgh'] } } };

  it('a single-object file is one task, with a WebArena id when there is no old_task_id', () => {
    const r = parseWebArenaJson(JSON.stringify(one), 'one.json');
    expect(r.errors).toEqual([]);
    expect(r.tasks.map((t) => t.id)).toEqual(['webarena/7']);
  });

  it('the variant option forces the id prefix', () => {
    expect(parseWebArenaJson(JSON.stringify(one), 'one.json', { variant: 'webarena-lite' }).tasks[0].id).toBe('webarena-lite/7');
  });

  it('a directory of one-file-per-task loads in natural order and skips non-JSON files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wa-'));
    try {
      for (const id of [10, 2, 1]) await writeFile(join(dir, `${id}.json`), JSON.stringify({ ...one, task_id: id }));
      await writeFile(join(dir, 'notes.txt'), 'not a task');
      const r = await loadWebArenaTasks(dir);
      expect(r.errors).toEqual([]);
      expect(r.tasks.map((t) => t.id)).toEqual(['webarena/1', 'webarena/2', 'webarena/10']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a path that does not exist is an error, not a crash', async () => {
    const r = await loadWebArenaTasks('/nonexistent/tasks.json');
    expect(r.tasks).toEqual([]);
    expect(r.errors[0].message).toMatch(/^\/nonexistent\/tasks\.json: cannot be read: ENOENT/);
  });

  it('a byte-order mark is tolerated', () => {
    expect(parseWebArenaJson(`\uFEFF${JSON.stringify([one])}`, 'bom.json').tasks).toHaveLength(1);
  });

  it('a file that is not UTF-8 is rejected, saying where, instead of loading intents with replacement characters; the good files still load', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wa-'));
    try {
      await writeFile(join(dir, '1.json'), JSON.stringify({ ...one, task_id: 1 }));
      // Latin-1 "café" on the third line (é is 0xE9 there, a lone lead byte in UTF-8).
      const latin1 = `[\n  {"task_id": 2, "sites": ["map"], "start_url": "__MAP__",\n   "intent": "Find the caf\u00e9", "eval": {"eval_types": ["string_match"], "reference_answers": {"exact_match": "x"}}}\n]`;
      await writeFile(join(dir, '2.json'), Buffer.from(latin1, 'latin1'));
      await writeFile(join(dir, '3.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(one), 'utf16le')]));
      const r = await loadWebArenaTasks(dir);
      expect(r.tasks.map((t) => t.id)).toEqual(['webarena/1']);
      expect(r.errors.map((e) => e.message)).toEqual([
        `${join(dir, '2.json')}: is not UTF-8 text (byte 0xE9 at line 3): save it as UTF-8 and import it again.`,
        `${join(dir, '3.json')}: is UTF-16LE text, not UTF-8: save it as UTF-8 and import it again.`,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a start tab that is neither a site placeholder nor an http(s) URL is rejected, naming the tab', () => {
    const r = parseWebArenaJson(JSON.stringify([
      { ...one, task_id: 1, start_url: '__MAP__ |AND| file:///etc/passwd' },
      { ...one, task_id: 2, start_url: 'localhost:3000/search' },
      { ...one, task_id: 3, start_url: '__MAP__/search |AND| http://127.0.0.1:3000/' },
    ]), 'tabs.json');
    expect(r.tasks.map((t) => t.id)).toEqual(['webarena/3']);
    expect(r.errors.map((e) => e.message)).toEqual([
      "tabs.json: task 1: start_url tab 2 is 'file:///etc/passwd', expected a site placeholder such as __SHOPPING__/… or an http(s) URL",
      "tabs.json: task 2: start_url tab 1 is 'localhost:3000/search', expected a site placeholder such as __SHOPPING__/… or an http(s) URL",
    ]);
  });

  it('a file larger than any task file is refused by its size, before it is read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wa-'));
    try {
      const huge = join(dir, 'huge.json');
      await writeFile(huge, '');
      await truncate(huge, MAX_TASK_FILE_BYTES + 1); // sparse: no disk space used
      const r = await loadWebArenaTasks(huge);
      expect(r.errors.map((e) => e.message)).toEqual([
        `${huge}: is 65 MB, more than the 64 MB a task file may have: is it the right file? Split it into several files in one folder.`,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  // The security review of the eighth session: a device or FIFO inside a folder of tasks passed the size cap (its
  // size reads 0) and hung the import or filled memory; one deeply nested value aborted the whole import.
  it('a device in a folder is refused as not a regular file, and the other files still load', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wa-'));
    try {
      await writeFile(join(dir, '1.json'), JSON.stringify({ ...one, task_id: 1 }));
      await symlink('/dev/zero', join(dir, 'zero.json'));
      const r = await loadWebArenaTasks(dir);
      expect(r.tasks.map((t) => t.id)).toEqual(['webarena/1']);
      expect(r.errors.map((e) => e.message)).toEqual([`${join(dir, 'zero.json')}: is not a regular file: a task file is a .json file.`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a task nested too deeply to store is that task\'s error; the others load', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const text = `[${JSON.stringify({ ...one, task_id: 1 })}, ${JSON.stringify({ ...one, task_id: 2, geolocation: null }).replace('"geolocation":null', `"geolocation":${deep}`)}]`;
    expect(text).toContain('"geolocation":[[[');
    const r = parseWebArenaJson(text, 'deep.json');
    expect(r.tasks.map((t) => t.id)).toEqual(['webarena/1']);
    expect(r.errors.map((e) => e.message)).toEqual(['deep.json: task 2: is nested too deeply to store']);
  });
});
