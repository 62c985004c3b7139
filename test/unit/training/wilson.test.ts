import { describe, expect, it } from 'vitest';
import { normalQuantileTwoSided, wilsonInterval } from '../../../main/training/study/wilson';

describe('Wilson score interval', () => {
  it('uses the standard normal quantiles', () => {
    expect(normalQuantileTwoSided(0.95)).toBeCloseTo(1.959964, 6);
    expect(normalQuantileTwoSided(0.9)).toBeCloseTo(1.644854, 6);
    expect(normalQuantileTwoSided(0.99)).toBeCloseTo(2.575829, 6);
  });

  it('matches hand-worked intervals', () => {
    // 0/10 at 95%: [0, z²/(n + z²)] = [0, 3.841459/13.841459] = [0, 0.277533].
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.277533, 6);
    // 3/10: p̂ = .3, z²/n = .3841459; centre = (.3 + .1920730)/1.3841459 = .355507;
    // half = (1.959964/1.3841459)·√(.021 + .0096036) = 1.416010·.174939 = .247715 → [.107791, .603222].
    const three = wilsonInterval(3, 10);
    expect(three.low).toBeCloseTo(0.107791, 5);
    expect(three.high).toBeCloseTo(0.603222, 5);
    // 1/1: [1/(1 + z²), 1] = [1/4.841459, 1] = [0.206549, 1].
    expect(wilsonInterval(1, 1).low).toBeCloseTo(0.206549, 6);
    expect(wilsonInterval(1, 1).high).toBe(1);
  });

  it('refuses what is not a proportion', () => {
    expect(() => wilsonInterval(1, 0)).toThrow(/n must be a positive number/);
    expect(() => wilsonInterval(11, 10)).toThrow(/successes must lie in \[0, n = 10\]/);
    expect(() => normalQuantileTwoSided(1)).toThrow(/level must lie in \(0, 1\)/);
  });
});
