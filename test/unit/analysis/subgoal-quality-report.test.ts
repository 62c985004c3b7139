import { describe, expect, it } from 'vitest';
import { runSubgoalEpisodes } from '../../../main/analysis/run-subgoals';
import { runSubgoalQuality } from '../../../main/analysis/subgoal-quality-report';
import { subgoalQualityLines } from '../../../main/cli/analyze-command';
import { episode, progressEpisode } from './build';

// The hand-worked table of subgoal-quality.test.ts as episodes (K = 4, one step each):
//   completed 4 4 4 3 2 2 1 0, success ✓ ✓ ✗ ✓ ✗ ✓ ✗ ✗ → TP 2, FP 1, FN 2, TN 3;
//   P = 2/3, R = 2/4, F1 = 4/7, AUROC = 12.5/16 = 0.78125, τ-b = 9/√384 ≈ 0.459.
const vector = (done: number) => [0, 1, 2, 3].map((k) => (k < done ? 1 : 0));
const table: Array<[number, boolean]> = [[4, true], [4, true], [4, false], [3, true], [2, false], [2, true], [1, false], [0, false]];
const run = table.map(([done, success]) => progressEpisode(success, [vector(done)]));

describe('runSubgoalQuality (the run report section)', () => {
  it('gives each number of the hand-worked table with its explanation and the sample size', () => {
    const q = runSubgoalQuality(runSubgoalEpisodes(run));
    if (!q.available) throw new Error(q.reason);
    expect([q.K, q.n, q.successes]).toEqual([4, 8, 4]);
    expect(q.sample).toBe('8 scored episodes (4 succeeded, 4 failed), K = 4 subgoals each. With fewer than 20 episodes, one episode more or less can move these numbers a lot.');
    const by = Object.fromEntries(q.stats.map((s) => [s.key, s]));
    expect(by.auroc.value).toBeCloseTo(0.78125, 12);
    expect(by.auroc.explanation).toMatch(/^Take one successful and one failed episode: in 78% of the 16 such pairs the successful one had completed a larger share/);
    expect(by.kendallTauB.value).toBeCloseTo(9 / Math.sqrt(384), 12);
    expect(by.precision.value).toBeCloseTo(2 / 3, 12);
    expect(by.precision.explanation).toBe('Of the 3 episodes that completed all 4 subgoals, 2 succeeded: how far "every subgoal done" can be trusted to mean success.');
    expect(by.recall).toMatchObject({ value: 0.5, explanation: 'Of the 4 successful episodes, 2 had completed all 4 subgoals: how many successes the subgoals follow to the end.' });
    expect(by.f1.value).toBeCloseTo(4 / 7, 12);
    expect(q.byCompleted.map((b) => `${b.completed}:${b.successes}/${b.total}`)).toEqual(['0:0/1', '1:0/1', '2:1/2', '3:1/1', '4:2/3']);
    expect(q.strictlyIncreasing).toBe(false);
    // The CLI prints the same words, values to two decimals.
    const lines = subgoalQualityLines(q);
    expect(lines[0]).toBe(`Subgoal quality (does completing subgoals predict success?) over ${q.sample}`);
    expect(lines).toContain(`  AUROC         0.78  ${by.auroc.explanation}`);
    expect(lines).toContain(`  Kendall τ-b   0.46  ${by.kendallTauB.explanation}`);
    expect(lines).toContain(`  F1            0.57  ${by.f1.explanation}`);
    expect(lines.at(-1)).toBe('  Success by subgoals completed: 0 done 0/1, 1 done 0/1, 2 done 1/2, 3 done 1/1, 4 done 2/3');
  });

  it('says why AUROC, τ-b and recall are undefined when every episode failed', () => {
    // Completed 1 and 3 of K = 3, both failed: P = 0/1 = 0, R undefined (no success), F1 undefined.
    const q = runSubgoalQuality(runSubgoalEpisodes([progressEpisode(false, [[1, 0, 0]]), progressEpisode(false, [[1, 1, 1]])]));
    if (!q.available) throw new Error(q.reason);
    const by = Object.fromEntries(q.stats.map((s) => [s.key, s]));
    expect(by.auroc).toMatchObject({ value: null, explanation: 'Undefined: every episode failed, so there is no successful–failed pair to compare.' });
    expect(by.kendallTauB).toMatchObject({ value: null, explanation: 'Undefined: every episode failed, so there is nothing to rank.' });
    expect(by.precision.value).toBe(0);
    expect(by.recall).toMatchObject({ value: null, explanation: 'Undefined: no episode succeeded.' });
    expect(by.f1).toMatchObject({ value: null, explanation: 'Undefined because precision or recall is.' });
    expect(q.sample).toMatch(/^2 scored episodes \(0 succeeded, 2 failed\), K = 3 subgoals each\./);
    expect(subgoalQualityLines(q)).toContain('  AUROC            —  Undefined: every episode failed, so there is no successful–failed pair to compare.');
  });

  it('says τ-b is undefined when outcomes differ but every episode completed as many subgoals', () => {
    const q = runSubgoalQuality(runSubgoalEpisodes([progressEpisode(true, [[1, 0]]), progressEpisode(false, [[1, 0]])]));
    if (!q.available) throw new Error(q.reason);
    const by = Object.fromEntries(q.stats.map((s) => [s.key, s]));
    // One positive and one negative at the same score: AUROC = 0.5 (a tie), τ-b has a constant x.
    expect(by.auroc.value).toBe(0.5);
    expect(by.kendallTauB).toMatchObject({ value: null, explanation: 'Undefined: every episode completed the same number of subgoals (1 of 2), so there is nothing to rank.' });
    expect(by.precision).toMatchObject({ value: null, explanation: 'Undefined: no episode completed all 2 subgoals.' });
  });

  it('is absent, with the reason, when the run kept no subgoals or an episode with steps recorded none', () => {
    const plain = episode({ success: true, steps: [['/', null]] });
    expect(runSubgoalQuality(runSubgoalEpisodes([plain]))).toEqual({
      available: false,
      reason: 'No episode of this run recorded subgoal progress (its policy kept no subgoals), so there is nothing to compare with the outcomes.',
    });
    expect(runSubgoalQuality(runSubgoalEpisodes([progressEpisode(true, [[1]]), plain]))).toEqual({
      available: false,
      reason: "1 scored episode of 2 took steps but recorded no subgoal progress, so the run's subgoal completion is not known for every episode.",
    });
    expect(runSubgoalQuality(runSubgoalEpisodes([episode({ steps: [] })]))).toEqual({
      available: false,
      reason: 'Every scored episode ended before its first step, so none recorded subgoal progress.',
    });
    expect(subgoalQualityLines({ available: false, reason: 'Why.' })).toEqual(['Subgoal quality: not available. Why.']);
  });
});
