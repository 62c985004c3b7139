import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../main/cli/args';
import { runCommand } from '../../main/cli/run-command';
import { parseWebArenaJson, siteProfileFromEnv } from '../../main/tasks';
import { openTestCore, useCore } from '../helpers/use-core';

// Issue 3: imported WebArena tasks run against sites from a profile read from the environment (SHOPPING=… /
// WA_SHOPPING=…), with a clear error listing the missing site URLs; stop rules are run settings recorded in
// the run config; `import` reports every rejected config and the per-site summary. No live WebArena is
// reachable here, so the sandbox shop stands in for the shopping site.
const ROOT = resolve(import.meta.dirname, '../..');
const LITE = join(ROOT, 'test/fixtures/webarena-lite/test_webarena_lite.raw.json');
const BROKEN = join(ROOT, 'test/fixtures/broken-configs');

const core = useCore({ sandbox: { instancesPerFamily: 1 } });

/** A WebArena-format task on __SHOPPING__, passed by any shop page ("GOLD in PRED" on the shop's root). */
const standIn = (taskId: number, extra: Record<string, unknown> = {}) => ({
  task_id: taskId, sites: ['shopping'], require_login: false, storage_state: null, start_url: '__SHOPPING__',
  intent: 'Look around the shop.', eval: { eval_types: ['url_match'], reference_answers: null, reference_url: '__SHOPPING__', url_note: 'GOLD in PRED' },
  ...extra,
});

async function importTasks(configs: unknown[]): Promise<string[]> {
  const { tasks, errors } = parseWebArenaJson(JSON.stringify(configs), 'inline.json');
  expect(errors).toEqual([]);
  for (const task of tasks) await core.store.tasks.upsert(task);
  return tasks.map((t) => t.id);
}

