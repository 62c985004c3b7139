import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCheckpoint } from '../../../main/training/model/checkpoint';
import { CriticModel, DEFAULT_CRITIC_CONFIG } from '../../../main/training/model/critic-model';
import { PolicyModel } from '../../../main/training/model/policy-model';
import { loadCriticsFit } from '../../../main/training/export/critics-fit';
import { exportSources } from '../../../main/training/export/export-sources';
import { fitJob, handCritics, writeFit } from './critics-fit-helpers';

// `export --checkpoint` takes a critics fit (docs/export.md §4.2): its folder, critics.json or fit.json, checked
// against this version's critics before any number is computed.
let dataDir = '';
let fitDir = '';
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'critics-fit-'));
  fitDir = join(dataDir, 'training', 'critics', 'fit-1');
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function rewrite(change: (json: Record<string, any>) => void): Promise<void> {
  const file = join(fitDir, 'critics.json');
  const json = JSON.parse(await readFile(file, 'utf8'));
  change(json);
  await writeFile(file, JSON.stringify(json));
}

describe('loadCriticsFit', () => {
  it('reads the weights, the runs and the recorded epochs and losses from the folder, critics.json or fit.json', async () => {
    const critic = handCritics();
    await writeFit(fitDir, 'fit-1', critic);
    for (const given of [fitDir, join(fitDir, 'critics.json'), join(fitDir, 'fit.json')]) {
      const fit = await loadCriticsFit(given);
      expect(fit).toMatchObject({ path: join(fitDir, 'critics.json'), fitId: 'fit-1', runIds: ['run-a'], seed: 1, potentialFitted: true });
      expect(fit.record).toEqual({
        value: { epochs: 4, keptEpoch: 3, trainLoss: 0.5, heldOutLoss: 0.61, heldOutNote: null },
        potential: { epochs: 4, keptEpoch: 3, trainLoss: 0.03, heldOutLoss: 0.02, heldOutNote: null },
      });
      expect(fit.critic.toJSON()).toEqual(critic.toJSON());
      fit.critic.dispose();
    }
    critic.dispose();
  });

  it('without fit.json the losses are unknown; a fit that trained no P says so', async () => {
    const critic = CriticModel.init(DEFAULT_CRITIC_CONFIG, 3);
    await writeFit(fitDir, 'fit-1', critic, null);
    const bare = await loadCriticsFit(fitDir);
    expect([bare.record, bare.potentialFitted]).toEqual([null, true]);
    bare.critic.dispose();
    const job = fitJob('fit-1');
    await writeFile(join(fitDir, 'fit.json'), JSON.stringify({ ...job, result: { ...job.result, potential: null } }));
    const noP = await loadCriticsFit(fitDir);
    expect([noP.potentialFitted, noP.record?.potential]).toEqual([false, null]);
    noP.critic.dispose();
    critic.dispose();
  });

  it('refuses a damaged file by name with the reason, never its content', async () => {
    const critic = CriticModel.init(DEFAULT_CRITIC_CONFIG, 3);
    await writeFit(fitDir, 'fit-1', critic);
    critic.dispose();
    const file = join(fitDir, 'critics.json');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.slice(0, 5000));
    await expect(loadCriticsFit(fitDir)).rejects.toThrow(`${file} is a damaged critics fit (not JSON); fit the critics again (\`train critics --runs …\`).`);
    await writeFile(file, original);
    await rewrite((j) => (j.critic['value/head.b'].data = Buffer.from(new Float32Array([Number.NaN]).buffer).toString('base64')));
    await expect(loadCriticsFit(fitDir)).rejects.toThrow('parameter value/head.b holds a value that is not a finite number');
    await writeFile(file, original);
    await rewrite((j) => (j.critic['potential/enc.embed'].data = j.critic['potential/enc.embed'].data.slice(0, 400)));
    await expect(loadCriticsFit(fitDir)).rejects.toThrow(/parameter potential\/enc\.embed holds 300 bytes, not 524288/);
    await writeFile(file, original);
    await rewrite((j) => delete j.critic['potential/head.w']);
    await expect(loadCriticsFit(fitDir)).rejects.toThrow('parameter potential/head.w missing');
    await writeFile(file, original);
    await rewrite((j) => delete j.meta.runIds);
    await expect(loadCriticsFit(fitDir)).rejects.toThrow('damaged critics fit (meta missing or malformed)');
    await writeFile(file, '{"format":"mira-local-policy/2","secret":"sk-do-not-print"}');
    await expect(loadCriticsFit(file)).rejects.toThrow(`${file} is not a critics fit (no mira-critics/1 format marker).`);
    await expect(loadCriticsFit(file)).rejects.not.toThrow(/sk-do-not-print/);
  });

  it('refuses a fit of another state encoding: another format version, other feature sizes, other parameter shapes', async () => {
    const critic = CriticModel.init(DEFAULT_CRITIC_CONFIG, 3);
    await writeFit(fitDir, 'fit-1', critic);
    critic.dispose();
    const file = join(fitDir, 'critics.json');
    const original = await readFile(file, 'utf8');
    await rewrite((j) => (j.format = 'mira-critics/2'));
    await expect(loadCriticsFit(fitDir)).rejects.toThrow(`${file} was saved with another state encoding (mira-critics/2; this version reads mira-critics/1): its V and P would score different states. Fit the critics again.`);
    await writeFile(file, original);
    await rewrite((j) => delete j.criticConfig.features.horizon);
    await expect(loadCriticsFit(fitDir)).rejects.toThrow(`${file} does not match this version's state encoding (its features sizes are {goalLen,maxCandidates,maxElements,textLen,vocab}, this version's {goalLen,horizon,maxCandidates,maxElements,textLen,vocab}); fit the critics again.`);
    await writeFile(file, original);
    // Four per-state features instead of five: a head one row shorter, consistent bytes.
    await rewrite((j) => {
      j.critic['value/head.w'] = { shape: [68, 1], data: Buffer.from(new Float32Array(68).buffer).toString('base64') };
    });
    await expect(loadCriticsFit(fitDir)).rejects.toThrow("does not match this version's state encoding (value/head.w has shape [68, 1], this version's critics [69, 1])");
    await writeFile(file, original);
    await rewrite((j) => (j.critic['value/extra.w'] = j.critic['value/head.b']));
    await expect(loadCriticsFit(fitDir)).rejects.toThrow('it has a parameter "value/extra.w" this version\'s critics do not');
  });

  it("refuses a fit record of another fit, one that did not finish, or one that is not JSON", async () => {
    const critic = CriticModel.init(DEFAULT_CRITIC_CONFIG, 3);
    await writeFit(fitDir, 'fit-1', critic, fitJob('fit-2'));
    await expect(loadCriticsFit(fitDir)).rejects.toThrow(`${join(fitDir, 'fit.json')} belongs to another fit than ${join(fitDir, 'critics.json')} (fit fit-1).`);
    await writeFile(join(fitDir, 'fit.json'), JSON.stringify(fitJob('fit-1', { status: 'cancelled', result: null })));
    await expect(loadCriticsFit(fitDir)).rejects.toThrow('Critics fit fit-1 did not finish (status cancelled): it has no critics to export with.');
    await writeFile(join(fitDir, 'fit.json'), '{"id":');
    await expect(loadCriticsFit(fitDir)).rejects.toThrow(`${join(fitDir, 'fit.json')} is a damaged fit record (not JSON).`);
    critic.dispose();
  });
});

