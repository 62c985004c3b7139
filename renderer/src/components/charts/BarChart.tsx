/** A horizontal bar chart in plain SVG: one labelled bar per row with its value printed, so the numbers
 * are readable without hovering (and by tests). */
export interface Bar {
  label: string;
  value: number;
  /** Printed after the bar, e.g. "3/5 (60%)". */
  caption: string;
}

export function BarChart({ title, bars, max, color = '#2457c5', testId }: { title: string; bars: Bar[]; max: number; color?: string; testId?: string }) {
  const rowHeight = 26;
  const labelWidth = 170;
  const barWidth = 320;
  const height = bars.length * rowHeight + 8;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg width={labelWidth + barWidth + 120} height={height} role="img" aria-label={title}>
        {bars.map((bar, i) => {
          const y = i * rowHeight + 4;
          const width = max > 0 ? (bar.value / max) * barWidth : 0;
          return (
            <g key={bar.label} data-testid="bar" data-label={bar.label} data-value={bar.value}>
              <text x={labelWidth - 8} y={y + 15} textAnchor="end" className="chart-label">{bar.label}</text>
              <rect x={labelWidth} y={y} width={barWidth} height={rowHeight - 8} fill="#eef1f5" />
              <rect x={labelWidth} y={y} width={width} height={rowHeight - 8} fill={color} />
              <text x={labelWidth + barWidth + 8} y={y + 15} className="chart-value">{bar.caption}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
