// Repetition in a sequence of step keys: the "stuck midway" tests of the failure analyzer and the loop onset of
// the key decision step (docs/design/MIRA.md §1.1, §1.2). Keys are strings (actionKey, or url + action); null marks a step that is
// never equal to anything (an unparseable reply is not a repeated action).

type Key = string | null;

function same(a: Key, b: Key): boolean {
  return a !== null && b !== null && a === b;
}

function assertLength(fn: string, name: string, x: number, min: number): void {
  if (!Number.isInteger(x) || x < min) throw new Error(`${fn}: ${name} must be an integer >= ${min}, got ${String(x)}`);
}

/** The run of identical (non-null) keys that ends the sequence: its first index and length (0 when empty or
 * the last key is null). */
export function trailingIdenticalRun(keys: readonly Key[]): { start: number; count: number } {
  const n = keys.length;
  if (n === 0 || keys[n - 1] === null) return { start: n, count: 0 };
  let start = n - 1;
  while (start > 0 && same(keys[start - 1], keys[n - 1])) start--;
  return { start, count: n - start };
}

/**
 * The periodic tail of period L (a cycle of L steps repeated up to the end), or null when the last L keys
 * cannot form such a cycle (too short, a null among them, or all equal — that is a cycle of length 1, not L;
 * every L in 2..3 is prime, so "all equal" is the only shorter period to exclude). `start` is the first index
 * of the periodic tail (it may begin mid-cycle); `repeats` = ⌊tail length / L⌋ full cycles.
 */
export function trailingCycle(keys: readonly Key[], L: number): { start: number; repeats: number } | null {
  assertLength('trailingCycle', 'L', L, 2);
  const n = keys.length;
  if (n < L) return null;
  const last = keys.slice(n - L);
  if (last.some((k) => k === null) || last.every((k) => k === last[0])) return null;
  let start = n - L;
  while (start > 0 && same(keys[start - 1], keys[start - 1 + L])) start--;
  return { start, repeats: Math.floor((n - start) / L) };
}

export interface LoopSpan {
  /** First index of the loop. */
  start: number;
  /** Cycle length L (1 = the same key repeated). */
  length: number;
  /** Full cycles from `start` while the sequence stays periodic. */
  occurrences: number;
}

/**
 * The first loop in the sequence: the smallest index t such that, for some L in 1..maxLength (shortest L
 * tried first), the block keys[t..t+L) occurs at least `minOccurrences` times back to back from t. Returns
 * null when there is none. A constant block of length L ≥ 2 is always found first as L = 1.
 */
export function firstLoop(keys: readonly Key[], maxLength = 3, minOccurrences = 2): LoopSpan | null {
  assertLength('firstLoop', 'maxLength', maxLength, 1);
  assertLength('firstLoop', 'minOccurrences', minOccurrences, 2);
  const n = keys.length;
  for (let t = 0; t < n; t++) {
    for (let L = 1; L <= maxLength && t + L * minOccurrences <= n; L++) {
      let end = t + L; // keys[t..end) is periodic with period L
      while (end < n && same(keys[end], keys[end - L])) end++;
      const occurrences = Math.floor((end - t) / L);
      if (occurrences >= minOccurrences) return { start: t, length: L, occurrences };
    }
  }
  return null;
}
