import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { CriticFitJob } from '../../main/api/critic-types';
import type { Core } from '../../main/core';
import { recordCriticRuns, type CriticRuns } from '../fixtures/critic-runs';
import { openTestCore, useTempDir } from '../helpers/use-core';

// Issue 17 polish: a critic fit computes in a worker thread, so the core keeps answering while it runs, a
// cancel (the run report's button) stops it at once and records 'cancelled', Ctrl-C in `train critics` records
// it cancelled with the reason and exits 130, and a process killed mid-fit leaves a record explained as
// interrupted. The fits here have no held-out stop: they run until stopped.
const ROOT = join(import.meta.dirname, '../..');
const data = useTempDir('mira-critic-cancel-');
let runs: CriticRuns;

const openCore = () => openTestCore({ dataDir: data.path, sandbox: { instancesPerFamily: 1 } });
const LONG = { maxEpochs: 1_000_000, patience: 1_000_000 };
// A fit over both outcomes holds one of each out and shows V's held-out BCE; a run of one outcome cannot, and shows
// V's training BCE, said as such (docs/design/MIRA.md §4.6).
const EPOCH = /^Value critic V: epoch \d+ of at most 1000000, (held-out BCE \d\.\d{4}|training BCE \d\.\d{4} \(nothing held out\))$/;

/** Waits until the fit's worker reports epochs (the compute has started), checking the API answers meanwhile. */
async function waitForEpochs(core: Core, fitId: string): Promise<CriticFitJob> {
  for (;;) {
    const job = (await core.api.listCriticFits()).find((j) => j.id === fitId)!;
    expect(job.status, job.error ?? '').toBe('running');
    if (job.progress?.stage === 'value' && job.progress.done >= 1) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('records runs to fit on', { timeout: 0 }, async () => {
  const core = await openCore();
  try {
    runs = await recordCriticRuns(core, 3);
  } finally {
    await core.close();
  }
});

it('cancel stops a running fit at once and records it cancelled; the API answers during the fit', { timeout: 300_000 }, async () => {
  const core = await openCore();
  try {
    const { fitId } = await core.api.startCriticFit({ runIds: [runs.oracleRunId, runs.wrongRunId], ...LONG });
    const fitting = await waitForEpochs(core, fitId);
    expect(fitting.progress!.message).toMatch(/held-out BCE/);
    expect(fitting.progress!.message).toMatch(EPOCH);
    // While the worker computes, the core serves other calls (a run report reads the store and analyses).
    expect((await core.api.getRunReport(runs.wrongRunId)).episodes).toBe(3);
    expect((await core.api.listRuns()).map((r) => r.id)).toContain(runs.oracleRunId);

    const asked = performance.now();
    expect(await core.api.cancelCriticFit(fitId)).toBe(true);
    console.log(`cancel answered, the fit's record saying 'cancelled', after ${(performance.now() - asked).toFixed(0)} ms (printed, not asserted)`);
    const [job] = (await core.api.listCriticFits(runs.wrongRunId)).filter((j) => j.id === fitId);
    expect(job).toMatchObject({ status: 'cancelled', error: 'Cancelled by the user.', result: null });
    expect(job.finishedAt).not.toBeNull();
    expect(existsSync(join(data.path, 'training', 'critics', fitId, 'scores.json'))).toBe(false);
    expect(await core.api.getEpisodeCritics(runs.wrong[0].id)).toBeNull();
    // Nothing left to cancel.
    expect(await core.api.cancelCriticFit(fitId)).toBe(false);
  } finally {
    await core.close();
  }
});

/** `train critics` in a child CLI over the test's data directory, on a fit without a held-out stop; resolves
 * with the fit's id once the CLI has printed an epoch and the record on disk shows one too. */
async function cliFit(runIds: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'main/cli/index.ts'), 'train', 'critics', '--runs', runIds.join(','), '--epochs', '1000000', '--patience', '1000000', '--data', data.path], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let ended = false;
  void exited.then(() => (ended = true));
  for (;;) {
    const fitId = output.match(/\(fit (\S+)\)/)?.[1];
    const record = fitId && (await readFile(join(data.path, 'training', 'critics', fitId, 'fit.json'), 'utf8').catch(() => null));
    const printed = /^Value critic V: epoch \d+ of at most 1000000, (held-out|training) BCE/m.test(output);
    if (printed && record && EPOCH.test((JSON.parse(record) as CriticFitJob).progress?.message ?? '')) return { child, fitId: fitId!, exited, output: () => output };
    if (ended) throw new Error(`the CLI exited before fitting: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('Ctrl-C in `train critics` stops the fit at once, records it cancelled with the reason, and exits 130', { timeout: 300_000 }, async () => {
  const cli = await cliFit([runs.wrongRunId, runs.oracleRunId]);
  cli.child.kill('SIGINT');
  expect(await cli.exited, cli.output()).toBe(130);
  expect(cli.output()).toContain(`Cancelling critic fit ${cli.fitId}: its worker stops now; its record will say cancelled.`);
  const core = await openCore();
  try {
    const job = (await core.api.listCriticFits()).find((j) => j.id === cli.fitId)!;
    expect(job).toMatchObject({ status: 'cancelled', error: 'Cancelled: the workbench closed during the fit (Ctrl-C or quit); start it again.', request: { maxEpochs: 1_000_000, patience: 1_000_000 } });
  } finally {
    await core.close();
  }
});

it('a process killed mid-fit leaves a record explained as interrupted; a live one\'s fit shows as running', { timeout: 300_000 }, async () => {
  const cli = await cliFit([runs.oracleRunId]);
  const core = await openCore();
  try {
    // Another process (the app beside the CLI) sees the CLI's fit running, not cut off.
    const running = (await core.api.listCriticFits(runs.oracleRunId)).find((j) => j.id === cli.fitId)!;
    expect(running).toMatchObject({ status: 'running', ownerPid: cli.child.pid, error: null });
    cli.child.kill('SIGKILL');
    await cli.exited;
    const job = (await core.api.listCriticFits(runs.oracleRunId)).find((j) => j.id === cli.fitId)!;
    expect(job.status).toBe('interrupted');
    // An all-success run: nothing can be held out with both outcomes, so the line shows V's training BCE.
    expect(job.error).toMatch(/^The workbench stopped during the fit \(Value critic V: epoch \d+ of at most 1000000, training BCE \d\.\d{4} \(nothing held out\)\); start it again\.$/);
    expect(job.finishedAt).not.toBeNull();
  } finally {
    await core.close();
  }
});
