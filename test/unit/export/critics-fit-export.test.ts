import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EpisodeRecord, StepRecord } from '../../../main/api/types';
import type { Store } from '../../../main/store';
import { writeMiraExport } from '../../../main/training/export/mira-writer';
import type { ExportLine } from '../../../main/training/export/types';
import { saveCheckpoint } from '../../../main/training/model/checkpoint';
import { PolicyModel } from '../../../main/training/model/policy-model';
import { fitJob, handCritics, writeFit } from './critics-fit-helpers';

// A critics fit's V and P in the `mira` export, with docs/design/MIRA.md §4.7/§4.10's numbers worked by hand for
// one small episode (docs/export.md §4.1). The fit's heads read only the fraction of subgoals done, so
// V(s) = 0.4 / 0.6 and P(s) = 0.2 / 0.5 / 0.8 at 0, ½, 1 of K = 2 done, whatever the page.
let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'critics-fit-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const episode: EpisodeRecord = {
  id: 'ep-1', runId: 'r', taskId: 'sandbox/x/0', policy: 'local', seed: 0, status: 'finished', success: true, score: 1, answer: null,
  stopReason: 'agent_stop', outcome: null, failureMode: null, evaluation: null, analysis: null, stepCount: 3,
  createdAt: '2026-12-05T00:00:00Z', finishedAt: null,
};

// Milestone 1 is reached by step 0, milestone 2 by step 2. The acting policy's stored V and P (0.99) must be
// replaced by the fit's: a line never mixes critics, and the user asked for the fit.
function step(t: number, progress: number[]): StepRecord {
  return {
    episodeId: 'ep-1', t, url: 'http://x/', observationRef: null, screenshotRef: null, promptRef: null, responseRef: null,
    action: t === 2 ? { type: 'stop', text: '' } : { type: 'click', elementId: String(t + 1) }, actionText: '', actionError: null, targetBox: null,
    progress, value: 0.99, potential: 0.99, latencyMs: 0, timings: { observeMs: 0, policyMs: 0, actMs: 0, storeMs: 0 }, views: null,
  };
}
const steps = [step(0, [1, 0]), step(1, [1, 0]), step(2, [1, 1])];

function store(runConfig: Record<string, unknown>): Store {
  return {
    runs: { get: async () => ({ id: 'r', kind: 'eval', config: runConfig, createdAt: '2026-12-05T00:00:00Z' }) },
    episodes: { list: async () => [episode] },
    steps: { list: async () => steps },
    tasks: { get: async () => undefined },
    subgoalSets: { forEpisode: async () => ({ id: 4, taskId: 'sandbox/x/0', version: 1, origin: 'reference', promptName: null, promptVersion: null, items: [{ text: 'open the cart' }, { text: 'pay' }] }) },
    verdicts: { list: async () => [] },
    blobs: { getText: async () => { throw new Error('no blobs here'); } },
  } as unknown as Store;
}

