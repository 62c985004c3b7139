/** P(subgoal k done by step t) as a grid of shaded cells (docs/design/MIRA.md §5: a vertical band on the first
 * subgoals before training, a diagonal after). Each cell carries its value for tooltips and tests. */
export function Heatmap({ title, cells, testId }: { title: string; cells: number[][]; testId?: string }) {
  const size = 18;
  const left = 70;
  const top = 8;
  const steps = cells[0]?.length ?? 0;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg width={left + steps * size + 10} height={top + cells.length * size + 24} role="img" aria-label={title}>
        {cells.map((row, k) => (
          <g key={k}>
            <text x={left - 6} y={top + k * size + 13} textAnchor="end" className="chart-label">subgoal {k + 1}</text>
            {row.map((p, t) => (
              <rect key={t} data-testid="heat-cell" data-k={k} data-t={t} data-p={p} x={left + t * size} y={top + k * size} width={size - 1} height={size - 1} fill={`rgba(36, 87, 197, ${0.08 + 0.92 * p})`}>
                <title>{`subgoal ${k + 1}, by step ${t + 1}: ${(100 * p).toFixed(0)}%`}</title>
              </rect>
            ))}
          </g>
        ))}
        {/* Column t is the state after step t's action; steps are numbered from 1 as in the replay. */}
        <text x={left} y={top + cells.length * size + 16} className="chart-label" data-testid="heat-steps">step 1 → {steps}</text>
      </svg>
    </figure>
  );
}
