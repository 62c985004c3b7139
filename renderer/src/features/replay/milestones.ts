import type { StepRecord } from '../../../../main/api/types';
import type { SubgoalSet, VerdictRecord } from '../../../../main/api/contract';
import type { SubgoalPlanPeriod } from '../../../../main/api/inference-types';

/** What the milestone helpers read of a step (a full record or the replay's outline mark). */
type Marked = Pick<StepRecord, 't' | 'progress'>;

/** The episode's milestones: the judged set's texts, else one "subgoal k" per entry of the progress vector. */
export function milestoneNames(subgoals: SubgoalSet | null, steps: readonly Marked[]): string[] {
  if (subgoals?.items.length) return subgoals.items.map((i) => i.text);
  const k = steps.reduce((n, s) => Math.max(n, s.progress?.length ?? 0), 0);
  return Array.from({ length: k }, (_, i) => `subgoal ${i + 1}`);
}

/** For each milestone, the first step index whose progress vector has it done (null: never). */
export function doneAt(steps: readonly Marked[], count: number): (number | null)[] {
  return Array.from({ length: count }, (_, k) => {
    const i = steps.findIndex((s) => (s.progress?.[k] ?? 0) >= 1);
    return i < 0 ? null : i;
  });
}

/** The text of the milestone a verdict judged: from the plan in effect at its step, which an SGO re-plan may
 * have replaced since (docs/design/MIRA.md §3.2); null when no plan is known. */
export function judgedText(plans: readonly SubgoalPlanPeriod[], v: Pick<VerdictRecord, 't' | 'subgoalIndex'>): string | null {
  const plan = [...plans].reverse().find((p) => p.fromT <= v.t) ?? plans[0];
  return plan?.set.items[v.subgoalIndex]?.text ?? null;
}

/** Each re-plan: the step (from 0) the new plan took over at, the version it replaced and the new version. */
export function replans(plans: readonly SubgoalPlanPeriod[]): { t: number; from: SubgoalSet; to: SubgoalSet }[] {
  return plans.slice(1).map((p, i) => ({ t: p.fromT, from: plans[i].set, to: p.set }));
}

/** Verdicts grouped by step t. */
export function verdictsByStep(verdicts: readonly VerdictRecord[]): Map<number, VerdictRecord[]> {
  const map = new Map<number, VerdictRecord[]>();
  for (const v of verdicts) map.set(v.t, [...(map.get(v.t) ?? []), v]);
  return map;
}

/** The frame indices J/K jump between: frames showing the state a verdict found a milestone done in (the
 * moments that matter); when no milestone was ever reached, every frame with a verdict. Sorted, distinct. */
export function verdictStops(steps: readonly Marked[], verdicts: readonly VerdictRecord[]): number[] {
  const index = new Map(steps.map((s, i) => [s.t, frameOfVerdict(i, steps.length)]));
  const pick = (list: readonly VerdictRecord[]) => [...new Set(list.map((v) => index.get(v.t)).filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
  const done = pick(verdicts.filter((v) => v.done));
  return done.length > 0 ? done : pick(verdicts);
}

/** The next stop after `current` (direction 1) or before it (−1); null when there is none. */
export function nextStop(stops: readonly number[], current: number, direction: 1 | -1): number | null {
  if (direction === 1) return stops.find((s) => s > current) ?? null;
  for (let i = stops.length - 1; i >= 0; i--) if (stops[i] < current) return stops[i];
  return null;
}

/** The frame a verdict belongs next to. A verdict at step t judges the page after step t's action, which is
 * the frame of the step after it (like the trace viewer's "after" snapshot); verdicts on the last step's
 * action have no later frame and stay on the last one. */
export function frameOfVerdict(stepIndex: number, count: number): number {
  return Math.min(stepIndex + 1, Math.max(count - 1, 0));
}

/** The verdicts to show beside frame `index`: those judging the state this frame shows (made after the
 * previous step's action), plus, on the last frame, those made after its own action. */
export function verdictsAtFrame(steps: readonly Marked[], byStep: ReadonlyMap<number, VerdictRecord[]>, index: number): VerdictRecord[] {
  const judgedHere = index > 0 ? byStep.get(steps[index - 1].t) ?? [] : [];
  const last = index === steps.length - 1 ? byStep.get(steps[index].t) ?? [] : [];
  return [...judgedHere, ...last];
}
