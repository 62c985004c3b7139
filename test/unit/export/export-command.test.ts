import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../../main/cli/args';
import { exportCommand } from '../../../main/cli/export-command';
import type { Core } from '../../../main/core';

// `export` refuses before it reads or writes anything (docs/export.md "Where an export writes"). The core is a
// stand-in: every refusal here must come before the store is touched, so a store would fail the test.
let dataDir = '';
const DATABASE = 'SQLite format 3\0 the stored runs';
let resolvedCheckpoints: string[] = [];
const core = {
  api: {
    listRuns: async () => [{ id: 'run-1', kind: 'eval' }],
    info: async () => ({ dataDir }),
  },
  resolveCheckpoint: async (requested: string) => {
    resolvedCheckpoints.push(requested);
    throw new Error(`Checkpoint "${requested}" is not inside ${dataDir}/training`);
  },
  get store(): never {
    throw new Error('the store was read');
  },
} as unknown as Core;
const run = (flags: Record<string, string>) => exportCommand({ command: 'export', positionals: [], flags: { run: 'run-1', ...flags } }, core);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'export-cli-'));
  await mkdir(join(dataDir, 'blobs'));
  await writeFile(join(dataDir, 'workbench.sqlite'), DATABASE);
  resolvedCheckpoints = [];
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('export --out inside the data directory', () => {
  it('is refused for every format, and the database keeps every byte', async () => {
    // Before the fix `--format webrl-trainer --out <dataDir>/workbench.sqlite` truncated the database to 0 bytes.
    await expect(run({ format: 'webrl-trainer', out: join(dataDir, 'workbench.sqlite') })).rejects.toThrow(
      new UsageError(`--out: ${join(dataDir, 'workbench.sqlite')} is inside the data directory ${dataDir}, which holds the workbench's database, blobs and checkpoints; write the export outside it.`),
    );
    await expect(run({ format: 'vab-traces', out: join(dataDir, 'blobs') })).rejects.toThrow(/is inside the data directory/);
    await expect(run({ format: 'mira', out: dataDir })).rejects.toThrow(`--out: ${dataDir} is the data directory ${dataDir}`);
    expect(await readFile(join(dataDir, 'workbench.sqlite'), 'utf8')).toBe(DATABASE);
  });
});

describe('export --checkpoint with a WebRL format', () => {
  it('says the flag is for mira before it looks the checkpoint up', async () => {
    // Before the fix the checkpoint was resolved first, so a WebRL export with --checkpoint failed on the
    // checkpoint's path ("not inside …/training") instead of saying the flag does not apply.
    await expect(run({ format: 'vab-traces', checkpoint: 'phase-1.json', out: join(dataDir, '..', 'out') })).rejects.toThrow(
      '--checkpoint applies to --format mira only: WebRL computes its own critic and reference log-probs.',
    );
    expect(resolvedCheckpoints).toEqual([]);
  });
});

describe('export flags of another format', () => {
  it('are refused, not ignored: --gamma with webrl-trainer points to --webrl-gamma', async () => {
    // Before the fix `--format webrl-trainer --gamma 0.95` exported mc_return with γ = 0.9 without a word, and
    // `--format vab-traces --alpha 0.5` or `--format mira --webrl-gamma 0.5` were ignored the same way.
    const out = join(dataDir, '..', 'never');
    await expect(run({ format: 'webrl-trainer', gamma: '0.95', out })).rejects.toThrow(new UsageError('--gamma applies to --format mira only, not webrl-trainer; the γ of mc_return is --webrl-gamma.'));
    await expect(run({ format: 'vab-traces', alpha: '0.5', out })).rejects.toThrow(new UsageError('--alpha applies to --format mira only, not vab-traces.'));
    await expect(run({ format: 'vab-traces', 'webrl-gamma': '0.5', out })).rejects.toThrow(new UsageError('--webrl-gamma applies to --format webrl-trainer only, not vab-traces.'));
    await expect(run({ out, 'webrl-gamma': '0.5' })).rejects.toThrow(new UsageError('--webrl-gamma applies to --format webrl-trainer only, not mira.'));
    await expect(run({ format: 'webrl-trainer', return: 'raw', out })).rejects.toThrow(new UsageError('--return applies to --format mira only, not webrl-trainer.'));
  });
});

describe('export settings out of range', () => {
  it('are usage errors (exit code 2) that name the setting, before anything is written', async () => {
    // Before the fix they were plain errors (exit code 1) and α's read "in [0, 1.7976931348623157e+308]".
    const out = join(dataDir, '..', 'never');
    await expect(run({ alpha: '-1', out })).rejects.toThrow(new UsageError('alpha must be a finite number ≥ 0, got -1.'));
    await expect(run({ gamma: '2', out })).rejects.toThrow(new UsageError('gamma must be a finite number in [0, 1], got 2.'));
    await expect(run({ format: 'webrl-trainer', 'webrl-gamma': '1.5', out: `${out}.jsonl` })).rejects.toThrow(new UsageError('--webrl-gamma must be a finite number in [0, 1], got 1.5.'));
  });
});

describe('export --checkpoint with a critics fit', () => {
  it('refuses a damaged fit, or one of another state encoding, before the store is read or anything is written', async () => {
    // Before the fix every critics fit was refused as "not a workbench checkpoint (no mira-local-policy/2 format marker)".
    const fit = join(dataDir, 'training', 'critics', 'f1');
    await mkdir(fit, { recursive: true });
    const out = join(dataDir, '..', `never-${Date.now()}`);
    await writeFile(join(fit, 'critics.json'), '{"format":"mira-critics/1","meta":');
    await expect(run({ checkpoint: fit, out })).rejects.toThrow(`${join(fit, 'critics.json')} is a damaged critics fit (not JSON); fit the critics again (\`train critics --runs …\`).`);
    await writeFile(join(fit, 'critics.json'), '{"format":"mira-critics/9"}');
    await expect(run({ checkpoint: fit, out })).rejects.toThrow('was saved with another state encoding (mira-critics/9; this version reads mira-critics/1)');
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });
});
