// Text → hashed n-gram ids for the state encoder (docs/design/MIRA.md §4.17: the paper's backbone is an LLM; ours is a
// small bag-of-hashed-n-grams encoder that trains on CPU). Id 0 is padding; real ids are 1..vocab−1.

/** Lower-case alphanumeric word tokens ("Zip/Postal Code" → zip, postal, code). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9$]+/g) ?? [];
}

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashed unigram + bigram ids of a text, at most `max` (unigrams first), each in [1, vocab). */
export function hashedNgrams(text: string, vocab: number, max: number): number[] {
  const w = words(text);
  const grams = [...w, ...w.slice(1).map((x, i) => `${w[i]}_${x}`)];
  return grams.slice(0, max).map((g) => 1 + (fnv1a(g) % (vocab - 1)));
}

/** Fraction of `part`'s word tokens that occur in `whole`'s token set (0 for an empty part). */
export function tokenOverlap(part: string, whole: ReadonlySet<string>): number {
  const w = words(part);
  if (w.length === 0) return 0;
  return w.filter((x) => whole.has(x)).length / w.length;
}

/** Case-insensitive containment of a non-trivial phrase (≥ 2 characters). */
export function containsPhrase(haystack: string, needle: string): boolean {
  const n = needle.trim().toLowerCase();
  return n.length >= 2 && haystack.toLowerCase().includes(n);
}
