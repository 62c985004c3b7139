import { describe, expect, it } from 'vitest';
import { analyzeFailure, buildRunReport } from '../../../main/analysis/run-report';
import { click, episode, page, progressEpisode, scroll, stop } from './build';

const NOW = new Date('2026-11-22T12:00:00Z');
// Task A: a success (the reference) and a failure that deviates at step 1 and stops wrongly.
const successA = episode({ taskId: 'A', site: 'shopping', success: true, steps: [['/', click('1')], ['/c', click('5')], ['/p', stop('42')]] });
const failA = episode({ taskId: 'A', site: 'shopping', steps: [['/', click('1')], ['/c', click('9')], ['/q', stop('7')]] });
// Task B: a failure that loops (scrolls down 4 times) until the step limit; no reference.
const failB = episode({ taskId: 'B', site: 'reddit', stopReason: 'max_steps', steps: [['/', click('2')], ['/f', scroll()], ['/f', scroll()], ['/f', scroll()], ['/f', scroll()]] });
const successB = episode({ taskId: 'B', site: 'reddit', success: true, steps: [['/', click('2')], ['/f', stop('ok')]] });

describe('analyzeFailure', () => {
  it('classifies and finds the key decision step against references of the same task', () => {
    const a = analyzeFailure(failA, [successA, successB], {}, NOW);
    expect(a).toMatchObject({ category: 'wrong_termination', references: 1, analyzedAt: '2026-11-22T12:00:00.000Z' });
    expect(a.keyDecision).toMatchObject({ t: 1, type: 'semantic_deviation' });
  });

  it('takes references only from the same instance when episodes draw their own instruction (MiniWoB++ seeds)', () => {
    // One task, two seeds with different instructions: the seed that was told to click "7" and did so is no
    // reference for the one told to click "5" (which clicked "9"); a success with its own instruction is.
    const told = (instruction: string, ep: ReturnType<typeof episode>) => ({ ...ep, instruction });
    const failed = told('Click "5".', episode({ taskId: 'M', stopReason: 'task_done', steps: [['/', click('9')]] }));
    const otherSeed = told('Click "7".', episode({ taskId: 'M', success: true, stopReason: 'task_done', steps: [['/', click('7')]] }));
    const sameSeed = told('Click "5".', episode({ taskId: 'M', success: true, stopReason: 'task_done', steps: [['/', click('5')]] }));
    expect(analyzeFailure(failed, [otherSeed], {}, NOW)).toMatchObject({ references: 0, keyDecision: null });
    const a = analyzeFailure(failed, [otherSeed, sameSeed], {}, NOW);
    expect(a.references).toBe(1);
    expect(a.keyDecision).toMatchObject({ t: 0, type: 'semantic_deviation' });
    expect(a.keyDecision?.explanation).toContain('references chose click [5]');
    // Episodes without an instruction of their own (the task's intent) still pair as before.
    expect(analyzeFailure(failA, [successA], {}, NOW).references).toBe(1);
  });

  it('marks a looping episode stuck midway with the loop onset as key step', () => {
    const b = analyzeFailure(failB, [], {}, NOW);
    expect(b.category).toBe('stuck_midway');
    expect(b.evidenceSteps).toEqual([1, 2, 3, 4]); // the whole identical tail (at least N = 3 long)
    expect(b.keyDecision).toMatchObject({ t: 1, type: 'loop_onset' });
  });
});

