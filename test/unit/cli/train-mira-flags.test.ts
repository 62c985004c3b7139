import { describe, expect, it, vi } from 'vitest';
import type { TrainingRequest } from '../../../main/api/training-types';
import { parseArgs } from '../../../main/cli/args';
import { checkCommandLine, switchesOf } from '../../../main/cli/flag-check';
import { miraFlags, trainCommand } from '../../../main/cli/train-command';
import { checkTrainingRequest } from '../../../main/cli/train-request-check';
import type { Core } from '../../../main/core';
import { usageRefusal } from '../../helpers/usage-refusal';

// `train`'s MiRA flags (docs/design/MIRA.md §6): each sets one value of the job's overrides, checked by the API's
// own schema before the job starts, naming the flag the user typed.
const trainArgs = (...flags: string[]) => {
  const args = parseArgs(['train', ...flags], switchesOf('train'));
  checkCommandLine(args);
  return args;
};
const base: TrainingRequest = { variants: ['full'], families: ['shop/add-to-cart'], phases: 2, instancesPerFamily: 10, seed: 1 };
const refusal = (...flags: string[]) => usageRefusal(() => {
  const args = trainArgs(...flags);
  checkTrainingRequest(args, { ...base, overrides: miraFlags(args) });
});

describe('train MiRA flags', () => {
  it('turn into the request overrides, only those given', () => {
    expect(miraFlags(trainArgs())).toBeUndefined();
    expect(miraFlags(trainArgs('--alpha', '0.5', '--lambda', '0.7', '--gamma', '0.95', '--beta', '0.2'))).toEqual({ alpha: 0.5, lambda: 0.7, gamma: 0.95, beta: 0.2 });
    expect(miraFlags(trainArgs('--return', 'raw', '--perplexity-band', '1.1,3', '--curriculum-band', '0.1, 0.9', '--replay-cap', '1', '--critic-held-out', '0.3', '--no-perplexity-filter'))).toEqual({
      returnKind: 'raw', perplexityBounds: [1.1, 3], curriculumBand: [0.1, 0.9], replayCapRatio: 1, criticHeldOut: 0.3, perplexityFilter: false,
    });
  });

  it('refuses β = 0 and other out-of-range values, naming the flag and its range', () => {
    expect(refusal('--beta', '0')).toBe('--beta must be a number above 0 and at most 100, not 0.');
    expect(refusal('--lambda', '1.5', '--alpha', '-1')).toBe('--alpha must be a number from 0 to 10, not -1; --lambda must be a number from 0 to 1, not 1.5.');
    expect(refusal('--return', 'discounted')).toBe('--return "discounted": returnKind must be shaped or raw.');
    expect(refusal('--curriculum-band', '0.8,0.2')).toBe('--curriculum-band "0.8,0.2": the low end (0.8) must not exceed the high end (0.2).');
    expect(refusal('--perplexity-band', '0.5,2')).toBe('--perplexity-band "0.5,2": both ends must lie in [1, 10000].');
    expect(refusal('--curriculum-band', '0.1')).toBe('--curriculum-band must be two numbers lo,hi, not "0.1".');
    expect(refusal('--alpha', 'high')).toBe('--alpha must be a number, not "high".');
    expect(refusal('--no-perplexity-filter=yes')).toContain('--no-perplexity-filter takes no value, not "yes"');
  });

  it('reach the job the core starts', async () => {
    let started: TrainingRequest | undefined;
    const core = {
      catalog: null,
      events: { subscribe: () => () => {} },
      api: { startTraining: async (request: TrainingRequest) => { started = request; throw new Error('not starting in a unit test'); } },
    } as unknown as Core;
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await expect(trainCommand(trainArgs('--families', 'shop/add-to-cart', '--alpha', '0.6', '--beta', '0.05', '--tasks-per-phase', '4'), core)).rejects.toThrow('not starting in a unit test');
    expect(started?.overrides).toEqual({ alpha: 0.6, beta: 0.05 });
    expect(started?.budget).toEqual({ tasksPerPhase: 4 });
    expect(log.mock.calls[0]?.[0]).toContain('; MiRA settings α 0.6, β 0.05');
    log.mockRestore();
  });
});
