import { describe, expect, it } from 'vitest';
import { pageKey } from '../../../renderer/src/components/use-route-focus';
import { parseRoute } from '../../../renderer/src/stores/route';

// After a page change the new page's heading takes the keyboard focus (use-route-focus.ts); moving within a
// page must not, or stepping through an episode with ←/→ would pull the focus off the filmstrip on every key.
const key = (hash: string) => pageKey(parseRoute(hash));

describe('pageKey', () => {
  it('is the same for every step of one episode, and differs between episodes', () => {
    expect(key('#/episode/e1/step/0')).toBe(key('#/episode/e1/step/41'));
    expect(key('#/episode/e1/step/0')).not.toBe(key('#/episode/e2/step/0'));
  });
  it('is the same while a side list picks a prompt or a task', () => {
    expect(key('#/prompts/autorater')).toBe(key('#/prompts/policy-react'));
    expect(key('#/prompts')).toBe(key('#/prompts/analyzer'));
    expect(key('#/subgoals/sandbox%2Fshop%2Fcheckout%2F0')).toBe(key('#/subgoals/sandbox%2Fshop%2Fcart%2F1?v=2'));
  });
  it('differs between sections, between runs, and between compared pairs', () => {
    const keys = ['#/', '#/tasks', '#/runs', '#/run/r1', '#/run/r2', '#/settings', '#/training', '#/compare/a/b/step/0', '#/compare/a/c/step/0', '#/compare-runs/r1/r2'].map(key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(key('#/compare/a/b/step/0')).toBe(key('#/compare/a/b/step/7'));
  });
});
