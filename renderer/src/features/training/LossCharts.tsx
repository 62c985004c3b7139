import { useState } from 'react';
import type { Series } from '../../components/charts/series';
import { formatLoss, lossAxis } from './loss-axis';
import type { LossPlotData } from './training-series';

const WIDTH = 300;
const HEIGHT = 150;
const PAD = { left: 56, right: 10, top: 10, bottom: 26 };

/** Colours of a plot's lines, one per trainer seed (colour-blind-safe order). */
const LINE_COLORS = ['#2457c5', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#323f4b'];

/** One small plot per loss (issue 21), each on its own y axis, with one log-scale toggle for all; a multi-seed
 * job draws each trainer seed as its own line with a legend (issue 17). Every point carries its line and values
 * as data attributes so tests can read the plots. */
export function LossCharts({ plots, testId }: { plots: LossPlotData[]; testId?: string }) {
  const [log, setLog] = useState(false);
  return (
    <figure className="chart loss-charts" data-testid={testId}>
      <figcaption>
        Losses per update, each on its own axis{' '}
        <label className="small"><input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> Log scale</label>
      </figcaption>
      {plots.length === 0 ? <p className="small muted">No points yet.</p> : (
        <div className="loss-grid">{plots.map((p) => <LossPlot key={p.name} plot={p} log={log} />)}</div>
      )}
    </figure>
  );
}

function LossPlot({ plot, log }: { plot: LossPlotData; log: boolean }) {
  const all = plot.lines.flatMap((l) => l.points);
  const axis = lossAxis(all.map((p) => p.y), log);
  const xs = all.map((p) => p.x);
  const minX = Math.min(...xs);
  const maxX = Math.max(minX + 1, ...xs);
  const sx = (x: number) => PAD.left + ((x - minX) / (maxX - minX)) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number) => HEIGHT - PAD.bottom - axis.position(y) * (HEIGHT - PAD.top - PAD.bottom);
  // A single-seed job's one line is named as its plot; a multi-seed job's lines are its seeds, legend and all
  // (even while only the first seed has reported).
  const single = plot.lines.length === 1 && plot.lines[0].name === plot.name;
  const lastOf = (line: Series) => {
    const last = line.points[line.points.length - 1];
    return last ? formatLoss(last.y) : '—';
  };
  return (
    <div className="loss-plot" data-testid="loss-plot" data-name={plot.name} data-scale={log ? 'log' : 'linear'}>
      <div className="small"><strong>{plot.title}</strong>{single && <span title="The newest update's loss (the phase table shows each phase's mean)"> · last update {lastOf(plot.lines[0])}</span>}{axis.dropped > 0 && <span className="muted"> · {axis.dropped} non-positive point(s) not drawn on log scale</span>}</div>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={`${plot.title} loss${single ? '' : `, ${plot.lines.map((l) => l.name).join(', ')}`}${log ? ' (log scale)' : ''}`}>
        <line x1={PAD.left} y1={HEIGHT - PAD.bottom} x2={WIDTH - PAD.right} y2={HEIGHT - PAD.bottom} stroke="#9aa5b1" />
        <line x1={PAD.left} y1={HEIGHT - PAD.bottom} x2={PAD.left} y2={PAD.top} stroke="#9aa5b1" />
        <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" className="chart-label" data-testid="axis-top">{formatLoss(axis.hi)}</text>
        <text x={PAD.left - 4} y={HEIGHT - PAD.bottom} textAnchor="end" className="chart-label" data-testid="axis-bottom">{formatLoss(axis.lo)}</text>
        <text x={(WIDTH + PAD.left) / 2} y={HEIGHT - 6} textAnchor="middle" className="chart-label">update</text>
        {plot.lines.map((line, i) => {
          const color = LINE_COLORS[i % LINE_COLORS.length];
          const drawn = line.points.filter((p) => !log || p.y > 0);
          return (
            <g key={line.name} data-testid="loss-line" data-line={line.name}>
              <path d={drawn.map((p, j) => `${j === 0 ? 'M' : 'L'}${sx(p.x)},${sy(p.y)}`).join(' ')} fill="none" stroke={color} strokeWidth={2} />
              {drawn.map((p) => (
                <circle key={p.x} data-testid="point" data-series={line.name} data-x={p.x} data-y={p.y} cx={sx(p.x)} cy={sy(p.y)} r={2.5} fill={color}>
                  <title>{`${single ? plot.title : `${plot.title}, ${line.name}`}, update ${p.x}: ${formatLoss(p.y)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      {!single && (
        <ul className="legend" aria-label={`${plot.title} seeds`}>
          {plot.lines.map((line, i) => (
            <li key={line.name} data-testid="loss-legend"><span className="swatch" style={{ background: LINE_COLORS[i % LINE_COLORS.length] }} /> {line.name} · last {lastOf(line)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
