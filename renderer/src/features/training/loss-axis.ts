// The y axis of one loss plot (issue 21: every loss series on its own axis, with a log-scale option, so an
// SFT loss of 4.25 no longer flattens a critic loss of 0.003). Pure, unit-tested.

export interface LossAxis {
  lo: number;
  hi: number;
  log: boolean;
  /** 0 at `lo`, 1 at `hi`; values outside are clamped. */
  position(y: number): number;
  /** Points a log axis cannot draw (zero or negative losses). */
  dropped: number;
}

/** Linear: from 0 (or the lowest value, when negative) to the highest. Log: whole decades around the
 * positive values. */
export function lossAxis(values: readonly number[], log: boolean): LossAxis {
  const finite = values.filter((v) => Number.isFinite(v));
  if (log) {
    const positive = finite.filter((v) => v > 0);
    const lo = positive.length ? 10 ** Math.floor(Math.log10(Math.min(...positive))) : 1;
    let hi = positive.length ? 10 ** Math.ceil(Math.log10(Math.max(...positive))) : 10;
    if (hi <= lo) hi = lo * 10;
    const span = Math.log10(hi) - Math.log10(lo);
    return { lo, hi, log, dropped: finite.length - positive.length, position: (y) => clamp((Math.log10(Math.max(y, lo)) - Math.log10(lo)) / span) };
  }
  const lo = Math.min(0, ...finite);
  const hi = Math.max(lo + 1e-9, ...finite);
  return { lo, hi, log, dropped: 0, position: (y) => clamp((y - lo) / (hi - lo)) };
}

/** A loss as the phase table and axes print it: three significant digits, small values in exponent form
 * (never "0.0000" for a loss of 0.00003). */
export function formatLoss(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  return Math.abs(value) < 1e-3 || Math.abs(value) >= 1e5 ? value.toExponential(2) : value.toPrecision(3);
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, x));
}
