// The one seeded random module (docs/design/ARCHITECTURE.md §4.1: a leaf every layer may use). Everything the
// sandbox generates, every baseline policy's choice and every training shuffle is a pure function of a seed, so
// datasets, task instances, the test split, baseline episodes and training runs are reproducible. Each generator's
// sequence is part of that promise: changing one changes stored sandbox data and replayed episodes.

/** A generator of floats in [0, 1). */
export type Rng = () => number;

/** mulberry32: a tiny 32-bit generator, plenty for synthetic data (not for anything security related). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** xorshift32 (Marsaglia): unsigned 32-bit integers, so a baseline policy's episode can be replayed exactly.
 * Its state must not be 0; seed 0 starts from the golden-ratio constant, not from 1, which made seeds 0 and 1 of
 * a baseline the same episode (`run --seeds 3` recorded two distinct ones). Every other seed keeps its stream. */
export const XORSHIFT_ZERO_STATE = 0x9e3779b9;
export function xorshift32(seed: number): () => number {
  let x = (seed >>> 0) || XORSHIFT_ZERO_STATE;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** FNV-1a over the parts, so a (seed, family, index) tuple gives an independent stream. */
export function hashSeed(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  const text = parts.map(String).join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A stable 32-bit seed from text (task id) and a number (episode seed): FNV-1a with the number mixed into its
 * offset basis. Not hashSeed: few-shot picks and generation seeds already recorded depend on these values. */
export function seedFrom(text: string, n = 0): number {
  let h = 2166136261 ^ n;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function rngFor(...parts: Array<string | number>): Rng {
  return mulberry32(hashSeed(...parts));
}

/** Integer in [min, max], both inclusive. */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(rng() * items.length)];
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** k distinct items in random order. */
export function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  return shuffle(rng, items).slice(0, Math.max(0, Math.min(k, items.length)));
}
