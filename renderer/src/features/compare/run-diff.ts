// Two runs side by side (issue 21 "Study tables"): success per family and what changed task by task, from
// the episode rows each run recorded (pure, so it is unit-testable).
import type { EpisodeListRow } from '../../../../main/api/contract';

export interface Rate {
  solved: number;
  scored: number;
}

export interface FamilyRates {
  family: string;
  left: Rate;
  right: Rate;
}

/** A task's outcome in one run: its scored attempts, and the newest scored episode (the replay link). */
export interface TaskSide extends Rate {
  episodeId: string;
  success: boolean | null;
  intent: string;
}

/** 'fixed': the right run solves more of the task's attempts than the left; 'broke': fewer; 'same': equal
 * (both scored); 'unscored': a side has no scored attempt; 'only-left' / 'only-right': one run lacks the task. */
export type TaskChange = 'fixed' | 'broke' | 'same' | 'unscored' | 'only-left' | 'only-right';

export interface TaskDiff {
  taskId: string;
  family: string | null;
  left: TaskSide | null;
  right: TaskSide | null;
  change: TaskChange;
}

const rateOf = (rows: readonly EpisodeListRow[]): Rate => ({
  solved: rows.filter((r) => r.success === true).length,
  scored: rows.filter((r) => r.success !== null).length,
});

/** Solved / scored, or null before anything was scored. */
export const rateValue = (rate: Rate): number | null => (rate.scored === 0 ? null : rate.solved / rate.scored);

function groupBy<K>(rows: readonly EpisodeListRow[], key: (row: EpisodeListRow) => K): Map<K, EpisodeListRow[]> {
  const out = new Map<K, EpisodeListRow[]>();
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  return out;
}

/** The tasks both runs attempted: the only ones whose rates compare like with like. */
export function sharedTaskIds(left: readonly EpisodeListRow[], right: readonly EpisodeListRow[]): Set<string> {
  const inRight = new Set(right.map((row) => row.taskId));
  return new Set(left.map((row) => row.taskId).filter((taskId) => inRight.has(taskId)));
}

export interface SharedRates {
  /** How many tasks each run attempted, and how many of them both did. */
  leftTasks: number;
  rightTasks: number;
  sharedTasks: number;
  left: Rate;
  right: Rate;
}

/** Each run's success over the tasks both attempted. Two runs over different task sets have overall rates
 * of different tasks (an easy task only one of them ran moves its rate alone); this pair compares the same ones. */
export function sharedRates(left: readonly EpisodeListRow[], right: readonly EpisodeListRow[]): SharedRates {
  const shared = sharedTaskIds(left, right);
  const onShared = (rows: readonly EpisodeListRow[]) => rows.filter((row) => shared.has(row.taskId));
  return {
    leftTasks: new Set(left.map((row) => row.taskId)).size,
    rightTasks: new Set(right.map((row) => row.taskId)).size,
    sharedTasks: shared.size,
    left: rateOf(onShared(left)),
    right: rateOf(onShared(right)),
  };
}

/** Success per task family in each run, over the tasks both runs attempted (a family's rates otherwise mix
 * different tasks); episodes without a family count under their task id's prefix. */
export function familyRates(left: readonly EpisodeListRow[], right: readonly EpisodeListRow[]): FamilyRates[] {
  const shared = sharedTaskIds(left, right);
  const family = (row: EpisodeListRow) => row.family ?? row.taskId.split(/[-/]/)[0];
  const l = groupBy(left.filter((row) => shared.has(row.taskId)), family);
  const r = groupBy(right.filter((row) => shared.has(row.taskId)), family);
  return [...new Set([...l.keys(), ...r.keys()])].sort().map((f) => ({ family: f, left: rateOf(l.get(f) ?? []), right: rateOf(r.get(f) ?? []) }));
}

function side(rows: readonly EpisodeListRow[] | undefined): TaskSide | null {
  if (!rows?.length) return null;
  // The link opens the newest scored attempt (the cell shows scored outcomes), else the newest of any.
  const scored = rows.filter((row) => row.success !== null);
  const newest = [...(scored.length ? scored : rows)].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return { ...rateOf(rows), episodeId: newest.id, success: newest.success, intent: newest.intent };
}

function changeOf(left: TaskSide | null, right: TaskSide | null): TaskChange {
  if (!left) return 'only-right';
  if (!right) return 'only-left';
  const l = rateValue(left);
  const r = rateValue(right);
  if (l === null || r === null) return 'unscored';
  return r > l ? 'fixed' : r < l ? 'broke' : 'same';
}

const ORDER: Record<TaskChange, number> = { broke: 0, fixed: 1, 'only-left': 2, 'only-right': 3, unscored: 4, same: 5 };

/** Every task either run attempted, with each side's outcome; changes first (broke, fixed, …), then by task. */
export function taskDiff(left: readonly EpisodeListRow[], right: readonly EpisodeListRow[]): TaskDiff[] {
  const l = groupBy(left, (row) => row.taskId);
  const r = groupBy(right, (row) => row.taskId);
  return [...new Set([...l.keys(), ...r.keys()])]
    .map((taskId) => {
      const a = side(l.get(taskId));
      const b = side(r.get(taskId));
      return { taskId, family: (l.get(taskId) ?? r.get(taskId))![0].family, left: a, right: b, change: changeOf(a, b) };
    })
    .sort((a, b) => ORDER[a.change] - ORDER[b.change] || a.taskId.localeCompare(b.taskId));
}
