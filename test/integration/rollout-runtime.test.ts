import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { OraclePolicy } from '../../main/agent/oracle-policy';
import { parseRunConfig } from '../../main/api/run-config';
import { LOW_FRAME } from '../../main/browser/scaled-frames';
import { RolloutEnv } from '../../main/training/rollout/episode-runner';
import { sharedBrowserEndpoint } from '../helpers/shared-browser';
import { useCore } from '../helpers/use-core';

// Training rollouts through the episode runtime (issue 19) recorded as episodes of the job (issue 21): the
// trainer's environment opens its own runtime (store, browser pool, sandbox; no core) on the workbench's data
// directory while the workbench's core has it open too, and each phase's episodes land under a run of the job,
// scored as any run scores them, with small replayable frames, kept out of the default tables.
// Real Chromium (the test run's shared one) and SQLite.
const core = useCore({ sandbox: { datasetSeed: 1, instancesPerFamily: 5 } });

describe('training rollouts through the episode runtime', () => {
  it('records a phase as a run of the job, replayable in the workbench, out of the default tables', { timeout: 300_000 }, async () => {
    const env = await RolloutEnv.open({
      dataDir: core.dataDir, datasetSeed: 1, instancesPerFamily: 10, browserWsEndpoint: sharedBrowserEndpoint(),
      stopRules: { maxSteps: 12, maxParseFailures: 3, maxRepeatedActions: 3 }, job: { jobId: 'job-1', variant: 'full', seed: 1 },
    });
    let episodes;
    try {
      // A train instance beyond the workbench's 5 per family: the runtime stores its task first.
      const instances = env.catalog.all().filter((i) => i.family === 'shop/add-to-cart' && i.split === 'train').slice(-2);
      expect(await core.store.tasks.get(instances[1].id)).toBeUndefined();
      const done: number[] = [];
      episodes = await env.runMany(
        instances.map((instance, k) => ({ instance, seed: 1000 + k, policy: (resolveUrl) => new OraclePolicy(instance.oracle, resolveUrl) })),
        2, (index) => done.push(index), undefined, { phase: 1, stage: 'rollout', policy: 'oracle' },
      );
      expect(done.sort()).toEqual([0, 1]);
    } finally {
      await env.close();
    }
    const run = env.runOf(1, 'rollout')!;
    expect(run.episodes).toBe(2);
    // Scored by eval/score-task.ts as a run scores sandbox tasks: the WebArena profile.
    for (const e of episodes) expect(e).toMatchObject({ status: 'finished', success: true, runId: run.runId, evaluation: { profile: 'webarena' } });

    const stored = (await core.store.runs.get(run.runId))!;
    expect(stored).toMatchObject({ kind: 'rollout', status: 'finished' });
    expect(parseRunConfig(stored)).toMatchObject({ policy: 'oracle', phase: 1, capture: 'low', training: { jobId: 'job-1', variant: 'full', seed: 1, stage: 'rollout' } });
    await expect(core.resume(run.runId)).rejects.toThrow(`Run ${run.runId} holds a training job's episodes; it cannot be resumed`);

    // Replayable in the workbench: every step has a low frame (640 px wide JPEG).
    const detail = await core.api.getEpisode(episodes[0]!.id);
    expect(detail.steps.length).toBeGreaterThan(1);
    for (const step of detail.steps) expect(step.screenshotRef).toBeTruthy();
    const frame = jpeg.decode(await core.store.blobs.get(detail.steps[0].screenshotRef!), { useTArray: true });
    expect(frame.width).toBe(LOW_FRAME.width);

    // Not in the default episodes table and its numbers; there by its run or its phase.
    const ids = episodes.map((e) => e!.id).sort();
    expect((await core.api.listEpisodePage({})).rows.map((r) => r.id)).not.toContain(ids[0]);
    expect((await core.api.listEpisodePage({ runId: run.runId })).rows.map((r) => r.id).sort()).toEqual(ids);
    expect((await core.api.listEpisodePage({ filters: { phase: 'phase 1' } })).rows.map((r) => r.id).sort()).toEqual(ids);
  });
});
