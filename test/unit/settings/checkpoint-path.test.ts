import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint, saveCheckpoint } from '../../../main/training/model/checkpoint';
import { resolveCheckpoint } from '../../../main/training/model/checkpoint-path';
import { PolicyModel } from '../../../main/training/model/policy-model';

// Issue 14: a checkpoint resolves inside <dataDir>/training only, and nothing of a file's content reaches an
// error. /etc/passwd stands for any file a page would like to read through the API.
const PASSWD_HEAD = (await readFile('/etc/passwd', 'utf8')).slice(0, 12);
let dataDir: string;
let training: string;
let outsideSecret: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mira-ckpt-path-'));
  training = join(dataDir, 'training');
  await saveCheckpoint(join(training, 'job-1', 'full'), { meta: { phase: 0, variant: 'full', createdAt: '2026-01-01T00:00:00Z' }, vocab: {}, policy: PolicyModel.init() });
  await saveCheckpoint(join(training, 'job-1', 'full'), { meta: { phase: 2, variant: 'full', createdAt: '2026-01-01T00:00:00Z' }, vocab: {}, policy: PolicyModel.init() });
  outsideSecret = join(dataDir, 'secret.json');
  await writeFile(outsideSecret, '{"format":"mira-local-policy/2","meta":{},"policyConfig":{},"policy":{},"token":"TOP-SECRET-42"}');
  await mkdir(join(training, 'links'), { recursive: true });
  await symlink('/etc/passwd', join(training, 'links', 'passwd.json'));
  await symlink(dataDir, join(training, 'links', 'up'));
  await mkdir(join(training, 'links', 'phase-dir'));
  await symlink(outsideSecret, join(training, 'links', 'phase-dir', 'phase-9.json'));
  await writeFile(join(training, 'job-1', 'notes.json'), 'PRIVATE NOTES: hunter2');
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function refusal(requested: string): Promise<string> {
  try {
    await resolveCheckpoint(dataDir, requested);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`expected ${requested} to be refused`);
}

describe('checkpoint paths', () => {
  it('resolves a job directory to its newest phase, and a phase file to itself, inside the training folder', async () => {
    const newest = join(training, 'job-1', 'full', 'phase-2.json');
    expect(await resolveCheckpoint(dataDir, join(training, 'job-1', 'full'))).toBe(await realpath(newest));
    expect(await resolveCheckpoint(dataDir, 'job-1/full/phase-0.json')).toMatch(/job-1\/full\/phase-0\.json$/);
  });

  it('refuses /etc/passwd, naming the allowed folder and echoing nothing of the file', async () => {
    const message = await refusal('/etc/passwd');
    expect(message).toBe(`Checkpoint "/etc/passwd" is not inside ${training}: checkpoints are loaded only from that folder (a training job's <job>/<variant> directory or one of its phase-<n>.json files).`);
    expect(message).not.toContain(PASSWD_HEAD);
  });

  it('refuses any `..` segment, even one that would land inside', async () => {
    expect(await refusal('../../etc/passwd')).toMatch(/is not inside .*training/);
    expect(await refusal(`${training}/job-1/../job-1/full`)).toMatch(/is not inside/);
  });

  it('follows symlinks and refuses those that leave the folder (file, directory, phase file)', async () => {
    for (const link of ['links/passwd.json', 'links/up/secret.json', 'links/phase-dir']) {
      const message = await refusal(link);
      expect(message).toMatch(/is not inside|links outside the training folder/);
      expect(message).not.toContain(PASSWD_HEAD);
      expect(message).not.toContain('TOP-SECRET');
    }
  });

  it('a file inside that is not a checkpoint: a fixed reason, no content', async () => {
    const message = await refusal('job-1/notes.json');
    expect(message).toBe('job-1/notes.json is not a workbench checkpoint (not JSON).');
    expect(await refusal('job-1/missing')).toBe(`No checkpoint at "job-1/missing" (inside ${training}).`);
  });

  it('loadCheckpoint (the local policy and export) reports a foreign file without its content', async () => {
    const error = await loadCheckpoint('/etc/passwd').catch((err: Error) => err);
    expect((error as Error).message).toBe('/etc/passwd is not a workbench checkpoint (not JSON).');
    const json = join(dataDir, 'other.json');
    await writeFile(json, '{"format":"someone-elses/9","payload":"TOP-SECRET-42"}');
    expect(((await loadCheckpoint(json).catch((err: Error) => err)) as Error).message).toBe(`${json} is not a workbench checkpoint (no mira-local-policy/2 format marker).`);
  });

  it('without a training folder yet, says so', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'mira-ckpt-none-'));
    try {
      await expect(resolveCheckpoint(empty, 'job/full')).rejects.toThrow(`${join(empty, 'training')} does not exist yet (train a policy first)`);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
