import { describe, expect, it } from 'vitest';
import { completedCount, cumulativeDone } from '../../../main/analysis/progress';
import { progressEpisode } from './build';

describe('cumulativeDone / completedCount', () => {
  it('marks a subgoal done from the first step it is 1, even if a later vector resets it', () => {
    // [0,1,0] [1,0,0] [0,0,0]: subgoal 1 done at t0, subgoal 0 at t1; the reset at t2 is ignored.
    const ep = progressEpisode(false, [[0, 1, 0], [1, 0, 0], [0, 0, 0]]);
    expect(cumulativeDone(ep, 3)).toEqual([
      [false, true, false],
      [true, true, false],
      [true, true, false],
    ]);
    expect(completedCount(ep, 3)).toBe(2);
  });

  it('counts 0 for an episode with no steps, and errors on missing progress', () => {
    expect(completedCount(progressEpisode(true, []), 4)).toBe(0);
    const bare = { ...progressEpisode(true, []), progress: undefined };
    expect(() => completedCount(bare, 4)).toThrow(/completedCount: episode of task task-1 has no progress vectors/);
    expect(() => cumulativeDone(progressEpisode(true, [[1]]), 1.5)).toThrow(/K must be an integer >= 1, got 1.5/);
  });
});
