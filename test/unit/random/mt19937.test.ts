import { describe, expect, it } from 'vitest';
import { legacyRandint, Mt19937 } from '../../../main/random/mt19937';

// BrowserGym seeds MiniWoB++ pages with numpy's legacy RandomState (docs/design/WEBARENA.md §5). The expected
// numbers are the published MT19937 reference outputs, hand-worked masking steps, and values printed by numpy
// 2.4.6's RandomState on this machine (python3 -c "import numpy as np; ...").
const draws = (rng: Mt19937, n: number) => Array.from({ length: n }, () => rng.nextUint32());

describe('Mt19937', () => {
  it('gives the reference outputs of init_genrand(5489): 3499211612, 581869302, …', () => {
    expect(draws(new Mt19937(5489), 5)).toEqual([3499211612, 581869302, 3890346734, 3586334585, 545404204]);
  });

  it('gives 4123659995 as the 10000th output for seed 5489 (the value C++ requires of std::mt19937)', () => {
    expect(draws(new Mt19937(5489), 10_000)[9_999]).toBe(4123659995);
  });

  it('matches numpy RandomState(0) and RandomState(4) raw 32-bit outputs', () => {
    expect(draws(new Mt19937(0), 3)).toEqual([2357136044, 2546248239, 3071714933]);
    expect(draws(new Mt19937(4), 3)).toEqual([4153361530, 3868139694, 2350344631]);
  });

  it('takes numpy\'s seed range only: integers 0 … 2^32−1', () => {
    expect(() => new Mt19937(-1)).toThrow(/0 … 4294967295/);
    expect(() => new Mt19937(2 ** 32)).toThrow(/0 … 4294967295/);
    expect(() => new Mt19937(1.5)).toThrow(/0 … 4294967295/);
    expect(() => new Mt19937(2 ** 32 - 1)).not.toThrow();
  });
});

describe('legacyRandint (numpy RandomState.randint, masked rejection)', () => {
  it('seed 5489: 3499211612 & 0xFFFFF = 3499211612 − 3337·2^20 = 113500 ≤ 999999, kept', () => {
    expect(legacyRandint(new Mt19937(5489), 0, 1_000_000)).toBe(113500);
  });

  it('seed 4: 4153361530 & 0xFFFFF = 1000570 > 999999 is rejected; 3868139694 & 0xFFFFF = 991406 is kept', () => {
    const rng = new Mt19937(4);
    expect(legacyRandint(rng, 0, 1_000_000)).toBe(991406);
    // Both draws were used: the next value is the third output's, 2350344631 − 2241·2^20 = 485815 (numpy's too).
    expect(legacyRandint(rng, 0, 1_000_000)).toBe(485815);
  });

  it('a small range: randint(5, 8) masks with 3; outputs of seed 7 mask to 3 (rejected), 0, 1, 2 → 5, 6, 7', () => {
    const rng = new Mt19937(7);
    expect([legacyRandint(rng, 5, 8), legacyRandint(rng, 5, 8), legacyRandint(rng, 5, 8)]).toEqual([5, 6, 7]);
  });

  it('matches numpy: RandomState(s).randint(0, 1000000) twice, for several seeds', () => {
    const numpy: Array<[number, number, number]> = [
      [0, 985772, 305711], [1, 128037, 491755], [2, 875688, 100879], [3, 71530, 722584], [42, 121958, 671155],
      [12345, 741858, 77285], [2 ** 31 - 1, 346095, 700266], [2 ** 32 - 1, 944547, 147746],
    ];
    for (const [seed, first, second] of numpy) {
      const rng = new Mt19937(seed);
      expect([seed, legacyRandint(rng, 0, 1_000_000), legacyRandint(rng, 0, 1_000_000)]).toEqual([seed, first, second]);
    }
  });

  it('a one-value range returns it without drawing, as numpy does; an empty range is an error', () => {
    const rng = new Mt19937(5489);
    expect(legacyRandint(rng, 9, 10)).toBe(9);
    expect(rng.nextUint32()).toBe(3499211612);
    expect(() => legacyRandint(rng, 3, 3)).toThrow(/low < high/);
  });
});
