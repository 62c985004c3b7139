import { memo, useEffect, useMemo, useState } from 'react';
import type { EpisodeCritics } from '../../../../main/api/critic-types';
import type { StepRecord } from '../../../../main/api/types';
import { getClient } from '../../api/client';
import { LANE_COLUMN } from './SubgoalLane';

const SERIES = [
  { key: 'value', label: 'value V(s)', className: 'series-value' },
  { key: 'potential', label: 'potential Φ(s)', className: 'series-potential' },
] as const;
type SeriesKey = (typeof SERIES)[number]['key'];

/** Critics fitted on the episode's run (issue 17), fetched only when the steps recorded none. */
function useFittedCritics(episodeId: string | null): EpisodeCritics | null {
  const [critics, setCritics] = useState<EpisodeCritics | null>(null);
  useEffect(() => {
    setCritics(null);
    if (!episodeId) return;
    let live = true;
    getClient().getEpisodeCritics(episodeId).then((c) => live && setCritics(c), () => undefined);
    return () => {
      live = false;
    };
  }, [episodeId]);
  return critics;
}

const HEIGHT = 60;
const x = (i: number) => i * LANE_COLUMN + LANE_COLUMN / 2;

/** The critics' value and potential per step as a small SVG chart aligned with the subgoal lane: the ones the
 * acting policy recorded (a local checkpoint), else those of critics fitted on the episode's run. The curves
 * are computed once per episode; a step change moves the cursor and the legend's values (issue 22). */
export const ValueChart = memo(function ValueChart({ steps, current, episodeId }: { steps: readonly Pick<StepRecord, SeriesKey>[]; current: number; episodeId?: string }) {
  const recorded = useMemo(() => SERIES.some((s) => steps.some((step) => step[s.key] !== null)), [steps]);
  const fitted = useFittedCritics(recorded ? null : episodeId ?? null);
  const chart = useMemo(() => {
    const seriesOf = (key: SeriesKey): (number | null)[] => {
      if (recorded) return steps.map((step) => step[key]);
      const values = key === 'value' ? fitted?.values : fitted?.potentials;
      return steps.map((_, t) => values?.[t] ?? null);
    };
    const present = SERIES.map((s) => ({ ...s, points: seriesOf(s.key) })).filter((s) => s.points.some((v) => v !== null));
    const values = present.flatMap((p) => p.points.filter((v): v is number => v !== null));
    const lo = Math.min(0, ...values);
    const hi = Math.max(1, ...values);
    const y = (v: number) => HEIGHT - 4 - ((v - lo) / (hi - lo)) * (HEIGHT - 8);
    const lines = present.map((s) => ({ key: s.key, className: s.className, points: s.points.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean) }));
    return { present, lo, hi, lines };
  }, [steps, recorded, fitted]);
  const { present, lo, hi, lines } = chart;
  if (present.length === 0) return null;
  const height = HEIGHT;
  const width = steps.length * LANE_COLUMN;
  return (
    <figure className="value-chart" data-testid="value-chart" data-source={recorded ? 'recorded' : 'fitted'}>
      <figcaption className="small">
        {present.map((s) => (
          <span key={s.key} className={`legend ${s.className}`} data-testid={`legend-${s.key}`}>{s.label}{s.points[current] != null ? ` = ${s.points[current]!.toFixed(3)}` : ''}</span>
        ))}
        {!recorded && fitted && <span className="muted"> · critics fitted on this run (fit {fitted.fitId.slice(0, 8)})</span>}
      </figcaption>
      <div className="lane-row">
        <span className="lane-label small muted">{hi.toFixed(2)} … {lo.toFixed(2)}</span>
        <svg width={width} height={height} role="img" aria-label="Critic value and potential per step">
          <line x1={x(current)} x2={x(current)} y1={0} y2={height} className="chart-cursor" />
          {lines.map((s) => (
            <polyline key={s.key} points={s.points.join(' ')} className={s.className} fill="none" data-testid={`series-${s.key}`} data-points={s.points.length} />
          ))}
        </svg>
      </div>
    </figure>
  );
});
