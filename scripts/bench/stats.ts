/** Small statistics for benchmark figures: medians and 90th percentiles are robust on 2 shared cores. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values: number[]) => quantile(values, 0.5);

export function row(label: string, values: number[], unit = 'ms'): string {
  const fmt = (n: number) => (Number.isNaN(n) ? '—' : n.toFixed(1));
  return `  ${label.padEnd(44)} median ${fmt(median(values)).padStart(7)} ${unit}   p90 ${fmt(quantile(values, 0.9)).padStart(7)} ${unit}   n=${values.length}`;
}
