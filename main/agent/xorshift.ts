/** xorshift32: a tiny deterministic generator per seed, so a baseline episode can be replayed exactly. */
export function xorshift32(seed: number): () => number {
  let x = (seed >>> 0) || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}
