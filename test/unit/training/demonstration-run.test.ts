import { describe, expect, it } from 'vitest';
import { demonstrationRun, type DemonstrationStore } from '../../../main/training/phases/demonstration-run';
import type { DemoStep, Trajectory } from '../../../main/training/rollout/record';

// The training audit of 2026-12-05: phase 0's "rollouts (N)" counted every recorded demonstration, not those SFT
// learned from, and a unit that read the demonstrations from the cache had no link at all.
const demo = (taskId: string, success: boolean, episodeId?: string): Trajectory<DemoStep> => ({ taskId, family: 'f', success, stopReason: null, steps: [], ...(episodeId ? { episodeId } : {}) });
const demos = [demo('t0', true, 'e0'), demo('t1', false, 'e1'), demo('t2', true, 'e2'), demo('t3', true, 'e3')];
const env = (own: string | null, runs: Record<string, string>): DemonstrationStore => ({
  runOf: (phase, stage) => (own && phase === 0 && stage === 'demonstrations' ? { runId: own, episodes: 4 } : undefined),
  store: { episodes: { get: async (id) => (runs[id] ? { runId: runs[id] } : undefined) } },
});

describe('demonstrationRun', () => {
  it('counts the demonstrations SFT learned from (the successful ones it was given) of those recorded', async () => {
    // A budget of two per family gave SFT t0 and t2; t1 failed and SFT skips failures anyway.
    expect(await demonstrationRun(env('run-own', {}), demos, [demos[0], demos[2]])).toEqual({ runId: 'run-own', episodes: 2, recorded: 4 });
    expect(await demonstrationRun(env('run-own', {}), demos, demos)).toEqual({ runId: 'run-own', episodes: 3, recorded: 4 });
  });

  it('finds the run of cached demonstrations through their stored episode', async () => {
    expect(await demonstrationRun(env(null, { e0: 'run-first-unit' }), demos, demos)).toEqual({ runId: 'run-first-unit', episodes: 3, recorded: 4 });
  });

  it('has no link where nothing was stored as a run (no job, or a cache that predates episode ids)', async () => {
    expect(await demonstrationRun(env(null, {}), demos, demos)).toBeUndefined();
    expect(await demonstrationRun(env(null, { e0: 'r' }), demos.map((d) => ({ ...d, episodeId: undefined })), demos)).toBeUndefined();
  });
});
