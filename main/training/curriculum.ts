// Curriculum between phases (docs/design/MIRA.md §4.16, from WebRL): train next on tasks the policy sometimes
// but not always solves; tasks it never or always solves give little learning signal.

import { mulberry32, shuffle, type Rng } from '../random/seeded-random';
import { MiraDefaults } from './defaults';
import { assertBand, assertInRange } from './validate';

/**
 * Task ids whose predicted success lies in the inclusive band, by default [0.05, 0.75], in the input's
 * iteration order. Shapes: predictedSuccess maps task id → probability in [0, 1] (e.g. the value critic's
 * V(s_0, g)); returns the kept ids.
 */
export function selectCurriculumTasks(
  predictedSuccess: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
  band: readonly [number, number] = MiraDefaults.curriculumBand,
): string[] {
  assertBand('band', band);
  const [lo, hi] = band;
  const entries: Iterable<[string, number]> =
    predictedSuccess instanceof Map ? predictedSuccess.entries() : Object.entries(predictedSuccess);
  const kept: string[] = [];
  for (const [taskId, p] of entries) {
    // A NaN here means a broken critic; silently dropping the task would hide it.
    assertInRange(`predictedSuccess[${JSON.stringify(taskId)}]`, p, 0, 1);
    if (p >= lo && p <= hi) kept.push(taskId);
  }
  return kept;
}

/** A train task as the curriculum sees it: its id and the family it was instantiated from. */
export interface CurriculumTask {
  readonly id: string;
  readonly family: string;
}

/** What the curriculum knows about each task after a phase. */
export interface CurriculumSignals {
  /** Failed in the phase just run (at least one of its rollouts failed). */
  readonly failed: ReadonlySet<string>;
  /** The value critic's predicted success V(s_0, g) lies in the band (selectCurriculumTasks). */
  readonly inBand: ReadonlySet<string>;
  /** Rolled out in any phase so far; a task never tried has no outcome to be "failed" by. */
  readonly tried: ReadonlySet<string>;
}

/**
 * The next phase's task ids, cut to its budget: failed and in band first, then failed, then in band, then the
 * rest (docs/design/MIRA.md §4.16). Within each group never-tried tasks come before tried ones, and each part is
 * interleaved across families (familyRoundRobin) in an order drawn from `seed`; the input's order does not
 * matter. The paper has failed tasks seed the next phase; ordering rather than filtering keeps the phase's
 * budget, so solved tasks keep adding successes (the replay buffer and the critics need them) while the hard
 * ones come first. The interleave keeps one family from filling the budget just because the catalog lists it
 * first; never-tried tasks come before solved ones because only a task that was rolled out can count as failed.
 */
export function orderCurriculum(tasks: readonly CurriculumTask[], signals: CurriculumSignals, budget: number, seed: number): string[] {
  assertInRange('budget', budget, 0, Number.MAX_SAFE_INTEGER);
  if (!Number.isInteger(seed)) throw new Error(`orderCurriculum: seed must be an integer, got ${String(seed)}`);
  const seen = new Set<string>();
  for (const t of tasks) {
    if (seen.has(t.id)) throw new Error(`orderCurriculum: task ${JSON.stringify(t.id)} is listed twice`);
    seen.add(t.id);
  }
  const { failed, inBand, tried } = signals;
  const group = (id: string) => (failed.has(id) && inBand.has(id) ? 0 : failed.has(id) ? 1 : inBand.has(id) ? 2 : 3);
  const parts: CurriculumTask[][] = Array.from({ length: 8 }, () => []);
  // By id first, so the draw depends on the seed and the tasks, not on the order they were listed in.
  const byId = [...tasks].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (const t of byId) parts[group(t.id) * 2 + (tried.has(t.id) ? 1 : 0)].push(t);
  const rng = mulberry32(seed);
  return parts.flatMap((part) => familyRoundRobin(part, rng)).slice(0, budget).map((t) => t.id);
}

/**
 * Tasks interleaved across families: the families in a shuffled order, each family's tasks shuffled, then one
 * task of each family in turn until all are placed. Any prefix of the result is stratified: its per-family
 * counts differ by at most one where the families have tasks enough (3 families × 4 tasks, first 6 → 2 each).
 */
export function familyRoundRobin<T extends CurriculumTask>(tasks: readonly T[], rng: Rng): T[] {
  const byFamily = new Map<string, T[]>();
  for (const t of tasks) {
    const list = byFamily.get(t.family);
    if (list) list.push(t);
    else byFamily.set(t.family, [t]);
  }
  const queues = shuffle(rng, [...byFamily.values()]).map((list) => shuffle(rng, list));
  const out: T[] = [];
  for (let round = 0; out.length < tasks.length; round++) {
    for (const queue of queues) if (round < queue.length) out.push(queue[round]);
  }
  return out;
}
