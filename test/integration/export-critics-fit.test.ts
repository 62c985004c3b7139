import { cp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CriticFitJob } from '../../main/api/critic-types';
import { exportCommand } from '../../main/cli/export-command';
import { loadCriticCheckpoint } from '../../main/training/critics/critic-checkpoint';
import { saveCheckpoint } from '../../main/training/model/checkpoint';
import { CriticModel } from '../../main/training/model/critic-model';
import { PolicyModel } from '../../main/training/model/policy-model';
import { loadRecordedEpisodes } from '../../main/training/critics/recorded-episodes';
import { featurize, DEFAULT_FEATURE_DIMS } from '../../main/training/model/features';
import { criticPredict } from '../../main/training/phases/updates';
import type { MiraManifest } from '../../main/training/export/mira-writer';
import type { ExportLine } from '../../main/training/export/types';
import { recordCriticRuns, waitForCriticFit, type CriticRuns } from '../fixtures/critic-runs';
import { useCore, useTempDir } from '../helpers/use-core';

// The workflow a user expects (docs/export.md §4.2): record runs → `train critics` → `export --checkpoint <fit>`.
// Oracle and wrong-policy episodes on sandbox shop tasks (Chromium, SQLite), critics fitted for a few epochs
// in the fit worker, exported through the CLI; V and P are checked against the critics' own inference on the
// fit's own states, and the shaped rewards and advantages against docs/design/MIRA.md §4.7/§4.10 recomputed here.
const core = useCore({ sandbox: { instancesPerFamily: 1 } });
const exportsDir = useTempDir('mira-critics-exports-');
let runs: CriticRuns;
let job: CriticFitJob;
let fitDir = '';

beforeAll(async () => {
  runs = await recordCriticRuns(core, 2);
  const { fitId } = await core.api.startCriticFit({ runIds: [runs.oracleRunId, runs.wrongRunId], seed: 1, maxEpochs: 3 });
  job = await waitForCriticFit(core.api, fitId);
  fitDir = join(core.dataDir, 'training', 'critics', fitId);
}, 300_000);

