import { describe, expect, it } from 'vitest';
import { reliabilityDiagram } from '../../../../main/training/critics/calibration';

// V's reliability diagram and ECE (issue 17), worked by hand.
describe('reliabilityDiagram', () => {
  it('bins six predictions into five bins and weighs each bin\'s gap by its share (hand-worked ECE)', () => {
    // Bins of width 0.2: [0, .2) holds 0.1 (fail); [.2, .4) holds 0.2 (success) and 0.35 (fail);
    // [.6, .8) holds 0.7 (success); [.8, 1] holds 0.8 (success) and 0.9 (fail).
    // ECE = 1/6·|0 − .1| + 2/6·|.5 − .275| + 1/6·|1 − .7| + 2/6·|.5 − .85| = (.1 + .45 + .3 + .7) / 6 = 0.258333…
    const d = reliabilityDiagram([0.1, 0.2, 0.7, 0.8, 0.9, 0.35], [0, 1, 1, 1, 0, 0], 5);
    expect(d.n).toBe(6);
    expect(d.bins.map((b) => b.count)).toEqual([1, 2, 0, 1, 2]);
    expect(d.bins.map((b) => [b.lo, b.hi])).toEqual([[0, 0.2], [0.2, 0.4], [0.4, 0.6], [0.6, 0.8], [0.8, 1]]);
    expect(d.bins[1].meanPredicted).toBeCloseTo(0.275, 12);
    expect(d.bins[1].observedRate).toBe(0.5);
    expect(d.bins[2]).toMatchObject({ count: 0, meanPredicted: null, observedRate: null });
    expect(d.bins[4].meanPredicted).toBeCloseTo(0.85, 12);
    expect(d.ece).toBeCloseTo(1.55 / 6, 12);
  });

  it('puts a prediction of exactly 1 in the last bin and scores a perfectly calibrated set 0', () => {
    const d = reliabilityDiagram([1, 1, 0, 0.05], [1, 1, 0, 0], 10);
    expect(d.bins[9]).toMatchObject({ count: 2, meanPredicted: 1, observedRate: 1 });
    expect(d.bins[0].count).toBe(2);
    expect(d.bins[0].meanPredicted).toBeCloseTo(0.025, 12);
    expect(d.ece).toBeCloseTo(0.5 * 0.025, 12);
  });

  it('has no ECE without predictions and refuses malformed input with the reason', () => {
    expect(reliabilityDiagram([], [], 4)).toMatchObject({ n: 0, ece: null });
    expect(() => reliabilityDiagram([0.5], [1, 0])).toThrow(/1 predictions but 2 outcomes/);
    expect(() => reliabilityDiagram([1.5], [1])).toThrow(/prediction 0 is 1.5, not in \[0, 1\]/);
    expect(() => reliabilityDiagram([0.5], [0.5])).toThrow(/outcome 0 is 0.5, not 0 or 1/);
    expect(() => reliabilityDiagram([0.5], [1], 0)).toThrow(/binCount must be a positive integer/);
  });
});
