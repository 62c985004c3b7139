import { describe, expect, it } from 'vitest';
import { ReplayBuffer, actionPerplexity, perplexityFilter, trajectoryPerplexity, trajectoryPerplexityFilter } from '../../../main/training/data-hygiene';

describe('perplexityFilter (docs/design/MIRA.md §4.13)', () => {
  it('keeps p in [0.5, 0.95] inclusive by default, i.e. perplexity in [1/0.95, 1/0.5]', () => {
    // p:            .5    .95   .4999  .9501  .7    0     1
    // perplexity:   2     1.0526 2.0004 1.0525 1.4286 ∞    1
    // kept:         yes   yes   no     no     yes   no    no
    const { keep, kept } = perplexityFilter([0.5, 0.95, 0.4999, 0.9501, 0.7, 0, 1]);
    expect(keep).toEqual([true, true, false, false, true, false, false]);
    expect(kept).toEqual([0, 1, 4]);
  });

  it('keeps the exact bounds even for a band passed as perplexities', () => {
    // [1/0.8, 1/0.2] = [1.25, 5] → p ∈ [.2, .8]
    expect(perplexityFilter([0.2, 0.8, 0.19, 0.81], [1 / 0.8, 1 / 0.2]).keep).toEqual([true, true, false, false]);
    // [1, 4] → p ∈ [.25, 1]: a certain action (perplexity 1) is now kept
    expect(perplexityFilter([1, 0.25, 0.24], [1, 4]).keep).toEqual([true, true, false]);
  });

  it('rejects invalid probabilities and bounds', () => {
    expect(() => perplexityFilter([1.2])).toThrow(/actionProbs\[0\]/);
    expect(() => perplexityFilter([Number.NaN])).toThrow(/actionProbs\[0\]/);
    expect(() => perplexityFilter([0.5], [2, 1])).toThrow(/lo <= hi/);
    expect(() => perplexityFilter([0.5], [0.5, 2])).toThrow(/must be >= 1/);
  });

  it('actionPerplexity is exp(−mean token log-prob)', () => {
    // two tokens at p = .5: exp(−ln .5) = 2
    expect(actionPerplexity([Math.log(0.5), Math.log(0.5)])).toBeCloseTo(2, 12);
    // p = .8 and .2: exp(−(ln .8 + ln .2)/2) = exp(−ln(.16)/2) = 1/√.16 = 2.5
    expect(actionPerplexity([Math.log(0.8), Math.log(0.2)])).toBeCloseTo(2.5, 12);
    expect(() => actionPerplexity([])).toThrow(/at least one token/);
  });
});

describe('trajectoryPerplexityFilter (issue 16: whole trajectories, WebRL band [1/0.95, 1/0.5])', () => {
  it('keeps trajectories whose mean per-action perplexity lies in the band, and counts trajectories and steps', () => {
    // A: p = [.8, .5]         → (1.25 + 2)/2          = 1.625   kept (it has a bad-looking action at p = .5 …)
    // B: p = [.99, .98, .97]  → (1.0101 + 1.0204 + 1.0309)/3 = 1.0205 dropped (< 1.0526: nothing to learn)
    // C: p = [.9, .1]         → (1.1111 + 10)/2       = 5.5556  dropped (> 2: far off the actor)
    // D: p = [.3, .9, .9, .9] → (3.3333 + 3·1.1111)/4 = 1.6667  kept (… a per-action filter would drop p = .3)
    const result = trajectoryPerplexityFilter([[0.8, 0.5], [0.99, 0.98, 0.97], [0.9, 0.1], [0.3, 0.9, 0.9, 0.9]]);
    expect(result.keep).toEqual([true, false, false, true]);
    expect(result.kept).toEqual([0, 3]);
    [1.625, 1.0205, 5.5556, 1.6667].forEach((x, i) => expect(result.perplexities[i]).toBeCloseTo(x, 4));
    expect(result.keptSteps).toBe(6);
    expect(result.totalSteps).toBe(11);
  });

  it('mean per-action perplexity, inclusive bounds, a zero probability is infinite', () => {
    expect(trajectoryPerplexity([0.5, 0.25])).toBeCloseTo(3, 12); // (2 + 4)/2
    expect(trajectoryPerplexity([0.5, 0])).toBe(Number.POSITIVE_INFINITY);
    // exactly 1/0.95 and exactly 2 are kept
    expect(trajectoryPerplexityFilter([[0.95], [0.5], [0.5, 0]]).keep).toEqual([true, true, false]);
    expect(() => trajectoryPerplexity([])).toThrow(/at least one action/);
    expect(() => trajectoryPerplexityFilter([[0.5]], [0.5, 2])).toThrow(/must be >= 1/);
  });
});

