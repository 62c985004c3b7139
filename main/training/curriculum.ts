// Curriculum between phases (MIRA.md §4 "Phases", from WebRL): train next on tasks the policy sometimes
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
