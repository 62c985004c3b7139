import { describe, expect, it } from 'vitest';
import { seedFrom, xorshift32 } from '../../../main/random/seeded-random';

// 0x9e3779b9 → 0x710059b9 (x ^= x<<13) → 0x71006139 (x ^= x>>>17) → 0x510c4619 (x ^= x<<5)
const XORSHIFT_ZERO_FIRST = 0x510c4619;

// The baseline policies' generator: its sequence is what makes a random or wrong-policy episode replayable.
describe('xorshift32', () => {
  it('gives the hand-worked first value for seed 1: 1 → 8193 (x ^= x<<13) → 8193 (x ^= x>>>17) → 270369 (x ^= x<<5)', () => {
    expect(xorshift32(1)()).toBe(270369);
  });

  // The analysis audit of the eighth session: seed 0 started from 1, so seeds 0 and 1 of a random or wrong-policy
  // baseline recorded the same episode. Seed 0 (which would stay 0 forever) now starts from 0x9e3779b9.
  it('gives seed 0 its own stream, not seed 1\'s, and repeats a sequence per seed', () => {
    expect(xorshift32(0)()).toBe(XORSHIFT_ZERO_FIRST);
    expect(xorshift32(0)()).not.toBe(xorshift32(1)());
    const a = xorshift32(42);
    const b = xorshift32(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 32)).toBe(true);
  });
});

describe('seedFrom', () => {
  it('is FNV-1a for n = 0 (the published value of "a" is 0xe40c292c) and mixes n into the offset basis', () => {
    expect(seedFrom('a')).toBe(0xe40c292c);
    expect(seedFrom('')).toBe(0x811c9dc5);
    expect(seedFrom('', 5)).toBe(0x811c9dc0); // 0x…c5 xor 5
  });
});
