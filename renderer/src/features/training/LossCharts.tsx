import { useState } from 'react';
import type { Series } from '../../components/charts/series';
import { formatLoss, lossAxis } from './loss-axis';

const WIDTH = 300;
const HEIGHT = 150;
const PAD = { left: 56, right: 10, top: 10, bottom: 26 };

/** One small plot per loss series, each on its own y axis (issue 21), with one log-scale toggle for all.
 * Every point carries its series and values as data attributes so tests can read the plots. */
export function LossCharts({ series, testId }: { series: Series[]; testId?: string }) {
  const [log, setLog] = useState(false);
  return (
    <figure className="chart loss-charts" data-testid={testId}>
      <figcaption>
        Losses, each on its own axis{' '}
        <label className="small"><input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> Log scale</label>
      </figcaption>
      {series.length === 0 ? <p className="small muted">No points yet.</p> : (
        <div className="loss-grid">{series.map((s) => <LossPlot key={s.name} series={s} log={log} />)}</div>
      )}
    </figure>
  );
}

function LossPlot({ series, log }: { series: Series; log: boolean }) {
  const axis = lossAxis(series.points.map((p) => p.y), log);
  const xs = series.points.map((p) => p.x);
  const minX = Math.min(...xs);
  const maxX = Math.max(minX + 1, ...xs);
  const sx = (x: number) => PAD.left + ((x - minX) / (maxX - minX)) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number) => HEIGHT - PAD.bottom - axis.position(y) * (HEIGHT - PAD.top - PAD.bottom);
  const drawn = series.points.filter((p) => !log || p.y > 0);
  const last = series.points[series.points.length - 1];
  return (
    <div className="loss-plot" data-testid="loss-plot" data-name={series.name} data-scale={log ? 'log' : 'linear'}>
      <div className="small"><strong>{series.name}</strong> · last {last ? formatLoss(last.y) : '—'}{axis.dropped > 0 && <span className="muted"> · {axis.dropped} non-positive point(s) not drawn on log scale</span>}</div>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={`${series.name} loss${log ? ' (log scale)' : ''}`}>
        <line x1={PAD.left} y1={HEIGHT - PAD.bottom} x2={WIDTH - PAD.right} y2={HEIGHT - PAD.bottom} stroke="#9aa5b1" />
        <line x1={PAD.left} y1={HEIGHT - PAD.bottom} x2={PAD.left} y2={PAD.top} stroke="#9aa5b1" />
        <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" className="chart-label" data-testid="axis-top">{formatLoss(axis.hi)}</text>
        <text x={PAD.left - 4} y={HEIGHT - PAD.bottom} textAnchor="end" className="chart-label" data-testid="axis-bottom">{formatLoss(axis.lo)}</text>
        <text x={(WIDTH + PAD.left) / 2} y={HEIGHT - 6} textAnchor="middle" className="chart-label">update</text>
        <path d={drawn.map((p, j) => `${j === 0 ? 'M' : 'L'}${sx(p.x)},${sy(p.y)}`).join(' ')} fill="none" stroke="#2457c5" strokeWidth={2} />
        {drawn.map((p) => (
          <circle key={p.x} data-testid="point" data-series={series.name} data-x={p.x} data-y={p.y} cx={sx(p.x)} cy={sy(p.y)} r={2.5} fill="#2457c5">
            <title>{`${series.name}, update ${p.x}: ${formatLoss(p.y)}`}</title>
          </circle>
        ))}
      </svg>
    </div>
  );
}
