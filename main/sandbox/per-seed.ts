// Seeded datasets and views over them are pure functions of the dataset seed: build once per seed, then share
// (callers must not mutate what they get).
export function perSeed<D>(build: (seed: number) => D): (seed: number) => D {
  const cache = new Map<number, D>();
  return (seed) => {
    let value = cache.get(seed);
    if (value === undefined) cache.set(seed, (value = build(seed)));
    return value;
  };
}
