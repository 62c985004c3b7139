// Curriculum between phases (docs/design/MIRA.md §4.16, from WebRL): train next on tasks the policy sometimes
// but not always solves; tasks it never or always solves give little learning signal.

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

/**
 * The next phase's task ids, cut to its budget: failed and in band first, then failed, then in band, then the
 * rest, each group in the input's order. The paper has failed tasks seed the next phase (docs/design/MIRA.md §4.16); ordering rather than
 * filtering keeps the phase's budget, so solved tasks keep adding successes (the replay buffer and the
 * critics need them) while the hard ones come first.
 */
export function orderCurriculum(taskIds: readonly string[], failed: ReadonlySet<string>, inBand: ReadonlySet<string>, budget: number): string[] {
  assertInRange('budget', budget, 0, Number.MAX_SAFE_INTEGER);
  const rank = (id: string) => (failed.has(id) && inBand.has(id) ? 0 : failed.has(id) ? 1 : inBand.has(id) ? 2 : 3);
  // Array.prototype.sort is stable, so each group keeps the input's order.
  return [...taskIds].sort((a, b) => rank(a) - rank(b)).slice(0, budget);
}
