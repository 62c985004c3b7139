// The seed a MiniWoB++ page is given for an episode seed (docs/design/WEBARENA.md §5). BrowserGym does not pass
// its episode seed to the page: it draws `numpy.random.RandomState(seed).randint(0, 1000000)` and calls
// Math.seedrandom with that, so the same seed number shows the same task instance here and there.
import { legacyRandint, Mt19937 } from '../../random/mt19937';

/** BrowserGym's bound on page seeds: randint(0, 1000000) draws 0 … 999999. */
export const PAGE_SEED_LIMIT = 1_000_000;

/** BrowserGym's page seed for an episode seed; numpy's RandomState takes seeds 0 … 2^32−1 only. */
export function browsergymPageSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`MiniWoB++ episodes take seeds 0 … 4294967295, as BrowserGym's numpy RandomState(seed) does; got ${seed}.`);
  }
  return legacyRandint(new Mt19937(seed), 0, PAGE_SEED_LIMIT);
}