describe('ReplayBuffer', () => {
  const items = (phase: number, n: number): string[] => Array.from({ length: n }, (_, i) => `p${phase}-${i}`);

  it('keeps only successful items', () => {
    const buffer = new ReplayBuffer<{ id: number; success: boolean }>({ isSuccessful: (x) => x.success });
    expect(buffer.add(0, [{ id: 1, success: true }, { id: 2, success: false }, { id: 3, success: true }])).toBe(2);
    expect(buffer.sample(1, 10).map((x) => x.id)).toEqual([1, 3]);
  });

  it('caps the replay at capRatio × new data (default 2×)', () => {
    const buffer = new ReplayBuffer<string>();
    buffer.add(0, items(0, 10));
    // 3 new items → at most 2·3 = 6 replayed, all distinct, all from phase 0
    const replay = buffer.sample(1, 3);
    expect(replay).toHaveLength(6);
    expect(new Set(replay).size).toBe(6);
    replay.forEach((x) => expect(items(0, 10)).toContain(x));
    expect(buffer.capFor(3)).toBe(6);
    // 1.5 × 3 = 4.5 → 4
    expect(new ReplayBuffer<string>({ capRatio: 1.5 }).capFor(3)).toBe(4);
    // capRatio 0: no replay at all
    const none = new ReplayBuffer<string>({ capRatio: 0 });
    none.add(0, items(0, 10));
    expect(none.sample(1, 3)).toEqual([]);
  });

  it('returns everything, in storage order, when under the cap', () => {
    const buffer = new ReplayBuffer<string>();
    buffer.add(1, ['b']);
    buffer.add(0, ['a1', 'a2']);
    expect(buffer.sample(2, 5)).toEqual(['a1', 'a2', 'b']); // phase order, then insertion order
  });

  it("replays only earlier phases' data", () => {
    const buffer = new ReplayBuffer<string>();
    buffer.add(0, items(0, 2));
    buffer.add(1, items(1, 2));
    buffer.add(2, items(2, 2));
    expect(buffer.sample(1, 100)).toEqual(['p0-0', 'p0-1']);
    expect(buffer.sample(2, 100)).toEqual(['p0-0', 'p0-1', 'p1-0', 'p1-1']);
    expect(buffer.size(2)).toBe(4);
    expect(buffer.size()).toBe(6);
  });

  it('samples deterministically from the seed', () => {
    const fill = (seed: number): ReplayBuffer<string> => {
      const b = new ReplayBuffer<string>({ seed });
      b.add(0, items(0, 50));
      return b;
    };
    expect(fill(1).sample(1, 4)).toEqual(fill(1).sample(1, 4));
    expect(fill(1).sample(1, 4)).not.toEqual(fill(2).sample(1, 4));
    // the same buffer asked twice for the same phase gives the same replay
    const b = fill(3);
    expect(b.sample(1, 4)).toEqual(b.sample(1, 4));
  });

  it('is uniform over earlier phases, not most-recent: the oldest phase stays represented', () => {
    // 5 phases × 20 items, 10 replayed: across 20 seeds the oldest phase appears (recency would never pick it).
    let fromPhase0 = 0;
    for (let seed = 0; seed < 20; seed++) {
      const b = new ReplayBuffer<string>({ seed });
      for (let p = 0; p < 5; p++) b.add(p, items(p, 20));
      fromPhase0 += b.sample(5, 5).filter((x) => x.startsWith('p0-')).length;
    }
    // expectation 20 seeds × 10 × 20/100 = 40; a loose band catches a biased sampler without flaking
    expect(fromPhase0).toBeGreaterThan(20);
    expect(fromPhase0).toBeLessThan(60);
  });

  it('mix appends the replay to the new data', () => {
    const buffer = new ReplayBuffer<string>();
    buffer.add(0, ['old']);
    expect(buffer.mix(1, ['new1', 'new2'])).toEqual(['new1', 'new2', 'old']);
  });

  it('rejects invalid settings', () => {
    expect(() => new ReplayBuffer({ capRatio: -1 })).toThrow(/capRatio/);
    expect(() => new ReplayBuffer({ seed: 0.5 })).toThrow(/seed/);
    expect(() => new ReplayBuffer().add(-1, [])).toThrow(/phase/);
    expect(() => new ReplayBuffer().sample(1, 1.5)).toThrow(/newDataSize/);
  });
});
