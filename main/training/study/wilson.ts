// Wilson score interval for a proportion (Wilson 1927), the study's interval where the percentile bootstrap has
// no spread: a cell whose test episodes all failed (or all succeeded) resamples to the same mean every time,
// and [0, 0] would claim a certainty eight or forty episodes cannot give (docs/training.md, "Experiments").

/** Two-sided standard normal quantile z with P(|Z| ≤ z) = level, by bisection on Φ (erf by its Taylor series,
 * accurate to ~1e-9 over the z ≤ 6 searched; levels past Φ(6) give 6). */
export function normalQuantileTwoSided(level: number): number {
  if (!(level > 0 && level < 1)) throw new Error(`normalQuantileTwoSided: level must lie in (0, 1), got ${level}`);
  let lo = 0;
  let hi = 6;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (erf(mid / Math.SQRT2) < level) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** erf(x) = 2/√π · Σₙ (−1)ⁿ x^(2n+1) / (n! (2n+1)), for 0 ≤ x ≤ ~4.3 (z ≤ 6). */
function erf(x: number): number {
  let term = x; // (−1)ⁿ x^(2n+1) / n!
  let sum = x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/**
 * Wilson score interval for `successes` of `n` trials at a two-sided `level`, with p̂ = successes/n and z the
 * normal quantile: centre (p̂ + z²/2n) / (1 + z²/n), half-width z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
 * For 0 of n it is [0, z²/(n + z²)] (0/10 at 95%: [0, 0.2775]); for n of n, [n/(n + z²), 1].
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): { low: number; high: number } {
  if (!(n > 0) || !Number.isFinite(n)) throw new Error(`wilsonInterval: n must be a positive number, got ${n}`);
  if (!(successes >= 0 && successes <= n)) throw new Error(`wilsonInterval: successes must lie in [0, n = ${n}], got ${successes}`);
  const z = normalQuantileTwoSided(level);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // Clamp the rounding at the ends: 0 of n gives a low of exactly 0, n of n a high of exactly 1.
  return { low: successes === 0 ? 0 : Math.max(0, centre - half), high: successes === n ? 1 : Math.min(1, centre + half) };
}
