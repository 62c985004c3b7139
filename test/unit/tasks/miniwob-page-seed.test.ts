import { describe, expect, it } from 'vitest';
import { browsergymPageSeed } from '../../../main/tasks/miniwob/page-seed';

// BrowserGym's MiniWoB++ setup calls Math.seedrandom(RandomState(seed).randint(0, 1000000))
// (docs/design/WEBARENA.md §5); values printed by numpy 2.4.6's RandomState on this machine, two of them worked
// by hand in test/unit/random/mt19937.test.ts.
describe('browsergymPageSeed', () => {
  it('gives the page seed BrowserGym gives for the same episode seed', () => {
    expect([0, 1, 4, 5, 42, 5489].map(browsergymPageSeed)).toEqual([985772, 128037, 991406, 297827, 121958, 113500]);
  });

  it('refuses seeds numpy\'s RandomState refuses, saying which', () => {
    expect(() => browsergymPageSeed(-3)).toThrow('MiniWoB++ episodes take seeds 0 … 4294967295, as BrowserGym\'s numpy RandomState(seed) does; got -3.');
    expect(() => browsergymPageSeed(2 ** 32)).toThrow(/got 4294967296/);
  });
});
