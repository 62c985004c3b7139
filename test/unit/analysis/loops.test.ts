import { describe, expect, it } from 'vitest';
import { firstLoop, trailingCycle, trailingIdenticalRun } from '../../../main/analysis/loops';

const seq = (s: string): (string | null)[] => [...s].map((c) => (c === '_' ? null : c));

describe('trailingIdenticalRun', () => {
  it('measures the run of identical keys at the end', () => {
    expect(trailingIdenticalRun(seq('abccc'))).toEqual({ start: 2, count: 3 });
    expect(trailingIdenticalRun(seq('ab'))).toEqual({ start: 1, count: 1 });
    expect(trailingIdenticalRun([])).toEqual({ start: 0, count: 0 });
  });

  it('never counts unparseable steps (null) as repeats', () => {
    expect(trailingIdenticalRun(seq('a___'))).toEqual({ start: 4, count: 0 });
    expect(trailingIdenticalRun(seq('a_bb'))).toEqual({ start: 2, count: 2 });
  });
});

describe('trailingCycle', () => {
  it('counts full repeats of the final cycle, including a leading partial cycle in the span', () => {
    // "xbababa", L = 2: periodic tail "bababa" from index 1, 6 / 2 = 3 repeats.
    expect(trailingCycle(seq('xbababa'), 2)).toEqual({ start: 1, repeats: 3 });
    // "ababa", L = 2: the whole string is periodic, ⌊5 / 2⌋ = 2 full repeats.
    expect(trailingCycle(seq('ababa'), 2)).toEqual({ start: 0, repeats: 2 });
    // "zabcabc", L = 3: tail "abcabc" from 1, 2 repeats.
    expect(trailingCycle(seq('zabcabc'), 3)).toEqual({ start: 1, repeats: 2 });
  });

  it('rejects a constant tail (that is a cycle of length 1), nulls, and too-short input', () => {
    expect(trailingCycle(seq('aaaa'), 2)).toBeNull();
    expect(trailingCycle(seq('ab_b'), 2)).toBeNull();
    expect(trailingCycle(seq('a'), 2)).toBeNull();
    // A null inside the span stops it: "a_abab" → tail "abab" from 2, 2 repeats.
    expect(trailingCycle(seq('a_abab'), 2)).toEqual({ start: 2, repeats: 2 });
    expect(() => trailingCycle(seq('ab'), 1)).toThrow(/L must be an integer >= 2/);
  });
});

describe('firstLoop', () => {
  it('finds the earliest start, trying the shortest cycle first', () => {
    // "xyabababz": at t = 2, L = 2 "ab" occurs 3 times (indices 2..7).
    expect(firstLoop(seq('xyabababz'), 3, 3)).toEqual({ start: 2, length: 2, occurrences: 3 });
    // "aaab": t = 0, L = 1, three occurrences.
    expect(firstLoop(seq('aaab'), 3, 3)).toEqual({ start: 0, length: 1, occurrences: 3 });
    // Even with two occurrences enough, "abcab" repeats no block back to back ("abc" would need 6 keys);
    // "qxyzxyz" repeats "xyz" from t = 1.
    expect(firstLoop(seq('abcab'), 3, 2)).toBeNull();
    expect(firstLoop(seq('qxyzxyz'), 3, 2)).toEqual({ start: 1, length: 3, occurrences: 2 });
  });

  it('needs minOccurrences full cycles and ignores nulls', () => {
    expect(firstLoop(seq('abab'), 3, 3)).toBeNull(); // only 2 occurrences of "ab"
    expect(firstLoop(seq('___'), 3, 2)).toBeNull();
    expect(() => firstLoop(seq('ab'), 0, 2)).toThrow(/maxLength must be an integer >= 1/);
    expect(() => firstLoop(seq('ab'), 3, 1)).toThrow(/minOccurrences must be an integer >= 2/);
  });
});
