// The CLI as a person runs it (node --import tsx main/cli/index.ts): bad input gets one clear line and exit
// code 2 and stores nothing; a good run prints what it will do; ambiguous run ids are refused; paths that
// cannot be written are named; a closed pipe ends the process quietly.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../main/store';
import { useTempDir } from '../helpers/use-core';

const ROOT = join(import.meta.dirname, '../..');
const temp = useTempDir('mira-cli-input-');
const dataDir = () => join(temp.path, 'data');
const TASK = 'sandbox/shop/cheapest-in-category/0';

interface CliResult { code: number | null; stdout: string; stderr: string }

/** Runs the CLI over the test's data directory (a small catalog: one instance per family). A CLI that hangs is
 * killed after two minutes, and the test then fails on its exit code. */
function cli(args: string[], options: { data?: string; closeStdout?: boolean } = {}): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'main/cli/index.ts'), ...args, '--data', options.data ?? dataDir(), '--instances', '1'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MIRA_DATA_DIR: '' },
  });
  const result: CliResult = { code: null, stdout: '', stderr: '' };
  const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  // As `| head -0`: the reader is gone before the first line is written.
  if (options.closeStdout) child.stdout.destroy();
  else child.stdout.on('data', (d) => (result.stdout += d));
  child.stderr.on('data', (d) => (result.stderr += d));
  return new Promise((resolve) => child.on('close', (code) => {
    clearTimeout(killer);
    resolve({ ...result, code });
  }));
}

/** A usage error: exit code 2 and exactly one line on stderr, no stack trace. */
function expectUsageError(r: CliResult, message: string): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toBe(`error: ${message}\n`);
}

const runIds = async () => (await cli(['list', 'runs'])).stdout.split('\n').filter(Boolean).map((line) => line.split('\t')[0]);