async function cliExport(runId: string, out: string, checkpoints: string[]): Promise<{ code: number; logged: string[]; errors: string[] }> {
  const logged: string[] = [];
  const errors: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((l: string) => void logged.push(l));
  const err = vi.spyOn(console, 'error').mockImplementation((l: string) => void errors.push(l));
  try {
    const flags: Record<string, string> = { run: runId, out, ...(checkpoints.length ? { checkpoint: checkpoints.at(-1)! } : {}) };
    const code = await exportCommand({ command: 'export', positionals: [], flags, repeated: { checkpoint: checkpoints } }, core);
    return { code, logged, errors };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

const readLines = async (out: string) => (await readFile(join(out, 'steps.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as ExportLine);

/** r'_t and A_t by docs/design/MIRA.md §4.7 and §4.10 with α = 0.3, λ = 0.5, γ = 1, from V(s_t) and P(s_t) of the lines. */
function expectedSignals(lines: readonly ExportLine[]): { shaped: number[]; advantages: number[] } {
  const T = lines.length;
  const outcome = lines[0].trajectory_reward;
  const V = [...lines.map((l) => l.mira.value!), 0]; // V(s_T) = 0: terminal
  const P = [...lines.map((l) => l.mira.potential!), outcome]; // terminal shaping: the outcome in P(s_T)'s place
  const shaped = lines.map((l, t) => l.mira.outcome_reward + 0.3 * (P[t + 1] - P[t]));
  const advantages = shaped.map((r, t) => {
    const G = shaped.slice(t).reduce((a, b) => a + b, 0);
    return 0.5 * (r + V[t + 1] - V[t]) + 0.5 * (G - V[t]);
  });
  expect(shaped).toHaveLength(T);
  return { shaped, advantages };
}

describe('export with a critics fit of the user\'s own runs', () => {
  it('gives every state the V and P the fitted critics give it, and shaped rewards and advantages by the design', { timeout: 120_000 }, async () => {
    expect(job.status).toBe('finished');
    const r = job.result!;
    const critics = await loadCriticCheckpoint(join(fitDir, 'critics.json'));
    const scores = JSON.parse(await readFile(join(fitDir, 'scores.json'), 'utf8')) as Record<string, { values: number[]; potentials: number[] }>;
    for (const [runId, outcome] of [[runs.oracleRunId, 1], [runs.wrongRunId, 0]] as const) {
      const out = join(exportsDir.path, runId);
      const { code, logged } = await cliExport(runId, out, [fitDir]);
      expect(code).toBe(0);
      expect(logged[0]).toBe(`Exporting run ${runId} as mira to ${out} with V and P of critics fit ${fitDir}`);
      expect(logged.filter((l) => l.includes(', critics critics_fit'))).toHaveLength(2);
      const lines = await readLines(out);
      // The fit's own states of these episodes, scored here through the critics' inference function.
      const recorded = await loadRecordedEpisodes(core.store, [runId], { maxElements: DEFAULT_FEATURE_DIMS.maxElements, onSkip: () => undefined });
      expect(recorded).toHaveLength(2);
      for (const episode of recorded) {
        const own = lines.filter((l) => l.episode_id === episode.episodeId);
        expect(own.length).toBe(episode.states.length - 1);
        const { value, potential } = criticPredict(critics.critic, episode.states.map((raw) => featurize(raw, {}, critics.critic.config.features)));
        own.forEach((line, t) => {
          expect(line.trajectory_reward).toBe(outcome);
          expect(line.mira.critic_source).toBe('critics_fit');
          expect(line.mira.value).toBeCloseTo(value[t], 6);
          expect(line.mira.potential).toBeCloseTo(potential[t], 6);
          // …and the same numbers the fit stored for replay.
          expect(line.mira.value).toBeCloseTo(scores[episode.episodeId].values[t], 6);
          expect(line.mira.potential).toBeCloseTo(scores[episode.episodeId].potentials[t], 6);
        });
        const { shaped, advantages } = expectedSignals(own);
        own.forEach((line, t) => {
          expect(line.mira.shaped_reward).toBeCloseTo(shaped[t], 9);
          expect(line.mira.advantage).toBeCloseTo(advantages[t], 9);
        });
        // A failure's shaping sums to −α·P(s_0) (terminal shaping, docs/export.md §4.1).
        if (outcome === 0) expect(shaped.reduce((a, b) => a + b, 0)).toBeCloseTo(-0.3 * own[0].mira.potential!, 9);
      }
      const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as MiraManifest;
      expect(manifest.critic_checkpoints).toEqual([]);
      expect(manifest.critics_fit).toEqual({
        path: join(fitDir, 'critics.json'), fit_id: job.id, run_ids: [runs.oracleRunId, runs.wrongRunId], seed: 1, created_at: expect.any(String),
        potential_fitted: true, fit_record: true,
        value: { epochs: r.value.epochs, kept_epoch: r.value.keptEpoch, train_loss: r.value.trainLoss, held_out_loss: r.value.heldOutLoss, held_out_note: r.value.heldOutNote ?? null },
        potential: { epochs: r.potential!.epochs, kept_epoch: r.potential!.keptEpoch, train_loss: r.potential!.trainLoss, held_out_loss: r.potential!.heldOutLoss, held_out_note: null },
      });
      expect(manifest.critics_fit!.value!.epochs).toBeLessThanOrEqual(3);
    }
    critics.critic.dispose();
  });

  it('with a policy checkpoint too: V and P from the fit, π_ref from the policy', { timeout: 60_000 }, async () => {
    const policyDir = join(core.dataDir, 'training', 'job', 'mira');
    const policy = await saveCheckpoint(policyDir, { meta: { phase: 1, variant: 'mira', createdAt: new Date().toISOString() }, vocab: {}, policy: PolicyModel.init(), critic: CriticModel.init() });
    const out = join(exportsDir.path, 'both');
    const { code, logged } = await cliExport(runs.oracleRunId, out, [policyDir, fitDir]);
    expect(code).toBe(0);
    expect(logged[0]).toBe(`Exporting run ${runs.oracleRunId} as mira to ${out} with V and P of critics fit ${fitDir} and π_ref of checkpoint ${policy}`);
    const lines = await readLines(out);
    const alone = await readLines(join(exportsDir.path, runs.oracleRunId));
    expect(lines.map((l) => [l.mira.critic_source, l.mira.value, l.mira.potential])).toEqual(alone.map((l) => [l.mira.critic_source, l.mira.value, l.mira.potential]));
    expect(lines.some((l) => typeof l.mira.local_policy_ref_logprob === 'number' && l.mira.local_policy_ref_logprob <= 0)).toBe(true);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as MiraManifest;
    expect(manifest.critic_checkpoints).toEqual([{ role: 'export', path: policy, phase: 1, variant: 'mira' }]);
    expect(manifest.critics_fit?.fit_id).toBe(job.id);
  });

  it('refuses a damaged fit with its name and the reason, and writes nothing', { timeout: 60_000 }, async () => {
    const broken = join(core.dataDir, 'training', 'critics', 'broken');
    await cp(fitDir, broken, { recursive: true });
    const file = join(broken, 'critics.json');
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, 1000));
    const out = join(exportsDir.path, 'never');
    await expect(cliExport(runs.oracleRunId, out, [broken])).rejects.toThrow(`${file} is a damaged critics fit (not JSON); fit the critics again (\`train critics --runs …\`).`);
    expect(existsSync(out)).toBe(false);
  });
});
