// Small input checks shared by the training math. They throw at the boundary with a message naming the
// argument, because a NaN that slips into a loss only shows up much later as a diverged policy.

export function assertFiniteArray(name: string, xs: readonly number[]): void {
  if (!Array.isArray(xs)) throw new Error(`${name} must be an array of numbers`);
  for (let i = 0; i < xs.length; i++) {
    if (typeof xs[i] !== 'number' || !Number.isFinite(xs[i])) {
      throw new Error(`${name}[${i}] must be a finite number, got ${String(xs[i])}`);
    }
  }
}

export function assertSameLength(aName: string, a: readonly unknown[], bName: string, b: readonly unknown[]): void {
  if (a.length !== b.length) {
    throw new Error(`${aName} (length ${a.length}) and ${bName} (length ${b.length}) must have the same length`);
  }
}

export function assertNonEmpty(name: string, xs: readonly unknown[]): void {
  if (xs.length === 0) throw new Error(`${name} must not be empty`);
}

/** x ∈ [lo, hi], finite. */
export function assertInRange(name: string, x: number, lo: number, hi: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < lo || x > hi) {
    throw new Error(`${name} must be a finite number in [${lo}, ${hi}], got ${String(x)}`);
  }
}

export function assertPositive(name: string, x: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x) || x <= 0) {
    throw new Error(`${name} must be a finite number > 0, got ${String(x)}`);
  }
}

/** An inclusive band [lo, hi] with lo ≤ hi, both finite. */
export function assertBand(name: string, band: readonly [number, number]): void {
  if (!Array.isArray(band) || band.length !== 2) throw new Error(`${name} must be a pair [lo, hi]`);
  const [lo, hi] = band;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) {
    throw new Error(`${name} must be finite with lo <= hi, got [${String(lo)}, ${String(hi)}]`);
  }
}

/** Two tensors (anything with a shape) have identical, non-empty shapes. Broadcasting would silently turn a
 * [N] vs [N, 1] mix-up into an [N, N] loss, so the losses refuse it. */
export function assertSameShape(
  aName: string,
  a: { shape: readonly number[]; size: number },
  bName: string,
  b: { shape: readonly number[] },
): void {
  if (a.size === 0) throw new Error(`${aName} must not be empty`);
  if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) {
    throw new Error(`${aName} shape [${a.shape.join(', ')}] and ${bName} shape [${b.shape.join(', ')}] must match`);
  }
}