describe('export with a critics fit', () => {
  it('gives the fit\'s V and P on every state and the shaped rewards and advantages worked by hand', async () => {
    const critic = handCritics();
    const fitDir = join(dir, 'critics', 'fit-1');
    await writeFit(fitDir, 'fit-1', critic);
    critic.dispose();
    const out = join(dir, 'out');
    const manifest = await writeMiraExport(store({}), 'r', out, { criticsFit: fitDir, onSkip: () => undefined });
    const lines = (await readFile(join(out, 'steps.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as ExportLine);
    const m = lines.map((l) => l.mira);
    // States s_0..s_3 have 0, 1, 1, 2 of K = 2 milestones before them.
    expect(m.map((x) => x.critic_source)).toEqual(['critics_fit', 'critics_fit', 'critics_fit']);
    m.map((x) => x.value).forEach((v, t) => expect(v).toBeCloseTo([0.4, 0.6, 0.6][t], 5));
    m.map((x) => x.potential).forEach((p, t) => expect(p).toBeCloseTo([0.2, 0.5, 0.5][t], 5));
    // α = 0.3, λ = 0.5, γ = 1, r = (0, 0, 1); terminal shaping puts the outcome 1 in P(s_3)'s place:
    //   r'_0 = 0 + 0.3·(0.5 − 0.2) = 0.09, r'_1 = 0 + 0.3·(0.5 − 0.5) = 0, r'_2 = 1 + 0.3·(1 − 0.5) = 1.15
    //   G = (1.24, 1.15, 1.15); TD errors δ_t = r'_t + V(s_{t+1}) − V(s_t) with V(s_3) = 0: (0.29, 0, 0.55)
    //   A_t = 0.5·δ_t + 0.5·(G_t − V(s_t)) = (0.5·0.29 + 0.5·0.84, 0 + 0.5·0.55, 0.5·0.55 + 0.5·0.55) = (0.565, 0.275, 0.55)
    m.map((x) => x.shaped_reward).forEach((r, t) => expect(r).toBeCloseTo([0.09, 0, 1.15][t], 5));
    m.map((x) => x.advantage).forEach((a, t) => expect(a).toBeCloseTo([0.565, 0.275, 0.55][t], 5));
    // p*: milestone 1 at s_1, milestone 2 anchored to s_3 (success): p*_1..p*_3 = 0.5, 0.75, 1.
    expect(m.map((x) => x.progress_label)).toEqual([0.5, 0.75, 1]);
    expect(m.map((x) => x.local_policy_ref_logprob)).toEqual([null, null, null]);
    expect(manifest.critics_fit).toEqual({
      path: join(fitDir, 'critics.json'), fit_id: 'fit-1', run_ids: ['run-a'], seed: 1, created_at: '2026-12-05T19:01:00Z', potential_fitted: true, fit_record: true,
      value: { epochs: 4, kept_epoch: 3, train_loss: 0.5, held_out_loss: 0.61, held_out_note: null },
      potential: { epochs: 4, kept_epoch: 3, train_loss: 0.03, held_out_loss: 0.02, held_out_note: null },
    });
    expect(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')).critics_fit).toEqual(manifest.critics_fit);
  });

  it('a fit without P: potential, shaped rewards and advantages null, unless α = 0, which never reads P', async () => {
    const critic = handCritics();
    const fitDir = join(dir, 'critics', 'fit-1');
    const job = fitJob('fit-1');
    await writeFit(fitDir, 'fit-1', critic, { ...job, result: { ...job.result!, potential: null } });
    critic.dispose();
    const read = async (out: string) => (await readFile(join(out, 'steps.jsonl'), 'utf8')).trim().split('\n').map((l) => (JSON.parse(l) as ExportLine).mira);
    const manifest = await writeMiraExport(store({}), 'r', join(dir, 'a'), { criticsFit: fitDir, onSkip: () => undefined });
    expect([manifest.critics_fit?.potential_fitted, manifest.critics_fit?.potential]).toEqual([false, null]);
    const shaped = await read(join(dir, 'a'));
    expect(shaped.map((x) => [x.potential, x.shaped_reward, x.advantage])).toEqual([[null, null, null], [null, null, null], [null, null, null]]);
    expect(shaped[0].value).toBeCloseTo(0.4, 5);
    await writeMiraExport(store({}), 'r', join(dir, 'b'), { criticsFit: fitDir, mira: { alpha: 0 }, onSkip: () => undefined });
    const plain = await read(join(dir, 'b'));
    // α = 0: r' = r = (0, 0, 1), G = (1, 1, 1); A = 0.5·(0.6 − 0.4) + 0.5·(1 − 0.4), 0.5·0 + 0.5·0.4, 0.5·0.4 + 0.5·0.4.
    plain.map((x) => x.advantage).forEach((a, t) => expect(a).toBeCloseTo([0.4, 0.2, 0.4][t], 5));
    expect(plain.map((x) => x.potential)).toEqual([null, null, null]);
  });

  it("the manifest names the acting policy's phase and variant: from its checkpoint, else from the run's config", async () => {
    const ckptDir = join(dir, 'training', 'job', 'no-potential');
    const path = await saveCheckpoint(ckptDir, { meta: { phase: 2, variant: 'no-potential', createdAt: '2026-12-05T19:00:00Z' }, vocab: {}, policy: PolicyModel.init() });
    const fromFile = await writeMiraExport(store({ checkpoint: path }), 'r', join(dir, 'a'), { onSkip: () => undefined });
    expect(fromFile.critic_checkpoints).toEqual([{ role: 'acting_policy', path, phase: 2, variant: 'no-potential' }]);
    expect(fromFile.critics_fit).toBeNull();
    const gone = join(dir, 'training', 'job', 'gone', 'phase-1.json');
    const fromConfig = await writeMiraExport(store({ checkpoint: gone, phase: 1, training: { variant: 'mira' } }), 'r', join(dir, 'b'), { onSkip: () => undefined });
    expect(fromConfig.critic_checkpoints).toEqual([{ role: 'acting_policy', path: gone, phase: 1, variant: 'mira' }]);
    const unknown = await writeMiraExport(store({ checkpoint: gone }), 'r', join(dir, 'c'), { onSkip: () => undefined });
    expect(unknown.critic_checkpoints).toEqual([{ role: 'acting_policy', path: gone, phase: null, variant: null }]);
  });

  it('refuses a damaged fit before the output folder exists', async () => {
    const fitDir = join(dir, 'critics', 'fit-1');
    const critic = handCritics();
    await writeFit(fitDir, 'fit-1', critic);
    critic.dispose();
    await writeFile(join(fitDir, 'critics.json'), '{"format":"mira-critics/1"');
    const out = join(dir, 'never');
    await expect(writeMiraExport(store({}), 'r', out, { criticsFit: fitDir })).rejects.toThrow('is a damaged critics fit (not JSON)');
    await expect(readFile(join(out, 'steps.jsonl'))).rejects.toThrow(/ENOENT/);
  });
});