describe('running imported WebArena tasks', () => {
  it('refuses, before creating a run, a task whose sites have no URL, naming each missing site and how to set it', async () => {
    const ids = await importTasks([
      standIn(900, { sites: ['gitlab', 'reddit'], start_url: '__GITLAB__/explore |AND| __REDDIT__/forums',
        eval: { eval_types: ['url_match'], reference_answers: null, reference_url: '__GITLAB__/explore' } }),
    ]);
    const runsBefore = (await core.store.runs.list()).length;
    const saved = { ...process.env };
    for (const key of ['GITLAB', 'WA_GITLAB', 'REDDIT', 'WA_REDDIT']) delete process.env[key];
    process.env.WA_SHOPPING = 'http://127.0.0.1:7770'; // configured, so not listed
    try {
      await expect(core.run({ taskIds: ids, policy: 'wrong' })).rejects.toThrow(
        'Task webarena/900 needs site URLs that are not configured: ' +
          'reddit (__REDDIT__: set REDDIT=http://… or WA_REDDIT=http://…, usually port 9999); ' +
          'gitlab (__GITLAB__: set GITLAB=http://… or WA_GITLAB=http://…, usually port 8023).',
      );
    } finally {
      process.env = saved;
    }
    expect((await core.store.runs.list()).length).toBe(runsBefore);
  });

  it('resolves placeholders from a site profile in the environment and scores with each task\'s default profile', { timeout: 120_000 }, async () => {
    const shop = core.sandbox!.placeholders().__SHOPPING__;
    const withShop = await openTestCore({ sandbox: false, siteProfile: siteProfileFromEnv({ WA_SHOPPING: `${shop}/` }) });
    try {
      const { tasks } = parseWebArenaJson(JSON.stringify([standIn(901), standIn(3, { old_task_id: 901 })]), 'inline.json');
      for (const task of tasks) await withShop.store.tasks.upsert(task);
      const { done } = await withShop.run({ taskIds: tasks.map((t) => t.id), policy: 'wrong', seed: 5 });
      const [original, lite] = await done;
      for (const episode of [original, lite]) {
        expect(episode).toMatchObject({ status: 'finished', success: true, score: 1 });
        const steps = await withShop.store.steps.list(episode.id);
        expect(steps[0].url.startsWith(shop)).toBe(true); // the start page is the stand-in shop
        expect(episode.evaluation!.checks[0].expected).toContain(shop.replace(/^https?:\/\//, ''));
      }
      expect(original.evaluation!.profile).toBe('webarena');
      expect(lite.evaluation!.profile).toBe('vab-lite');
    } finally {
      await withShop.close();
    }
  });
});

describe('stop rules as run settings', () => {
  it('`run --stop-rules vab-lite --max-steps 1` ends after one step and records the rules in the run config', { timeout: 120_000 }, async () => {
    const task = core.catalog!.all().find((i) => i.family === 'shop/checkout')!;
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const code = await runCommand(parseArgs(['run', '--policy', 'wrong', '--tasks', task.id, '--stop-rules', 'vab-lite', '--max-steps', '1']), core);
      expect(code).toBe(0);
    } finally {
      log.mockRestore();
    }
    const [run] = (await core.store.runs.list()).filter((r) => (r.config.taskIds as string[]).includes(task.id));
    expect(run.config).toMatchObject({ stopRules: { maxSteps: 1, maxParseFailures: 3, maxRepeatedActions: 5 }, grammar: 'webarena', observationFormat: 'axtree' });
    const [episode] = await core.store.episodes.list({ runId: run.id });
    expect(episode).toMatchObject({ stopReason: 'max_steps', stepCount: 1 });
  });

  it('rejects an unknown profile, a bad limit, grammar or observation format with a clear message', async () => {
    await expect(runCommand(parseArgs(['run', '--policy', 'wrong', '--stop-rules', 'lite']), core)).rejects.toThrow('Unknown stop rules "lite"; choose one of webarena, vab-lite.');
    await expect(runCommand(parseArgs(['run', '--policy', 'wrong', '--max-steps', '0']), core)).rejects.toThrow('Stop rule maxSteps must be a positive integer, not 0.');
    await expect(runCommand(parseArgs(['run', '--grammar', 'gym']), core)).rejects.toThrow('--grammar must be one of webarena, webrl, browsergym, not "gym".');
    await expect(runCommand(parseArgs(['run', '--observation', 'html']), core)).rejects.toThrow('--observation must be one of axtree, webrl-html, som, not "html".');
  });
});

describe('the import command', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args, '--data', core.dataDir], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });

  it('imports all 165 WebArena-Lite tasks and prints the per-site summary', { timeout: 300_000 }, async () => {
    const result = cli('import', LITE);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Imported 165 task(s)');
    for (const [site, n] of [['shopping', 45], ['shopping_admin', 35], ['gitlab', 30], ['map', 26], ['reddit', 19], ['multi-site', 10]] as const) {
      expect(result.stdout).toMatch(new RegExp(`^  ${site} +${n}$`, 'm'));
    }
    expect(result.stdout).toContain('warning: ');
    expect((await core.store.tasks.get('webarena-lite/164'))?.config.old_task_id).toBeDefined();
  });

  it('prints each rejected config with its precise message, imports the rest, and exits 1', { timeout: 300_000 }, () => {
    const result = cli('import', BROKEN);
    expect(result.status).toBe(1);
    const rejected = result.stdout.split('\n').filter((l) => l.startsWith('rejected: '));
    expect(rejected).toContain(`rejected: ${BROKEN}/bad-eval-type.json: task 12: eval.eval_types[1] is 'url_mtch', expected one of string_match, url_match, program_html`);
    expect(rejected).toContain(`rejected: ${BROKEN}/unknown-site.json: task 60: sites[1] is 'shoping', expected one of shopping, shopping_admin, reddit, gitlab, map, wikipedia`);
    expect(rejected.length).toBeGreaterThanOrEqual(15);
    expect(result.stdout).toMatch(/^Imported \d+ task\(s\)/m);
    expect(result.stdout).toMatch(/\d+ config\(s\) rejected \(\d+ problem\(s\)\)/);
  });

  it('says what it needs when given nothing: a usage error (exit code 2)', { timeout: 300_000 }, () => {
    const result = cli('import');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('import needs a file or a folder of WebArena task configs');
  });
});
