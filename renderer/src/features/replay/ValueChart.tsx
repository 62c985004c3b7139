import type { StepRecord } from '../../../../main/api/types';
import { LANE_COLUMN } from './SubgoalLane';

const SERIES = [
  { key: 'value', label: 'value V(s)', className: 'series-value' },
  { key: 'potential', label: 'potential Φ(s)', className: 'series-potential' },
] as const;

/** The critics' value and potential per step as a small SVG chart aligned with the subgoal lane; shown only
 * when the steps carry them (after a training phase scored the episode). */
export function ValueChart({ steps, current }: { steps: StepRecord[]; current: number }) {
  const present = SERIES.filter((s) => steps.some((step) => step[s.key] !== null));
  if (present.length === 0) return null;
  const height = 60;
  const width = steps.length * LANE_COLUMN;
  const values = steps.flatMap((s) => present.map((p) => s[p.key]).filter((v): v is number => v !== null));
  const lo = Math.min(0, ...values);
  const hi = Math.max(1, ...values);
  const y = (v: number) => height - 4 - ((v - lo) / (hi - lo)) * (height - 8);
  const x = (i: number) => i * LANE_COLUMN + LANE_COLUMN / 2;
  const at = steps[current];
  return (
    <figure className="value-chart" data-testid="value-chart">
      <figcaption className="small">
        {present.map((s) => (
          <span key={s.key} className={`legend ${s.className}`}>{s.label}{at && at[s.key] !== null ? ` = ${at[s.key]!.toFixed(3)}` : ''}</span>
        ))}
      </figcaption>
      <div className="lane-row">
        <span className="lane-label small muted">{hi.toFixed(2)} … {lo.toFixed(2)}</span>
        <svg width={width} height={height} role="img" aria-label="Critic value and potential per step">
          <line x1={x(current)} x2={x(current)} y1={0} y2={height} className="chart-cursor" />
          {present.map((s) => {
            const points = steps.map((step, i) => (step[s.key] === null ? null : `${x(i)},${y(step[s.key]!)}`)).filter(Boolean);
            return <polyline key={s.key} points={points.join(' ')} className={s.className} fill="none" />;
          })}
        </svg>
      </div>
    </figure>
  );
}
