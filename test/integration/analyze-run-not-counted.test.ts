import { expect, it, vi } from 'vitest';
import type { Action, StepRecord } from '../../main/api/types';
import type { EpisodeFinish } from '../../main/store/episodes-repo';
import { parseArgs } from '../../main/cli/args';
import { analyzeCommand } from '../../main/cli/analyze-command';
import { useCore } from '../helpers/use-core';

// A run report says what its rates leave out, and counts steps from 1 as the replay does. Hand-built records
// (no browser): one task, four attempts — solved, failed (stopped with a wrong answer after a different first
// click than the solved one), finished but never scored (the evaluator failed), and an LLM outage.
const core = useCore({ sandbox: false });
const TASK = 'hand/not-counted';

const step = (episodeId: string, t: number, actionText: string, action: Action, progress: number[]): StepRecord => ({
  episodeId, t, url: 'http://sandbox.test/shop', observationRef: null, screenshotRef: null, promptRef: null, responseRef: null,
  action, actionText, actionError: null, targetBox: null, progress, value: null, potential: null, latencyMs: 1,
  timings: { observeMs: 0, policyMs: 0, actMs: 0, storeMs: 0 },
});

async function episode(id: string, seed: number, finish: Partial<EpisodeFinish>, steps: Array<[string, Action, number[]]>, runId = 'run-nc', instruction?: string): Promise<void> {
  await core.store.episodes.create({ id, runId, taskId: TASK, policy: 'hand', seed, createdAt: `2026-01-01T00:00:0${seed}Z` });
  if (instruction) await core.store.episodes.setInstruction(id, instruction);
  for (const [t, [text, action, progress]] of steps.entries()) await core.store.steps.insert(step(id, t, text, action, progress));
  await core.store.episodes.finish(id, { status: 'finished', success: null, score: null, answer: null, stopReason: null, outcome: '', evaluation: null, ...finish });
}

it('counts infrastructure failures and unscored episodes apart, and numbers key steps from 1 in the CLI', { timeout: 120_000 }, async () => {
  await core.store.tasks.upsert({ id: TASK, source: 'sandbox', sites: ['shopping'], intent: 'Buy it', startUrl: 'http://sandbox.test/shop', config: {}, split: null, family: 'hand/family' });
  await core.store.runs.create({ id: 'run-nc', kind: 'eval', config: { policy: 'hand', taskIds: [TASK] }, status: 'error', createdAt: '2026-01-01T00:00:00Z' });
  const stop: Action = { type: 'stop', text: 'wrong' };
  await episode('solved', 0, { success: true, score: 1, stopReason: 'agent_stop', answer: 'ok' }, [
    ['click [7]', { type: 'click', elementId: '7' }, [1, 0]],
    ['stop [ok]', { type: 'stop', text: 'ok' }, [1, 1]],
  ]);
  await episode('failed', 1, { success: false, score: 0, stopReason: 'agent_stop', answer: 'wrong' }, [
    ['click [5]', { type: 'click', elementId: '5' }, [0, 0]],
    ['stop [wrong]', stop, [0, 0]],
  ]);
  await episode('unscored', 2, { stopReason: 'agent_stop', outcome: 'Not scored. Evaluation failed: boom' }, [['stop [x]', stop, [0, 0]]]);
  await episode('outage', 3, { status: 'error', stopReason: 'llm_unavailable', outcome: 'Not scored. The LLM was down.' }, []);

  const report = await core.api.getRunReport('run-nc');
  expect(report.success.overall).toEqual({ total: 2, successes: 1, rate: 0.5 });
  expect([report.infrastructureFailures, report.unscoredEpisodes]).toEqual([1, 1]);
  // The failed episode departed from the solved one at its first step (t = 0), and stopped at its second.
  expect(report.analyses.failed.keyDecision).toMatchObject({ t: 0, type: 'semantic_deviation' });
  expect(report.heatmap).toMatchObject({ K: 2, maxT: 1 });

  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  try {
    expect(await analyzeCommand(parseArgs(['analyze', 'run-nc']), core)).toBe(0);
  } finally {
    spy.mockRestore();
  }
  const failedLine = lines.find((l) => l.startsWith('  failed '));
  expect(failedLine).toContain('; key step 1 (semantic_deviation): The agent stopped at step 2');
  expect(lines).toContain('Subgoal heatmap: K=2, steps 1–2 (see the run report page).');
  expect(lines).toContain('  not counted: 1 finished episode that could not be scored');
});

it('takes references from other runs only for the same instruction when episodes draw their own (MiniWoB++ seeds)', { timeout: 120_000 }, async () => {
  const run = (id: string) => core.store.runs.create({ id, kind: 'eval', config: { policy: 'hand', taskIds: [TASK] }, status: 'finished', createdAt: '2026-01-02T00:00:00Z' });
  await run('run-ref');
  await run('run-seeded');
  const solved = { success: true, score: 1, stopReason: 'task_done' as const };
  // Another run solved two seeds: one told to click "7", one told to click "5".
  await episode('ref-7', 4, solved, [['click [7]', { type: 'click', elementId: '7' }, [1, 1]]], 'run-ref', 'Click "7".');
  await episode('ref-5', 5, solved, [['click [5]', { type: 'click', elementId: '5' }, [1, 1]]], 'run-ref', 'Click "5".');
  // This run's seed was told to click "5" and clicked "9".
  await episode('seeded-fail', 6, { success: false, score: 0, stopReason: 'task_done' }, [['click [9]', { type: 'click', elementId: '9' }, [0, 0]]], 'run-seeded', 'Click "5".');
  const report = await core.api.getRunReport('run-seeded');
  expect(report.analyses['seeded-fail']).toMatchObject({ references: 1, keyDecision: { t: 0, type: 'semantic_deviation' } });
  expect(report.analyses['seeded-fail'].keyDecision?.explanation).toContain('references chose click [5]');
});
