import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../../../main/api/schemas';

// The critic-fit API's arguments (issue 17) are checked at the boundary, with the reason in the error.
describe('critic fit requests', () => {
  it('accepts run ids with an optional seed, and an optional run id for the list', () => {
    expect(validateRequest('startCriticFit', [{ runIds: ['a', 'b'], seed: 3 }])).toEqual([{ runIds: ['a', 'b'], seed: 3 }]);
    expect(validateRequest('listCriticFits', [])).toEqual([]);
    expect(validateRequest('listCriticFits', ['run-1'])).toEqual(['run-1']);
    expect(validateRequest('getEpisodeCritics', ['ep-1'])).toEqual(['ep-1']);
    expect(validateRequest('cancelCriticFit', ['fit-1'])).toEqual(['fit-1']);
    expect(validateRequest('startCriticFit', [{ runIds: ['a'], maxEpochs: 50, patience: 10 }])).toEqual([{ runIds: ['a'], maxEpochs: 50, patience: 10 }]);
  });

  it('refuses no runs, a wrong seed, unknown fields and a missing episode id, saying why', () => {
    expect(() => validateRequest('startCriticFit', [{ runIds: [] }])).toThrow('startCriticFit: argument 0.runIds: runIds must name at least one run');
    expect(() => validateRequest('startCriticFit', [{ runIds: 'a' }])).toThrow(/argument 0\.runIds: runIds must be a list of run ids/);
    expect(() => validateRequest('startCriticFit', [{ runIds: ['a'], seed: 1.5 }])).toThrow(/argument 0\.seed/);
    expect(() => validateRequest('startCriticFit', [{ runIds: ['a'], epochs: 3 }])).toThrow(/epochs/);
    expect(() => validateRequest('getEpisodeCritics', [])).toThrow(/^getEpisodeCritics: arguments: /);
    expect(() => validateRequest('cancelCriticFit', [''])).toThrow(/^cancelCriticFit: argument 0/);
    expect(() => validateRequest('startCriticFit', [{ runIds: ['a'], maxEpochs: 0 }])).toThrow(/argument 0\.maxEpochs/);
    expect(() => validateRequest('startCriticFit', [{ runIds: ['a'], patience: 2.5 }])).toThrow(/argument 0\.patience/);
  });
});
