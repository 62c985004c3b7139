// Pass@k with the unbiased estimator 1 − C(n−c, k)/C(n, k) for n samples with c successes (docs/design/MIRA.md §5).

function assertCounts(fn: string, n: number, c: number, k: number, where = ''): void {
  const int = (name: string, x: number): void => {
    if (typeof x !== 'number' || !Number.isInteger(x)) throw new Error(`${fn}: ${name}${where} must be an integer, got ${String(x)}`);
  };
  int('n', n);
  int('c', c);
  int('k', k);
  if (n < 1) throw new Error(`${fn}: n${where} must be >= 1, got ${n}`);
  if (c < 0 || c > n) throw new Error(`${fn}: c${where} must be in [0, n = ${n}], got ${c}`);
  if (k < 1 || k > n) throw new Error(`${fn}: k must be in [1, n = ${n}]${where}, got ${k}`);
}

/**
 * Probability that at least one of k samples drawn without replacement from n (c of them successes) is a
 * success: 1 − C(n−c, k)/C(n, k). Computed in product form, never with factorials:
 *   C(n−c, k)/C(n, k) = ∏_{i=n−c+1}^{n} (1 − k/i),
 * which is 1 for c = 0 (empty product) and is defined as 0 when n − c < k (every k-subset holds a success).
 */
export function passAtK(n: number, c: number, k: number): number {
  assertCounts('passAtK', n, c, k);
  if (n - c < k) return 1;
  let allFail = 1;
  for (let i = n - c + 1; i <= n; i++) allFail *= 1 - k / i;
  return 1 - allFail;
}

/** Mean pass@k over tasks, each with its own n samples and c successes (the benchmark's pass@k). */
export function meanPassAtK(perTask: ReadonlyArray<{ n: number; c: number }>, k: number): number {
  if (!Array.isArray(perTask as unknown) || perTask.length === 0) throw new Error('meanPassAtK: perTask must be a non-empty array');
  let sum = 0;
  perTask.forEach(({ n, c }, i) => {
    assertCounts('meanPassAtK', n, c, k, ` (task ${i})`);
    sum += passAtK(n, c, k);
  });
  return sum / perTask.length;
}
