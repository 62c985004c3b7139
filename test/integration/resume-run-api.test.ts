import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../main/api/types';
import { validateRequest } from '../../main/api/schemas';
import { useCore } from '../helpers/use-core';

// Resume in the app (the run page's Resume button): getRunState counts a stopped run's finished, cut and
// never-started tasks from what is stored, and resumeRun runs the rest through the same core resume as the
// CLI, refusing runs that are finished or running. Real Chromium (shared) and SQLite.
const core = useCore({ sandbox: { datasetSeed: 1, instancesPerFamily: 1 } });

const shopTasks = (n: number) => core.catalog!.all().filter((i) => i.family?.startsWith('shop/')).slice(0, n).map((i) => i.id);

/** Resolves with the run's status once a run event says it is no longer running. */
function ended(runId: string): Promise<RunRecord['status']> {
  return new Promise((resolve) => {
    const off = core.events.subscribe(({ event, payload }) => {
      const run = payload as RunRecord;
      if (event === 'run' && run.id === runId && run.status !== 'running') (off(), resolve(run.status));
    });
  });
}

describe('getRunState and resumeRun', () => {
  it('counts each planned (task, seed) pair once, by its best attempt', async () => {
    const [a, b] = shopTasks(2);
    await core.store.runs.create({ id: 'seeded-run', kind: 'eval', config: { policy: 'oracle', seed: 5, seedsPerTask: 2, taskIds: [a, b] }, status: 'interrupted', createdAt: new Date().toISOString() });
    // Planned: (a,5) (a,6) (b,5) (b,6). (a,5) was cut, then finished on a resume; (a,6) is running; (b,5) was
    // cut; (b,6) never started. An episode of a seed outside the plan does not count.
    const attempt = async (id: string, taskId: string, seed: number, status: 'finished' | 'interrupted' | null) => {
      await core.store.episodes.create({ id, runId: 'seeded-run', taskId, policy: 'oracle', seed, createdAt: new Date().toISOString() });
      if (status) await core.store.episodes.finish(id, { status, success: null, score: null, answer: null, stopReason: null, outcome: 'test', evaluation: null });
    };
    await attempt('a5-cut', a, 5, 'interrupted');
    await attempt('a5-done', a, 5, 'finished');
    await attempt('a6-running', a, 6, null);
    await attempt('b5-cut', b, 5, 'interrupted');
    await attempt('b9-stray', b, 9, 'finished');
    expect(await core.api.getRunState('seeded-run')).toEqual({
      runId: 'seeded-run', status: 'interrupted', total: 4, seedsPerTask: 2, finished: 1, running: 1, notStarted: 1, resumeRefusal: null,
    });
  });

  it('a cancelled run says what never ran; resumeRun runs it to the end and then refuses', { timeout: 300_000 }, async () => {
    const taskIds = shopTasks(4);
    // Cancel as the first episode is counted: the scheduler starts no other (runs/scheduler.ts checks the signal).
    let cancelled = false;
    const offProgress = core.events.subscribe(({ event, payload }) => {
      if (event === 'progress' && !cancelled) (cancelled = true, void core.api.cancelRun((payload as { runId: string }).runId));
    });
    const { runId } = await core.api.startRun({ taskIds, policy: 'oracle', concurrency: 1 });
    expect(await ended(runId)).toBe('interrupted');
    offProgress();
    expect(await core.api.getRunState(runId)).toEqual({ runId, status: 'interrupted', total: 4, seedsPerTask: 1, finished: 1, running: 0, notStarted: 3, resumeRefusal: null });

    const end = ended(runId);
    await expect(core.api.resumeRun(runId)).resolves.toEqual({ runId });
    // Claimed at once: a second resume (another window, the CLI) is refused while this one runs.
    await expect(core.api.resumeRun(runId)).rejects.toThrow(`Run ${runId} is already running.`);
    expect((await core.api.getRunState(runId)).resumeRefusal).toBe(`Run ${runId} is already running.`);
    expect(await end).toBe('finished');

    const state = await core.api.getRunState(runId);
    expect(state).toMatchObject({ status: 'finished', total: 4, finished: 4, running: 0, notStarted: 0 });
    expect(state.resumeRefusal).toBe(`Run ${runId} has finished; there is nothing to resume.`);
    await expect(core.api.resumeRun(runId)).rejects.toThrow(`Run ${runId} has finished; there is nothing to resume.`);
    const episodes = await core.api.listEpisodes({ runId });
    expect(episodes.map((e) => e.taskId).sort()).toEqual([...taskIds].sort());
    expect(episodes.every((e) => e.status === 'finished' && e.success)).toBe(true);
  });

  it('refuses unknown runs and bad arguments with the reason', async () => {
    await expect(core.api.getRunState('no-such-run')).rejects.toThrow('No run with id no-such-run.');
    await expect(core.api.resumeRun('no-such-run')).rejects.toThrow('No run with id no-such-run.');
    expect(() => validateRequest('resumeRun', [])).toThrow(/^resumeRun: arguments: /);
    expect(() => validateRequest('resumeRun', [''])).toThrow(/^resumeRun: argument 0: /);
    expect(() => validateRequest('getRunState', [42])).toThrow(/^getRunState: argument 0: /);
    expect(validateRequest('resumeRun', ['run-1'])).toEqual(['run-1']);
  });
});
