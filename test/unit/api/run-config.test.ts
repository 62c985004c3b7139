import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../../main/api/run-config';

// The stored run config (runs.config) is parsed when a run is read back to resume it (issue 19). Every shape
// the workbench ever wrote must still parse; a malformed one is refused with the run and the fields named.
const run = (config: Record<string, unknown>) => ({ id: 'run-1', config });

describe('parseRunConfig', () => {
  it('parses a config as runs write it today', () => {
    const config = {
      policy: 'sgo', seed: 3, seedsPerTask: 2, grammar: 'webrl', observationFormat: 'webrl-html',
      stopRules: { maxSteps: 30, maxParseFailures: 3, maxRepeatedActions: 3 },
      scheduler: { concurrency: 2, episodeTimeoutMs: 600_000, infraRetries: 2 }, miniwobSuccess: 'miniwob', taskIds: ['a', 'b'],
      llm: { provider: 'openai-compatible', model: 'qwen', thinkingBudget: 'off' }, sgo: { subgoalSetId: 4 }, promptVersion: 2,
      checkpoint: '/data/training/job/full/phase-1.json', fork: { episodeId: 'e1', step: 3 }, capture: 'first-last',
    };
    expect(parseRunConfig(run(config))).toEqual(config);
  });

  it('parses the legacy configs of older databases: policy, seed and task ids only, or without a seed', () => {
    // The first runs stored { policy, seed, taskIds }; the next added the grammar (main/runs/run-tasks.ts history).
    expect(parseRunConfig(run({ policy: 'oracle', seed: 0, taskIds: ['shop-1'] }))).toEqual({ policy: 'oracle', seed: 0, taskIds: ['shop-1'] });
    expect(parseRunConfig(run({ policy: 'oracle', seed: 5, grammar: 'webarena', taskIds: ['shop-1'] })).grammar).toBe('webarena');
    expect(parseRunConfig(run({ policy: 'react', taskIds: ['t'] })).seed).toBe(0);
  });

  it("keeps fields it does not know (a newer workbench's) and reads a training job's rollout run", () => {
    const config = {
      policy: 'local', taskIds: ['t'], seed: 100_000, phase: 1, capture: 'low', futureField: { x: 1 },
      training: { jobId: 'job-1', variant: 'full', seed: 1, stage: 'rollout' },
    };
    expect(parseRunConfig(run(config))).toEqual(config);
  });

  it('refuses a malformed config with the run and every bad field named', () => {
    expect(() => parseRunConfig(run({}))).toThrow(/^Run run-1 has a malformed stored config \(policy: .*; taskIds: .*\); it cannot be resumed\.$/);
    expect(() => parseRunConfig(run({ policy: 'oracle', taskIds: [] }))).toThrow(/taskIds: lists no tasks/);
    expect(() => parseRunConfig(run({ policy: 'oracle', taskIds: ['t'], grammar: 'lisp', scheduler: { concurrency: 0 } })))
      .toThrow(/grammar: .*; scheduler\.concurrency: /);
    expect(() => parseRunConfig(run({ policy: 'oracle', taskIds: ['t'], fork: { episodeId: 'e' } }))).toThrow(/fork\.step/);
  });
});