describe('exportSources', () => {
  it('tells a critics fit from a policy checkpoint, takes one of each, and refuses two of a kind or a path outside <dataDir>/training', async () => {
    const critic = CriticModel.init(DEFAULT_CRITIC_CONFIG, 3);
    await writeFit(fitDir, 'fit-1', critic);
    await writeFit(join(dataDir, 'training', 'critics', 'fit-2'), 'fit-2', critic);
    critic.dispose();
    const policyDir = join(dataDir, 'training', 'job', 'mira');
    await saveCheckpoint(policyDir, { meta: { phase: 2, variant: 'mira', createdAt: '2026-12-05T19:00:00Z' }, vocab: {}, policy: PolicyModel.init() });
    expect(await exportSources(dataDir, ['critics/fit-1'])).toEqual({ criticsFit: fitDir });
    expect(await exportSources(dataDir, [join(fitDir, 'critics.json')])).toEqual({ criticsFit: join(fitDir, 'critics.json') });
    expect(await exportSources(dataDir, ['job/mira', 'critics/fit-1'])).toEqual({ criticsFit: fitDir, checkpoint: join(policyDir, 'phase-2.json') });
    await expect(exportSources(dataDir, ['critics/fit-1', 'critics/fit-2'])).rejects.toThrow(`--checkpoint names two critics fits (${fitDir} and critics/fit-2): give one, the source of V and P.`);
    await expect(exportSources(dataDir, ['job/mira', 'job/mira/phase-2.json'])).rejects.toThrow('--checkpoint names two policy checkpoints');
    // A bad fit fails here, before the CLI says it is exporting.
    await writeFile(join(dataDir, 'training', 'critics', 'fit-2', 'critics.json'), '{"format":"mira-critics/0"}');
    await expect(exportSources(dataDir, ['critics/fit-2'])).rejects.toThrow('was saved with another state encoding (mira-critics/0; this version reads mira-critics/1)');
    await mkdir(join(dataDir, 'elsewhere'));
    await expect(exportSources(dataDir, [join(dataDir, 'elsewhere')])).rejects.toThrow(/is not inside .*training: checkpoints are loaded only from that folder/);
    await writeFile(join(dataDir, 'training', 'notes.json'), '{"hello":1}');
    await expect(exportSources(dataDir, ['notes.json'])).rejects.toThrow('notes.json is not a workbench checkpoint (no mira-local-policy/2 format marker).');
  });
});
