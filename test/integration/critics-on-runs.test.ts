import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCriticCheckpoint } from '../../main/training/critics/critic-checkpoint';
import { recordCriticRuns, type CriticRuns } from '../fixtures/critic-runs';
import { useCore } from '../helpers/use-core';

// Issue 17 "critics trained from a recorded run of a non-local policy": oracle and wrong-policy episodes are
// recorded through a real core (Chromium, SQLite), then V and P are fitted on them as a background job with a
// held-out split; the fit's record, checkpoint and per-episode V and P are what the report and replay show.
const core = useCore({ sandbox: { instancesPerFamily: 1 } });

describe('critics fitted on recorded runs of non-local policies', () => {
  let runs: CriticRuns;

  it('records oracle successes and wrong-policy failures with observations and progress vectors', { timeout: 0 }, async () => {
    runs = await recordCriticRuns(core, 4);
    expect(runs.oracle.map((e) => e.success)).toEqual([true, true, true, true]);
    expect(runs.wrong.map((e) => e.success)).toEqual([false, false, false, false]);
  });

  it('fits V and P with a held-out split, saves the checkpoint, and scores every episode', { timeout: 0 }, async () => {
    const { fitId } = await core.api.startCriticFit({ runIds: [runs.oracleRunId, runs.wrongRunId], seed: 1 });
    let job = (await core.api.listCriticFits(runs.wrongRunId)).find((j) => j.id === fitId)!;
    expect(job.status).toBe('running');
    while (job.status === 'running') {
      await new Promise((r) => setTimeout(r, 250));
      job = (await core.api.listCriticFits()).find((j) => j.id === fitId)!;
    }
    expect(job.error).toBeNull();
    expect(job.status).toBe('finished');
    const r = job.result!;
    console.log(`critic fit: ${r.episodes} episodes in ${r.seconds.toFixed(1)} s (${r.backend}); V held-out BCE ${r.value.heldOutLoss}, P held-out MSE ${r.potential?.heldOutLoss}, ECE ${r.calibration.ece} over ${r.calibration.n} states`);
    // 4 + 4 episodes; a fifth of each outcome (rounded: 1 of 4) is held out.
    expect(r).toMatchObject({ episodes: 8, trainEpisodes: 6, heldOutEpisodes: 2, skipped: [], labelSources: { steps: 8, verdicts: 0, none: 0 } });
    expect(r.value.heldOutLoss).toBeGreaterThan(0);
    expect(r.value.heldOutStates).toBeGreaterThan(0);
    expect(r.potential!.heldOutLoss).toBeGreaterThanOrEqual(0);
    expect(r.calibration.heldOut).toBe(true);
    expect(r.calibration.n).toBe(r.value.heldOutStates);
    expect(r.calibration.bins.reduce((n, b) => n + b.count, 0)).toBe(r.calibration.n);
    expect(r.calibration.ece).toBeGreaterThanOrEqual(0);
    expect(r.checkpoint).toBe(join(core.dataDir, 'training', 'critics', fitId, 'critics.json'));
    const saved = await loadCriticCheckpoint(r.checkpoint);
    expect(saved.meta).toMatchObject({ fitId, runIds: [runs.oracleRunId, runs.wrongRunId], seed: 1 });
    saved.critic.dispose();

    // Every episode of both runs now has V and P per step; V separates the outcomes it was fitted on.
    const meanV = async (episodes: CriticRuns['oracle']) => {
      let sum = 0;
      let n = 0;
      for (const e of episodes) {
        const critics = (await core.api.getEpisodeCritics(e.id))!;
        const steps = await core.store.steps.list(e.id);
        expect(critics.fitId).toBe(fitId);
        expect(critics.values).toHaveLength(steps.length);
        expect(critics.potentials).toHaveLength(steps.length);
        for (const v of [...critics.values, ...critics.potentials!]) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1);
        expect(steps.every((s) => s.value === null && s.potential === null)).toBe(true); // the policies recorded none
        sum += critics.values.reduce((a, b) => a + b, 0);
        n += critics.values.length;
      }
      return sum / n;
    };
    expect(await meanV(runs.oracle)).toBeGreaterThan(await meanV(runs.wrong));
  });

  it('refuses an unknown run before starting, and reports no critics for an episode of a run never fitted', { timeout: 0 }, async () => {
    await expect(core.api.startCriticFit({ runIds: ['no-such-run'] })).rejects.toThrow('There is no run no-such-run.');
    const other = await core.run({ taskIds: [runs.taskIds[0]], policy: 'do-nothing' });
    const [episode] = await other.done;
    expect(await core.api.getEpisodeCritics(episode.id)).toBeNull();
    expect(existsSync(join(core.dataDir, 'training', 'critics'))).toBe(true);
  });
});
