import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { CRITIC_CHECKPOINT_FILE, loadCriticCheckpoint } from '../../main/training/critics/critic-checkpoint';
import type { CriticFitJob } from '../../main/api/critic-types';
import { fitAndSave, type FitOutput } from '../../main/training/critics/fit-and-save';
import { SCORES_FILE } from '../../main/training/critics/fit-files';
import { loadRecordedEpisodes } from '../../main/training/critics/recorded-episodes';
import type { BackendName } from '../../main/training/backend';
import { DEFAULT_FEATURE_DIMS } from '../../main/training/model/features';
import { recordCriticRuns, type CriticRuns } from '../fixtures/critic-runs';
import { useCore } from '../helpers/use-core';

// Issue 17 "critics trained from a recorded run of a non-local policy": oracle and wrong-policy episodes are
// recorded through a real core (Chromium, SQLite), then V and P are fitted on them as a background job with a
// held-out split; the fit's record, checkpoint and per-episode V and P are what the report and replay show.
const core = useCore({ sandbox: { instancesPerFamily: 1 } });

/** How long this process's event loop was held up while `work` ran (printed, never asserted: issue 17 polish,
 * the fit computes in a worker so the core's loop stays free; `npm run bench -- critic-fit` measures it on a
 * quiet machine). */
async function loopDelay(work: () => Promise<void>): Promise<string> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const started = performance.now();
  await work();
  histogram.disable();
  return `${(performance.now() - started).toFixed(0)} ms, event loop delay max ${(histogram.max / 1e6).toFixed(0)} ms, p99 ${(histogram.percentile(99) / 1e6).toFixed(0)} ms`;
}

describe('critics fitted on recorded runs of non-local policies', () => {
  let runs: CriticRuns;

  it('records oracle successes and wrong-policy failures with observations and progress vectors', { timeout: 0 }, async () => {
    runs = await recordCriticRuns(core, 4);
    expect(runs.oracle.map((e) => e.success)).toEqual([true, true, true, true]);
    expect(runs.wrong.map((e) => e.success)).toEqual([false, false, false, false]);
  });

  it('fits V and P with a held-out split, saves the checkpoint, and scores every episode', { timeout: 0 }, async () => {
    let fitId = '';
    let job!: CriticFitJob;
    const delay = await loopDelay(async () => {
      ({ fitId } = await core.api.startCriticFit({ runIds: [runs.oracleRunId, runs.wrongRunId], seed: 1 }));
      job = (await core.api.listCriticFits(runs.wrongRunId)).find((j) => j.id === fitId)!;
      expect(job.status).toBe('running');
      while (job.status === 'running') {
        await new Promise((r) => setTimeout(r, 250));
        job = (await core.api.listCriticFits()).find((j) => j.id === fitId)!;
      }
    });
    console.log(`critic fit through the core, computed in its worker: ${delay}`);
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

  it('the worker\'s fit gives the same numbers as the same fit in-process (same seed)', { timeout: 0 }, async () => {
    const [job] = (await core.api.listCriticFits(runs.oracleRunId)).filter((j) => j.status === 'finished');
    const r = job.result!;
    const dir = await mkdtemp(join(tmpdir(), 'mira-critics-in-process-'));
    try {
      // The same work on this thread, as the core did it before the worker.
      let here!: FitOutput;
      const delay = await loopDelay(async () => {
        const episodes = await loadRecordedEpisodes(core.store, job.request.runIds, { maxElements: DEFAULT_FEATURE_DIMS.maxElements, onSkip: () => undefined });
        here = await fitAndSave({ fitId: job.id, runIds: job.request.runIds, seed: job.request.seed!, episodes, dir, backend: r.backend as BackendName }, () => undefined);
      });
      console.log(`the same critic fit in-process (before the worker): ${delay}`);
      expect(here.backend).toBe(r.backend);
      expect(here.value).toEqual(r.value);
      expect(here.potential).toEqual(r.potential);
      expect(here.calibration).toEqual(r.calibration);
      expect([here.trainEpisodes, here.heldOutEpisodes]).toEqual([r.trainEpisodes, r.heldOutEpisodes]);
      const fitDir = join(core.dataDir, 'training', 'critics', job.id);
      const json = async (d: string, file: string) => JSON.parse(await readFile(join(d, file), 'utf8'));
      expect(await json(dir, SCORES_FILE)).toEqual(await json(fitDir, SCORES_FILE));
      const [mine, theirs] = [await json(dir, CRITIC_CHECKPOINT_FILE), await json(fitDir, CRITIC_CHECKPOINT_FILE)];
      expect(mine.critic).toEqual(theirs.critic);
      expect(mine.criticConfig).toEqual(theirs.criticConfig);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown run before starting, and reports no critics for an episode of a run never fitted', { timeout: 0 }, async () => {
    await expect(core.api.startCriticFit({ runIds: ['no-such-run'] })).rejects.toThrow('There is no run no-such-run.');
    const other = await core.run({ taskIds: [runs.taskIds[0]], policy: 'do-nothing' });
    const [episode] = await other.done;
    expect(await core.api.getEpisodeCritics(episode.id)).toBeNull();
    expect(existsSync(join(core.dataDir, 'training', 'critics'))).toBe(true);
  });
});
