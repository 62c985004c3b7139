import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { exportCommand } from '../../main/cli/export-command';
import { runCommand } from '../../main/cli/run-command';
import { saveCheckpoint } from '../../main/training/model/checkpoint';
import { PolicyModel } from '../../main/training/model/policy-model';
import { useCore } from '../helpers/use-core';

// Issue 14: `checkpoint` (startRun, forkEpisode, CLI run/export) resolves inside <dataDir>/training only.
// A refused or foreign file is a configuration error: no run and no episode is created, and nothing of the
// file's content reaches the error (it used to be stored in the episode's outcome).
const core = useCore({ sandbox: { instancesPerFamily: 1 } });
const PASSWD = await readFile('/etc/passwd', 'utf8');
/** Pieces of /etc/passwd that must never appear: its first characters (what used to leak) and every line. */
const PASSWD_PIECES = [PASSWD.slice(0, 8), ...PASSWD.split('\n').filter((line) => line.length > 0)];
let taskId: string;
let episodeId: string;
let training: string;

beforeAll(async () => {
  const shortest = [...core.catalog!.all()].sort((a, b) => a.oracle.length - b.oracle.length)[0];
  taskId = shortest.id;
  const [episode] = await (await core.run({ taskIds: [taskId], policy: 'oracle' })).done;
  episodeId = episode.id;
  training = join(core.dataDir, 'training');
  await saveCheckpoint(join(training, 'job-1', 'full'), { meta: { phase: 0, variant: 'full', createdAt: new Date().toISOString() }, vocab: {}, policy: PolicyModel.init() });
  await mkdir(join(training, 'links'), { recursive: true });
  await symlink('/etc/passwd', join(training, 'links', 'passwd.json'));
  await writeFile(join(training, 'job-1', 'notes.txt'), `${PASSWD.split('\n')[0]}\n`);
}, 300_000);

async function counts(): Promise<{ runs: number; episodes: number }> {
  return { runs: (await core.store.runs.list()).length, episodes: (await core.store.episodes.list({ limit: 10_000 })).length };
}

function expectNoContent(message: string): void {
  for (const piece of PASSWD_PIECES) expect(message).not.toContain(piece);
}

const REFUSED = ['/etc/passwd', '../../etc/passwd', 'links/passwd.json'];

describe('checkpoint paths over the API and the CLI', () => {
  it('startRun refuses a checkpoint outside the training folder before any run exists', async () => {
    const before = await counts();
    for (const checkpoint of REFUSED) {
      const error = (await core.api.startRun({ taskIds: [taskId], policy: 'local', checkpoint }).catch((err: Error) => err)) as Error;
      expect(error.message).toBe(`Checkpoint "${checkpoint}" is not inside ${training}: checkpoints are loaded only from that folder (a training job's <job>/<variant> directory or one of its phase-<n>.json files).`);
      expectNoContent(error.message);
    }
    const foreign = (await core.api.startRun({ taskIds: [taskId], policy: 'local', checkpoint: 'job-1/notes.txt' }).catch((err: Error) => err)) as Error;
    expect(foreign.message).toBe('job-1/notes.txt is not a workbench checkpoint (not JSON).');
    expect(await counts()).toEqual(before);
  });

  it('forkEpisode refuses it the same way, with no fork run created', async () => {
    const before = await counts();
    for (const checkpoint of REFUSED) {
      const error = (await core.api.forkEpisode({ episodeId, fromStep: 0, policy: 'local', checkpoint }).catch((err: Error) => err)) as Error;
      expect(error.message).toMatch(/is not inside .*training: checkpoints are loaded only from that folder/);
      expectNoContent(error.message);
    }
    expect(await counts()).toEqual(before);
  });

  it('the CLI refuses `run --checkpoint` and `export --checkpoint` the same way', async () => {
    const before = await counts();
    const flags = { policy: 'local', tasks: taskId, checkpoint: '/etc/passwd' };
    await expect(runCommand({ command: 'run', positionals: [], flags }, core)).rejects.toThrow(`is not inside ${training}`);
    const exported = (await exportCommand({ command: 'export', positionals: [], flags: { run: 'latest', checkpoint: '../../etc/passwd' } }, core).catch((err: Error) => err)) as Error;
    expect(exported.message).toMatch(/^Checkpoint "\.\.\/\.\.\/etc\/passwd" is not inside/);
    expectNoContent(exported.message);
    expect(await counts()).toEqual(before);
  });

  it('a checkpoint inside the training folder is accepted: the run starts with its real file', async () => {
    const { runId } = await core.api.startRun({ taskIds: [taskId], policy: 'local', checkpoint: 'job-1/full' });
    expect((await core.store.runs.get(runId))?.config.policy).toBe('local');
    await core.api.cancelRun(runId);
    // Let it wind down before the core closes (no time limit is asserted: a busy machine is not a failure).
    await vi.waitFor(async () => expect((await core.store.runs.get(runId))?.status).not.toBe('running'), { timeout: 120_000, interval: 250 });
  });
});
