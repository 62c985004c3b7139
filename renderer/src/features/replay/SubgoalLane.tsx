import { memo } from 'react';
import type { SubgoalSet, VerdictRecord } from '../../../../main/api/contract';
import type { SubgoalPlanPeriod } from '../../../../main/api/inference-types';
import { formatRoute } from '../../stores/route';
import { judgedText, replans } from './milestones';

/** Pixels per step in the lane and the value chart, so their columns line up. */
export const LANE_COLUMN = 12;

/** The subgoal lane under the timeline: one row per milestone, one column per step. Shaded from the step the
 * milestone became done (progress vector); a dot for every AutoRater verdict (filled: done, hollow: not yet).
 * Clicking a column selects that step (the timeline above is the keyboard's way). To a screen reader each row
 * is one image, named by its milestone and the step it was done at. Each row's marks are memoised: a step
 * change moves the cursor only (issue 22: next frame). An SGO re-plan is named in the head and drawn as a line
 * at its step; a verdict made before it names the milestone it judged, which the re-plan rewrote. */
export const SubgoalLane = memo(function SubgoalLane({ names, done, verdicts, count, current, onSelect, set, plans = [] }: {
  names: string[];
  done: (number | null)[];
  /** Verdicts by step t (steps are recorded from t = 0, so t is also the column). */
  verdicts: Map<number, VerdictRecord[]>;
  count: number;
  current: number;
  onSelect(t: number): void;
  /** The stored set the episode was judged against: the lane names its version and links to it for editing. */
  set?: SubgoalSet | null;
  /** Every plan the episode acted on, oldest first (more than one when SGO re-planned). */
  plans?: SubgoalPlanPeriod[];
}) {
  if (names.length === 0) return null;
  const changes = replans(plans);
  const col = LANE_COLUMN;
  const row = 16;
  const width = count * col;
  return (
    <div className="subgoal-lane" role="group" aria-label="Subgoal lane" data-testid="subgoal-lane">
      {set && (
        <div className="lane-head small muted" data-testid="lane-set">
          Subgoals v{set.version} · {set.origin}{' '}
          <a href={formatRoute({ view: 'subgoals', taskId: set.taskId, version: set.version })} aria-label={`Edit subgoals v${set.version} of this task`}>edit</a>
          {changes.map((c) => (
            <span key={c.to.id} data-testid="lane-replan">
              {' · '}re-planned at step {c.t + 1} from{' '}
              <a href={formatRoute({ view: 'subgoals', taskId: c.from.taskId, version: c.from.version })} aria-label={`Subgoals v${c.from.version}, the plan before step ${c.t + 1}`}>v{c.from.version} ({c.from.origin})</a>
            </span>
          ))}
        </div>
      )}
      {names.map((name, k) => (
        <div className="lane-row" key={k} data-testid="lane-row" role="img" aria-label={`Subgoal ${k + 1}: ${name} — ${done[k] === null ? 'not done' : `done at step ${done[k]! + 1}`}`}>
          <span className="lane-label" title={name}>{k + 1}. {name}</span>
          <svg width={width} height={row} className="lane-svg" aria-hidden="true">
            {done[k] !== null && <rect x={done[k]! * col} y={2} width={width - done[k]! * col} height={row - 4} className="lane-done" />}
            <rect x={current * col} y={0} width={col} height={row} className="lane-current" />
            {changes.map((c) => <rect key={c.to.id} x={c.t * col} y={0} width={2} height={row} className="lane-replan-line" />)}
            <LaneMarks k={k} name={name} count={count} verdicts={verdicts} plans={plans} onSelect={onSelect} />
          </svg>
        </div>
      ))}
    </div>
  );
});

/** A row's click targets and verdict dots: the same for every step shown. */
const LaneMarks = memo(function LaneMarks({ k, name, count, verdicts, plans, onSelect }: {
  k: number; name: string; count: number; verdicts: Map<number, VerdictRecord[]>; plans: SubgoalPlanPeriod[]; onSelect(t: number): void;
}) {
  const col = LANE_COLUMN;
  const row = 16;
  return (
    <>
      {Array.from({ length: count }, (_, t) => (
        <rect key={t} x={t * col} y={0} width={col} height={row} fill="transparent" onClick={() => onSelect(t)} style={{ cursor: 'pointer' }} />
      ))}
      {[...verdicts].flatMap(([t, list]) =>
        list.filter((v) => v.subgoalIndex === k).map((v) => (
          <circle key={`${t}-${v.createdAt}`} cx={t * col + col / 2} cy={row / 2} r={3} className={v.done ? 'verdict-done' : 'verdict-pending'} data-testid="lane-verdict">
            <title>{`step ${t + 1}: ${v.done ? 'done' : 'not yet'}${judgedNote(judgedText(plans, v), name)} — ${v.evidence}`}</title>
          </circle>
        )),
      )}
    </>
  );
});

/** Where the milestone a verdict judged is not the row's text (a re-plan rewrote it), the title says so. */
function judgedNote(judged: string | null, shown: string): string {
  return judged !== null && judged !== shown ? ` (judged "${judged}", before a re-plan)` : '';
}
