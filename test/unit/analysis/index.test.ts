import { describe, expect, it } from 'vitest';
import * as analysis from '../../../main/analysis/index';
import { classifyFailure } from '../../../main/analysis/failure-modes';
import { passAtK } from '../../../main/analysis/pass-at-k';

describe('main/analysis index', () => {
  it('re-exports the same functions as the modules, usable end to end', () => {
    expect(analysis.classifyFailure).toBe(classifyFailure);
    expect(analysis.passAtK).toBe(passAtK);
    // n = 4, c = 1, k = 2 through the barrel: 1 − C(3,2)/C(4,2) = 1 − 3/6 = 0.5
    expect(analysis.passAtK(4, 1, 2)).toBeCloseTo(0.5, 12);
    const exported = Object.keys(analysis).sort();
    for (const name of ['findKeyDecisionStep', 'meanPassAtK', 'subgoalHeatmap', 'subgoalQuality', 'successRates', 'failureModeDistribution', 'toAnalyzedEpisode', 'actionKey']) {
      expect(exported).toContain(name);
    }
  });
});