describe('buildRunReport', () => {
  it('counts successes per site, failure modes, key decisions and pass@k', () => {
    const report = buildRunReport(
      [
        { id: 'sa', episode: successA },
        { id: 'fa', episode: failA },
        { id: 'fb', episode: failB },
        { id: 'sb', episode: successB },
      ],
      [],
      NOW,
    );
    expect(report.episodes).toBe(4);
    expect(report.success.overall).toEqual({ total: 4, successes: 2, rate: 0.5 });
    expect(report.success.perSite).toEqual([
      { site: 'reddit', total: 2, successes: 1, rate: 0.5 },
      { site: 'shopping', total: 2, successes: 1, rate: 0.5 },
    ]);
    expect(report.failureModes?.counts).toEqual({ wrong_termination: 1, stuck_midway: 1, no_reasonable_attempt: 0, others: 0 });
    expect(Object.keys(report.analyses).sort()).toEqual(['fa', 'fb']);
    // Task B's success (in this run) is a reference for its failure: the deviation at t=1 (scroll vs stop)
    // and the loop onset at t=1 tie, and the loop onset wins the tie.
    expect(report.keyDecisions).toEqual({ semantic_deviation: 1, loop_onset: 1, value_drop: 0, none: 0 });
    // Each task: n = 2, c = 1. pass@1 = 1/2; pass@2 = 1 − C(1,2)/C(2,2) = 1 − 0/1 = 1. k = 4, 8 exceed n.
    expect(report.passAtK).toEqual([
      { k: 1, value: 0.5, tasks: 2 },
      { k: 2, value: 1, tasks: 2 },
    ]);
    expect(report.heatmap).toBeNull();
    expect(report.subgoalQuality).toEqual({
      available: false,
      reason: 'No episode of this run recorded subgoal progress (its policy kept no subgoals), so there is nothing to compare with the outcomes.',
    });
  });

  it('adds the subgoal heatmap when every episode recorded progress', () => {
    const withProgress = (e: typeof successB, progress: number[][]) => ({ ...e, progress });
    const report = buildRunReport([
      { id: 's', episode: withProgress(successB, [[0, 0], [1, 1]]) },
      { id: 'f', episode: withProgress(failA, [[0, 0], [1, 0], [1, 0]]) },
    ]);
    // P(subgoal 1 done by t): t=0: 0/2, t=1: 2/2, t=2: 2/2 (success carried forward); subgoal 2: 0, 1/2, 1/2.
    expect(report.heatmap).toEqual({ K: 2, maxT: 2, cells: [[0, 1, 1], [0, 0.5, 0.5]] });
  });

  it('counts a scored episode that took no step as having reached no subgoal, keeping the heatmap', () => {
    // K = 2. s: success, 2 steps, [1,0] then [1,1]; z: failed before its first step (no vector at all);
    // f: failed after 1 step with [1,0]. maxT = 1 (s's last step index); every episode counts in every column:
    //   subgoal 1: t=0: s, f → 2/3; t=1: s, f (carried) → 2/3.   subgoal 2: t=0: 0/3; t=1: s → 1/3.
    const s = progressEpisode(true, [[1, 0], [1, 1]]);
    const z = episode({ steps: [], stopReason: 'max_steps' });
    const f = progressEpisode(false, [[1, 0]]);
    const report = buildRunReport([{ id: 's', episode: s }, { id: 'z', episode: z }, { id: 'f', episode: f }], [], NOW);
    expect(report.heatmap).toEqual({ K: 2, maxT: 1, cells: [[2 / 3, 2 / 3], [0, 1 / 3]] });
    // The same three in the subgoal quality: completed 2 (success), 0 and 1 (failed). P = R = F1 = 1 (only s
    // completed both); AUROC: s's 1.0 beats 0 and 0.5 → 2/2 = 1; τ-b: pairs (s,z), (s,f) concordant, (z,f)
    // tied in success → (2 − 0) / √((3 − 0)(3 − 1)) = 2/√6.
    expect(report.subgoalQuality.available).toBe(true);
    const stats = report.subgoalQuality.available ? Object.fromEntries(report.subgoalQuality.stats.map((x) => [x.key, x.value])) : {};
    expect(stats).toMatchObject({ precision: 1, recall: 1, f1: 1, auroc: 1 });
    expect(stats.kendallTauB).toBeCloseTo(2 / Math.sqrt(6), 12);
  });

  it('renders without the heatmap when an episode changed K mid-way (a re-plan recorded before issue 21)', () => {
    const withProgress = (e: typeof successB, progress: number[][]) => ({ ...e, progress });
    const report = buildRunReport([
      { id: 's', episode: withProgress(successB, [[0, 0, 0], [1, 1, 1]]) },
      { id: 'f', episode: withProgress(failA, [[0, 0, 0], [1, 0, 0], [1, 0]]) },
    ]);
    expect(report.heatmap).toBeNull();
    expect(report.subgoalQuality).toEqual({ available: false, reason: 'The episodes recorded different numbers of subgoals (K = 2, 3), so their completion cannot be compared.' });
    expect(report.success.overall).toEqual({ total: 2, successes: 1, rate: 0.5 });
  });

  it('refuses an empty run', () => {
    expect(() => buildRunReport([])).toThrow('buildRunReport: the run has no scored episodes.');
  });
});
