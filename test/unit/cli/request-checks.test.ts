import { describe, expect, it } from 'vitest';
import { flagNumber, parseArgs } from '../../../main/cli/args';
import { runOptions, schedulerOptions } from '../../../main/cli/run-options';
import { checkResumeOverrides, checkRunRequest } from '../../../main/cli/run-request-check';
import { checkCriticFitRequest, checkTrainingRequest } from '../../../main/cli/train-request-check';
import { runConfigSchema } from '../../../main/api/run-config';
import { MAX_SUBGOALS } from '../../../main/api/subgoal-limits';
import { usageRefusal } from '../../helpers/usage-refusal';

// `run`, `resume` and `train` check their requests with the API's schemas (main/api/schemas.ts) and the stored
// run config's (main/api/run-config.ts) before anything is stored, naming the flag the user typed.
function runRequest(...flags: string[]) {
  const args = parseArgs(['run', ...flags]);
  return { args, request: { taskIds: ['sandbox/shop/x/0'], policy: 'oracle', seed: flagNumber(args, 'seed', 0), ...runOptions(args) } };
}
const runRefusal = (...flags: string[]) => usageRefusal(() => {
  const { args, request } = runRequest(...flags);
  checkRunRequest(args, request);
});

describe('run flags', () => {
  it('refuses scheduler values a stored run could not be resumed with, naming the flag and its range', () => {
    expect(runRefusal('--concurrency', '0')).toBe('--concurrency must be a whole number from 1 to 16, not 0.');
    expect(runRefusal('--concurrency', '-2')).toBe('--concurrency must be a whole number from 1 to 16, not -2.');
    expect(runRefusal('--concurrency', '1.5')).toBe('--concurrency must be a whole number from 1 to 16, not 1.5.');
    expect(runRefusal('--concurrency', '17')).toBe('--concurrency must be a whole number from 1 to 16, not 17.');
    expect(runRefusal('--episode-timeout', '-5')).toBe('--episode-timeout must be a number of seconds ≥ 0.001, not -5.');
    expect(runRefusal('--infra-retries', '1.5')).toBe('--infra-retries must be a whole number ≥ 0, not 1.5.');
    expect(runRefusal('--subgoal-count', '0')).toBe('--subgoal-count must be a whole number from 1 to 20, not 0.');
  });

  it('refuses more milestones per set than a subgoal set may hold (the save check and the AutoRater preview)', () => {
    expect(runRefusal('--subgoal-count', '21')).toBe(`--subgoal-count must be a whole number from 1 to ${MAX_SUBGOALS}, not 21.`);
    const { args, request } = runRequest('--subgoal-count', String(MAX_SUBGOALS));
    expect(() => checkRunRequest(args, request)).not.toThrow();
    // A stored run that asked for more (before this check) still resumes.
    expect(runConfigSchema.safeParse({ ...request, sgo: { subgoalCount: 25 } }).success).toBe(true);
  });

  it('names every wrong flag in one line', () => {
    expect(runRefusal('--replan-after', '0', '--seed', '0.5', '--thinking-budget', '70000')).toBe(
      '--seed must be an integer, not 0.5; --thinking-budget must be a whole number from 0 to 65536, dynamic or off, not 70000; ' +
        '--replan-after must be a whole number ≥ 1, not 0.',
    );
    expect(runRefusal('--max-steps', '-1')).toBe('--max-steps: Stop rule maxSteps must be a positive integer, not -1.');
    expect(runRefusal('--stop-rules', 'lite')).toBe('--stop-rules: Unknown stop rules "lite"; choose one of webarena, vab-lite.');
  });

  it('accepts good values, and what it accepts is a config resume can read back', () => {
    const { args, request } = runRequest('--concurrency', '16', '--episode-timeout', '1.5', '--infra-retries', '0', '--subgoal-count', '3');
    expect(() => checkRunRequest(args, request)).not.toThrow();
    expect(request.scheduler).toEqual({ concurrency: 16, episodeTimeoutMs: 1500, infraRetries: 0 });
    expect(runConfigSchema.safeParse(request).success).toBe(true);
  });

  it('checks resume’s overrides by the same rules', () => {
    const resume = (...flags: string[]) => {
      const args = parseArgs(['resume', 'abc', ...flags]);
      checkResumeOverrides(args, schedulerOptions(args));
    };
    expect(usageRefusal(() => resume('--concurrency', '0'))).toBe('--concurrency must be a whole number from 1 to 16, not 0.');
    expect(usageRefusal(() => resume('--infra-retries', '-1'))).toBe('--infra-retries must be a whole number ≥ 0, not -1.');
    expect(() => resume('--concurrency', '4', '--episode-timeout', '30')).not.toThrow();
  });
});

describe('train flags', () => {
  const base = { variants: ['full' as const], families: ['shop/add-to-cart'], phases: 2, instancesPerFamily: 10, seed: 1, budget: {} };

  it('refuses values startTraining refuses, naming each flag', () => {
    const args = parseArgs(['train', '--phases', '-1', '--parallel-variants', '0', '--rollouts', '0', '--train-instances', '0', '--families', 'shop/a,shop/a']);
    const request = { ...base, phases: -1, parallelVariants: 0, budget: { rolloutsPerTask: 0 }, instancesPerFamily: 0, families: ['shop/a', 'shop/a'] };
    expect(usageRefusal(() => checkTrainingRequest(args, request))).toBe(
      '--phases must be a whole number from 0 to 20, not -1; --families "shop/a,shop/a": families must not repeat; ' +
        '--train-instances must be a whole number from 5 to 1000, not 0; --rollouts must be a whole number from 1 to 16, not 0; ' +
        '--parallel-variants must be a whole number from 1 to 7, not 0.',
    );
    expect(() => checkTrainingRequest(parseArgs(['train']), base)).not.toThrow();
  });

  it('checks train critics by startCriticFit’s rules', () => {
    const args = parseArgs(['train', 'critics', '--runs', 'a', '--epochs', '0']);
    expect(usageRefusal(() => checkCriticFitRequest(args, { runIds: ['a'], seed: 1, maxEpochs: 0 }))).toBe('--epochs must be a whole number from 1 to 1000000, not 0.');
  });
});
