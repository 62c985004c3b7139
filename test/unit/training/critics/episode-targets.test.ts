import { describe, expect, it } from 'vitest';
import { episodeTargets, progressFromVerdicts } from '../../../../main/training/critics/episode-targets';

// The critics' targets for recorded episodes of any policy (issue 17; docs/design/MIRA.md §4.2, §4.3), by hand.
// K = 2, T = 4 steps; milestone 1 is seen done after action 1 (state s_2), milestone 2 after action 3 (s_4 = s_T).
const progress = [[0, 0], [1, 0], [1, 0], [1, 1]];

describe('episodeTargets', () => {
  it('labels a successful episode from its steps\' progress vectors: knots (0, 0), (2, 1/2), (4, 1)', () => {
    const t = episodeTargets(true, progress);
    expect(t).toMatchObject({ outcome: 1, source: 'steps', K: 2 });
    expect(t.labels!.map((x) => +x.toFixed(6))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('labels a failed episode flat after its last completed milestone', () => {
    const t = episodeTargets(false, [[0, 0], [1, 0], [1, 0], [1, 0]]);
    expect(t).toMatchObject({ outcome: 0, source: 'steps' });
    expect(t.labels!.map((x) => +x.toFixed(6))).toEqual([0, 0.25, 0.5, 0.5, 0.5]);
  });

  it('labels milestones completed out of their listed order instead of throwing (a whole fit used to fail)', () => {
    // K = 2, T = 2: milestone 2 after action 0, milestone 1 after action 1 → completions at s_1, s_2: [0, 1/2, 1].
    const t = episodeTargets(true, [[0, 1], [1, 1]]);
    expect(t).toMatchObject({ outcome: 1, source: 'steps', K: 2 });
    expect(t.labels!.map((x) => +x.toFixed(6))).toEqual([0, 0.5, 1]);
    // Failed, milestone 1 lost after action 1 and regained: counted once from s_1, flat after: [0, 1/2, 1/2, 1/2, 1/2].
    expect(episodeTargets(false, [[1, 0], [0, 0], [1, 0], [1, 0]]).labels!.map((x) => +x.toFixed(6))).toEqual([0, 0.5, 0.5, 0.5, 0.5]);
  });

  it('carries the milestones over a step stored without a vector (an unparsed reply)', () => {
    // Filled: [0,0], [0,0], [1,0], [1,1] → milestone 1 at s_3: knots (0, 0), (3, 1/2), (4, 1).
    const t = episodeTargets(true, [[0, 0], null, [1, 0], [1, 1]]);
    expect(t.labels!.map((x) => +x.toFixed(6))).toEqual([0, 0.166667, 0.333333, 0.5, 1]);
  });

  it('falls back to the stored verdicts when no step carries a vector (LLM judge or predicates)', () => {
    const verdicts = [
      { t: 0, subgoalIndex: 0, done: false },
      { t: 1, subgoalIndex: 0, done: true },
      { t: 2, subgoalIndex: 1, done: false },
      { t: 3, subgoalIndex: 1, done: true },
      { t: 3, subgoalIndex: 7, done: true }, // outside the set: ignored
    ];
    expect(progressFromVerdicts(verdicts, 4, 2)).toEqual(progress);
    const t = episodeTargets(true, [null, null, null, null], verdicts, 2);
    expect(t).toMatchObject({ outcome: 1, source: 'verdicts', K: 2 });
    expect(t.labels!.map((x) => +x.toFixed(6))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('gives V its outcome target and P none when the episode was judged against no subgoals', () => {
    expect(episodeTargets(false, [null, null])).toEqual({ outcome: 0, labels: null, source: null, K: null });
    expect(episodeTargets(true, [null], [], 3)).toEqual({ outcome: 1, labels: null, source: null, K: null });
    expect(() => episodeTargets(true, [])).toThrow(/at least one step/);
  });
});
