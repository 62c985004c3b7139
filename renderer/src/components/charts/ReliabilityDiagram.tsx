import type { CalibrationBinView } from '../../../../main/api/critic-types';

/** A reliability diagram in plain SVG (issue 17): per bin of predicted V, the observed success rate as a bar
 * from the bin's mean prediction, against the diagonal a calibrated critic would sit on; counts under the bars. */
export function ReliabilityDiagram({ title, bins, testId }: { title: string; bins: CalibrationBinView[]; testId?: string }) {
  const width = 420;
  const height = 220;
  const pad = { left: 40, right: 16, top: 14, bottom: 46 };
  const sx = (x: number) => pad.left + x * (width - pad.left - pad.right);
  const sy = (y: number) => height - pad.bottom - y * (height - pad.top - pad.bottom);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg width={width} height={height} role="img" aria-label={title}>
        <line x1={sx(0)} y1={sy(0)} x2={sx(1)} y2={sy(0)} stroke="#9aa5b1" />
        <line x1={sx(0)} y1={sy(0)} x2={sx(0)} y2={sy(1)} stroke="#9aa5b1" />
        <line x1={sx(0)} y1={sy(0)} x2={sx(1)} y2={sy(1)} stroke="#9aa5b1" strokeDasharray="4 3" />
        <text x={pad.left - 6} y={sy(1) + 4} textAnchor="end" className="chart-label">100%</text>
        <text x={pad.left - 6} y={sy(0) + 4} textAnchor="end" className="chart-label">0</text>
        {bins.map((b) => (
          <g key={b.lo} data-testid="calibration-bin" data-count={b.count} data-observed={b.observedRate ?? ''} data-predicted={b.meanPredicted ?? ''}>
            {b.count > 0 && (
              <>
                <rect x={sx(b.lo) + 1} width={sx(b.hi) - sx(b.lo) - 2} y={sy(b.observedRate!)} height={sy(0) - sy(b.observedRate!)} fill="#2457c5" opacity={0.75}>
                  <title>{`V in [${b.lo.toFixed(1)}, ${b.hi.toFixed(1)}): ${b.count} state(s), mean V ${b.meanPredicted!.toFixed(3)}, succeeded ${(100 * b.observedRate!).toFixed(0)}%`}</title>
                </rect>
                <circle cx={sx(b.meanPredicted!)} cy={sy(b.meanPredicted!)} r={3} fill="#b3261e" />
              </>
            )}
            <text x={(sx(b.lo) + sx(b.hi)) / 2} y={sy(0) + 14} textAnchor="middle" className="chart-label">{b.count}</text>
          </g>
        ))}
        <text x={(width + pad.left) / 2} y={height - 18} textAnchor="middle" className="chart-label">predicted V (bins; states per bin under each)</text>
        <text x={(width + pad.left) / 2} y={height - 4} textAnchor="middle" className="chart-label">bars: observed success rate · dots: mean V</text>
      </svg>
    </figure>
  );
}
