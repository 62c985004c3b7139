import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../../main/api/schemas';
import { testSplitRun } from '../../../renderer/src/features/training/test-split-run';

// The training audit of 2026-12-05: "Run on the test split" sent no stop rules, so its episodes ran up to 30 steps
// where the phase's own evaluation stopped at 20; its SR did not compare with the phase's.
describe('testSplitRun', () => {
  it('runs the checkpoint on the test split under the stop rules of the phase\'s evaluation, and says so', () => {
    const rules = { maxSteps: 20, maxParseFailures: 3, maxRepeatedActions: 3 };
    const run = testSplitRun({ testTaskIds: ['sandbox/a/0', 'sandbox/a/5'], evaluationStopRules: rules }, { checkpoint: '/d/training/j/full/phase-1.json' });
    expect(run.request).toEqual({ taskIds: ['sandbox/a/0', 'sandbox/a/5'], policy: 'local', checkpoint: '/d/training/j/full/phase-1.json', stopRules: rules });
    expect(run.limit).toBe("at most 20 steps per episode, as in the phase's test evaluation");
  });

  it('says when an older record kept no evaluation limits (the run then takes the default rules)', () => {
    const run = testSplitRun({ testTaskIds: ['sandbox/a/0'] }, { checkpoint: 'c.json' });
    expect(run.request).toEqual({ taskIds: ['sandbox/a/0'], policy: 'local', checkpoint: 'c.json' });
    expect(run.limit).toMatch(/default stop rules .* may not compare/);
  });
});

describe('startRun stop rules over the API', () => {
  it('are accepted whole, and a bad limit or a stray field is refused, saying where', () => {
    const rules = { maxSteps: 20, maxParseFailures: 3, maxRepeatedActions: 3 };
    expect(validateRequest('startRun', [{ taskIds: ['t'], policy: 'oracle', stopRules: rules }])).toEqual([{ taskIds: ['t'], policy: 'oracle', stopRules: rules }]);
    expect(() => validateRequest('startRun', [{ taskIds: ['t'], policy: 'oracle', stopRules: { ...rules, maxSteps: 0 } }])).toThrow(/argument 0\.stopRules\.maxSteps/);
    expect(() => validateRequest('startRun', [{ taskIds: ['t'], policy: 'oracle', stopRules: { ...rules, reference: 'webarena' } }])).toThrow(/stopRules/);
    expect(() => validateRequest('startRun', [{ taskIds: ['t'], policy: 'oracle', stopRules: { maxSteps: 20 } }])).toThrow(/stopRules\.maxParseFailures/);
  });
});