describe('the CLI refuses bad input before anything is stored', { timeout: 600_000 }, () => {
  it('run: values a stored run could not resume with are refused naming the flag; nothing is stored, so resume finds nothing', async () => {
    expectUsageError(await cli(['run', '--family', 'shop/cheapest-in-category', '--concurrency', '0']), '--concurrency must be a whole number from 1 to 16, not 0.');
    expectUsageError(
      await cli(['run', '--family', 'shop/cheapest-in-category', '--episode-timeout', '-5', '--infra-retries', '1.5', '--subgoal-count', '0']),
      '--episode-timeout must be a number of seconds ≥ 0.001, not -5; --infra-retries must be a whole number ≥ 0, not 1.5; --subgoal-count must be a whole number from 1 to 20, not 0.',
    );
    expectUsageError(await cli(['run', '--family', 'shop/cheapest-in-category', '--split', 'bogus']), '--split must be train or test, not "bogus".');
    expect(await runIds()).toEqual([]);
    const resume = await cli(['resume']);
    expect(resume.code).toBe(1);
    expect(resume.stderr).toBe('error: No interrupted run to resume.\n');
  });

  it('unknown flags and stray arguments are refused with the closest flag, instead of running the whole catalog', async () => {
    expectUsageError(await cli(['run', '--familly', 'shop/cheapest-in-category']), 'run has no flag --familly; did you mean --family? (see `npm run cli -- help run`).');
    expectUsageError(await cli(['run', 'shop/cheapest-in-category']), 'Unexpected "shop/cheapest-in-category": run takes no arguments, only flags (see `npm run cli -- help run`).');
    expect(await runIds()).toEqual([]);
  });

  it('a bad common flag exits with its message instead of hanging', async () => {
    expectUsageError(await cli(['list', 'runs', '--max-runs', '-1']), '--max-runs must be a whole number ≥ 1, not -1.');
    expectUsageError(await cli(['run', '--tasks', TASK, '--max-runs', '0']), '--max-runs must be a whole number ≥ 1, not 0.');
    expectUsageError(await cli(['list', '--dataset-seed', '1.5']), '--dataset-seed must be an integer, not 1.5.');
    // Endpoint and provider flags exited 1 (the follow-up audit of 2026-12-05).
    expectUsageError(await cli(['run', '--tasks', TASK, '--browser-endpoint', 'ftp://x']),
      '--browser-endpoint: Browser endpoint "ftp://x" has the scheme ftp: — use ws://, wss:// (Playwright server or CDP WebSocket) or http://, https:// (CDP).');
    expectUsageError(await cli(['run', '--tasks', TASK, '--provider', 'openai-compatible', '--base-url', 'ftp://x']), '--base-url: must be an http:// or https:// URL (got "ftp://x").');
    expect(await runIds()).toEqual([]);
  });

  it('train: values startTraining refuses, and a report path that cannot be written, are refused before a job starts', async () => {
    const file = join(temp.path, 'a-file');
    await writeFile(file, 'x');
    expectUsageError(
      await cli(['train', '--phases', '-1', '--parallel-variants', '0', '--rollouts', '0', '--families', 'shop/add-to-cart,shop/add-to-cart', '--train-instances', '0']),
      '--phases must be a whole number from 0 to 20, not -1; --families "shop/add-to-cart,shop/add-to-cart": families must not repeat; ' +
        '--train-instances must be a whole number from 5 to 1000, not 0; --rollouts must be a whole number from 1 to 16, not 0; ' +
        '--parallel-variants must be a whole number from 1 to 7, not 0.',
    );
    expectUsageError(await cli(['train', '--phases', '1', '--report', join(file, 'study.html')]), `--report: ${file} is a file, so ${join(file, 'study.html')} cannot be created under it.`);
    // The security review of the eighth session: a --report inside the data directory (its database) was written.
    const database = join(dataDir(), 'workbench.sqlite');
    expectUsageError(await cli(['train', '--phases', '1', '--report', database]),
      `--report: ${database} is inside the data directory ${dataDir()}, which holds the workbench's database, blobs and checkpoints; write the export outside it.`);
    const training = join(dataDir(), 'training');
    expect(existsSync(training) ? readdirSync(training) : []).toEqual([]);
  });

  it('import without a path or with an unknown --variant, run --tasks with --split, and train with an unknown family are usage errors', async () => {
    expectUsageError(await cli(['import']), 'import needs a file or a folder of WebArena task configs: `import <file-or-dir>` (see `npm run cli -- help import`).');
    expectUsageError(await cli(['import', join(temp.path, 'tasks.json'), '--variant', 'lite']), '--variant must be webarena or webarena-lite, not "lite" (see `npm run cli -- help import`).');
    expectUsageError(
      await cli(['run', '--tasks', TASK, '--split', 'test']),
      '--tasks names the tasks to run, so --split would be ignored: give --tasks alone, or choose from the catalog without it (see `npm run cli -- help run`).',
    );
    expect(await runIds()).toEqual([]);
    const train = await cli(['train', '--families', 'shop/add-to-crt', '--phases', '0']);
    expect(train.code, train.stderr).toBe(2);
    expect(train.stderr).toMatch(/^error: --families: unknown sandbox family "shop\/add-to-crt" \(did you mean shop\/add-to-cart\?\); training uses the built-in sandbox's families: shop\/cheapest-in-category, .*shop\/add-to-cart, .* \(`list families`\)\.\n$/);
    const training = join(dataDir(), 'training');
    expect(existsSync(training) ? readdirSync(training) : []).toEqual([]);
  });

  it('list families on a data directory that does not exist yet lists the catalog', async () => {
    const r = await cli(['list', 'families'], { data: join(temp.path, 'not-yet', 'data') });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('shop/cheapest-in-category\t1 instance(s)');
  });

  it('a reader that closes the pipe early (list tasks | head) ends the CLI quietly', async () => {
    const r = await cli(['list', 'tasks'], { closeStdout: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('runs named by id', { timeout: 600_000 }, () => {
  it('run counts one episode per task and seed, and "at once" is what it will run at once', async () => {
    const r = await cli(['run', '--tasks', TASK, '--seeds', '2', '--concurrency', '4']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Running 2 episode\(s\) with policy "oracle", 2 at once/);
    expect(r.stdout).toMatch(/: 2\/2 succeeded/);
  });

  it('export creates the folders above its file, and names a path it cannot write', async () => {
    const file = join(temp.path, 'missing', 'dir', 'x.jsonl');
    const ok = await cli(['export', 'latest', '--format', 'webrl-trainer', '--out', file]);
    expect(ok.code, ok.stderr).toBe(0);
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(2);
    expectUsageError(await cli(['export', 'latest', '--format', 'webrl-trainer', '--out', temp.path]), `--out: ${temp.path} is a folder; give the path of a file to write.`);
    const aFile = join(temp.path, 'plain-file');
    await writeFile(aFile, 'x');
    expectUsageError(await cli(['export', 'latest', '--format', 'webrl-trainer', '--out', join(aFile, 'x.jsonl')]), `--out: ${aFile} is a file, so ${join(aFile, 'x.jsonl')} cannot be created under it.`);
    expectUsageError(await cli(['export', 'latest', '--format', 'mira', '--out', aFile]), `--out: ${aFile} is a file; give the path of a folder to write into.`);
  });

  it('an ambiguous or empty run id is refused by every command, listing the matches; a refused resume leaves the run as it was', async () => {
    const [realId] = await runIds();
    // A second run whose id starts like the first: an interrupted one, so resume would take it.
    const twinId = `${realId.slice(0, 8)}-0000-4000-8000-000000000000`;
    const store = await openStore(dataDir());
    const real = (await store.runs.get(realId))!;
    await store.runs.create({ ...real, id: twinId, status: 'interrupted', createdAt: new Date().toISOString() });
    await store.close();

    const prefix = realId.slice(0, 8);
    const [first, second] = (await runIds()).filter((id) => id.startsWith(prefix));
    const ambiguous = `"${prefix}" matches 2 runs (${first}, ${second}); give more of the id.`;
    expectUsageError(await cli(['analyze', prefix]), ambiguous);
    expectUsageError(await cli(['export', prefix, '--out', join(temp.path, 'never')]), ambiguous);
    expectUsageError(await cli(['resume', prefix]), ambiguous);
    expectUsageError(await cli(['train', 'critics', '--runs', prefix]), ambiguous);
    expectUsageError(await cli(['analyze', '']), 'A run id cannot be empty: give a run id, a unique start of one, or latest (see `list runs`).');
    expect(existsSync(join(temp.path, 'never'))).toBe(false);

    expectUsageError(await cli(['resume', twinId, '--concurrency', '0']), '--concurrency must be a whole number from 1 to 16, not 0.');
    const after = await openStore(dataDir());
    expect((await after.runs.get(twinId))?.status).toBe('interrupted');
    await after.close();
  });
});

