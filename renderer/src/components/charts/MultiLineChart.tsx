import type { Series } from './series';

export type { Series } from './series';

const COLORS = ['#2457c5', '#d9480f', '#2b8a3e', '#862e9c', '#e67700', '#0b7285', '#c2255c'];

/** Several named series over the same x axis in plain SVG (SR per phase per variant, loss curves), with a
 * legend. Every point carries its series and values as data attributes so tests can read the plot. */
export function MultiLineChart({ title, series, xLabel, yMax, percent = false, testId }: {
  title: string; series: Series[]; xLabel: string; yMax?: number; percent?: boolean; testId?: string;
}) {
  const width = 460;
  const height = 220;
  const pad = { left: 48, right: 16, top: 14, bottom: 34 };
  const all = series.flatMap((s) => s.points);
  const minX = Math.min(...all.map((p) => p.x), 0);
  const maxX = Math.max(...all.map((p) => p.x), 1);
  const top = yMax ?? Math.max(1e-9, ...all.map((p) => p.y));
  const sx = (x: number) => pad.left + ((x - minX) / Math.max(1e-9, maxX - minX)) * (width - pad.left - pad.right);
  const sy = (y: number) => height - pad.bottom - (Math.max(0, Math.min(y, top)) / top) * (height - pad.top - pad.bottom);
  const fmt = (y: number) => (percent ? `${Math.round(100 * y)}%` : y.toPrecision(3));
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {all.length === 0 ? (
        <p className="small muted">No points yet.</p>
      ) : (
        <svg width={width} height={height} role="img" aria-label={title}>
          <line x1={pad.left} y1={sy(0)} x2={width - pad.right} y2={sy(0)} stroke="#9aa5b1" />
          <line x1={pad.left} y1={sy(0)} x2={pad.left} y2={sy(top)} stroke="#9aa5b1" />
          <text x={pad.left - 6} y={sy(top) + 4} textAnchor="end" className="chart-label">{fmt(top)}</text>
          <text x={pad.left - 6} y={sy(0) + 4} textAnchor="end" className="chart-label">0</text>
          <text x={sx(minX)} y={height - pad.bottom + 16} textAnchor="middle" className="chart-label">{minX}</text>
          <text x={sx(maxX)} y={height - pad.bottom + 16} textAnchor="middle" className="chart-label">{maxX}</text>
          {series.map((s, i) => (
            <g key={s.name} data-testid="series" data-name={s.name}>
              <path d={s.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${sx(p.x)},${sy(p.y)}`).join(' ')} fill="none" stroke={COLORS[i % COLORS.length]} strokeWidth={2} />
              {s.points.map((p) => (
                <circle key={p.x} data-testid="point" data-series={s.name} data-x={p.x} data-y={p.y} cx={sx(p.x)} cy={sy(p.y)} r={3} fill={COLORS[i % COLORS.length]}>
                  <title>{`${s.name}, ${xLabel} ${p.x}: ${fmt(p.y)}`}</title>
                </circle>
              ))}
            </g>
          ))}
          <text x={(width + pad.left) / 2} y={height - 4} textAnchor="middle" className="chart-label">{xLabel}</text>
        </svg>
      )}
      <ul className="legend">
        {series.map((s, i) => (
          <li key={s.name}><span className="swatch" style={{ background: COLORS[i % COLORS.length] }} /> {s.name}</li>
        ))}
      </ul>
    </figure>
  );
}
