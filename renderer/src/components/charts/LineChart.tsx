/** A small line chart in plain SVG with labelled points (pass@k over k, SR over phases). */
export function LineChart({ title, points, xLabel, yMax = 1, testId }: { title: string; points: { x: number; y: number; label: string }[]; xLabel: string; yMax?: number; testId?: string }) {
  const width = 420;
  const height = 200;
  // The top leaves room for a value label above a point at yMax (11px text 8px above the point): with 14 the
  // "100%" of pass@k rose out of the SVG and was cut off.
  const pad = { left: 40, right: 20, top: 26, bottom: 34 };
  const xs = points.map((p) => p.x);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const sx = (x: number) => pad.left + (maxX === minX ? 0.5 : (x - minX) / (maxX - minX)) * (width - pad.left - pad.right);
  const sy = (y: number) => height - pad.bottom - (y / yMax) * (height - pad.top - pad.bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x)},${sy(p.y)}`).join(' ');
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <line x1={pad.left} y1={sy(0)} x2={width - pad.right} y2={sy(0)} stroke="#9aa5b1" />
        <line x1={pad.left} y1={sy(0)} x2={pad.left} y2={sy(yMax)} stroke="#9aa5b1" />
        <text x={pad.left - 6} y={sy(yMax) + 4} textAnchor="end" className="chart-label">{yMax === 1 ? '100%' : yMax}</text>
        <text x={pad.left - 6} y={sy(0) + 4} textAnchor="end" className="chart-label">0</text>
        <path d={path} fill="none" stroke="#2457c5" strokeWidth={2} />
        {points.map((p) => (
          <g key={p.x} data-testid="point" data-x={p.x} data-y={p.y}>
            <circle cx={sx(p.x)} cy={sy(p.y)} r={4} fill="#2457c5" />
            <text x={sx(p.x)} y={sy(p.y) - 8} textAnchor="middle" className="chart-value">{p.label}</text>
            <text x={sx(p.x)} y={height - pad.bottom + 16} textAnchor="middle" className="chart-label">{p.x}</text>
          </g>
        ))}
        <text x={(width + pad.left) / 2} y={height - 4} textAnchor="middle" className="chart-label">{xLabel}</text>
      </svg>
    </figure>
  );
}
