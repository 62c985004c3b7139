import { expect, it, vi } from 'vitest';
import type { Action, StepRecord } from '../../main/api/types';
import type { EpisodeFinish } from '../../main/store/episodes-repo';
import { parseArgs } from '../../main/cli/args';
import { analyzeCommand } from '../../main/cli/analyze-command';
import { useCore } from '../helpers/use-core';

// A scored episode that took no step (it failed before its first action) recorded no progress vector. It used
// to hide the run's subgoal heatmap; it counts as having reached no subgoal. Hand-built records, no browser.
const core = useCore({ sandbox: false });
const TASK = 'hand/zero-steps';

const step = (episodeId: string, t: number, action: Action, progress: number[]): StepRecord => ({
  episodeId, t, url: 'http://sandbox.test/shop', observationRef: null, screenshotRef: null, promptRef: null, responseRef: null,
  action, actionText: action.type, actionError: null, targetBox: null, progress, value: null, potential: null, latencyMs: 1,
  timings: { observeMs: 0, policyMs: 0, actMs: 0, storeMs: 0 },
});

async function episode(id: string, seed: number, finish: Partial<EpisodeFinish>, progress: number[][]): Promise<void> {
  await core.store.episodes.create({ id, runId: 'run-zero', taskId: TASK, policy: 'hand', seed, createdAt: `2026-01-01T00:00:0${seed}Z` });
  for (const [t, z] of progress.entries()) await core.store.steps.insert(step(id, t, { type: 'click', elementId: String(t) }, z));
  await core.store.episodes.finish(id, { status: 'finished', success: false, score: 0, answer: null, stopReason: 'max_steps', outcome: '', evaluation: null, ...finish });
}

it('keeps the heatmap and the subgoal quality when a scored episode took no step', { timeout: 120_000 }, async () => {
  await core.store.tasks.upsert({ id: TASK, source: 'sandbox', sites: ['shopping'], intent: 'Buy it', startUrl: 'http://sandbox.test/shop', config: {}, split: null, family: 'hand/family' });
  await core.store.runs.create({ id: 'run-zero', kind: 'eval', config: { policy: 'hand', taskIds: [TASK] }, status: 'finished', createdAt: '2026-01-01T00:00:00Z' });
  await episode('solved', 0, { success: true, score: 1, stopReason: 'agent_stop' }, [[1, 0], [1, 1]]);
  await episode('no-step', 1, {}, []);
  await episode('one-step', 2, {}, [[1, 0]]);

  const report = await core.api.getRunReport('run-zero');
  expect(report.success.overall).toEqual({ total: 3, successes: 1, rate: 1 / 3 });
  // Subgoal 1 done by t: solved and one-step → 2/3 in both columns; subgoal 2 only by solved at t = 1 → 1/3.
  expect(report.heatmap).toEqual({ K: 2, maxT: 1, cells: [[2 / 3, 2 / 3], [0, 1 / 3]] });
  expect(report.subgoalQuality).toMatchObject({ available: true, K: 2, n: 3, successes: 1 });

  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  try {
    expect(await analyzeCommand(parseArgs(['analyze', 'run-zero']), core)).toBe(0);
  } finally {
    spy.mockRestore();
  }
  expect(lines).toContain('Subgoal heatmap: K=2, steps 1–2 (see the run report page).');
  expect(lines).toContain('Subgoal quality (does completing subgoals predict success?) over 3 scored episodes (1 succeeded, 2 failed), K = 2 subgoals each. With fewer than 20 episodes, one episode more or less can move these numbers a lot.');
  expect(lines.find((l) => l.startsWith('  AUROC'))).toMatch(/^ {2}AUROC {9}1\.00 {2}Take one successful and one failed episode: in 100% of the 2 such pairs/);
});
