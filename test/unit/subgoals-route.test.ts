import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../renderer/src/stores/route';

// Issue 21: the replay lane's "edit" opens the task's subgoals at the version the episode used.
describe('the Subgoals route', () => {
  it('carries a task id with slashes and an optional version both ways', () => {
    const route = { view: 'subgoals' as const, taskId: 'sandbox/shop/add-to-cart/0', version: 3 };
    const hash = formatRoute(route);
    expect(hash).toBe('#/subgoals/sandbox%2Fshop%2Fadd-to-cart%2F0?v=3');
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute('#/subgoals/sandbox%2Fshop%2Fadd-to-cart%2F0')).toEqual({ view: 'subgoals', taskId: 'sandbox/shop/add-to-cart/0' });
    expect(parseRoute('#/subgoals')).toEqual({ view: 'subgoals', taskId: null });
    expect(formatRoute({ view: 'subgoals', taskId: 'a/1' })).toBe('#/subgoals/a%2F1');
  });
});
