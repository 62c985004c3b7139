// What a hand-saved subgoal set (saveSubgoalSet) must pass beyond its schema: no repeated milestone, URL patterns
// that cannot stall the process, predicates that can mean what they say. Every problem is named at once, each as
// "Subgoal N …" numbered as the editor shows them, so one refused Save shows every fix needed (the editor marks
// the first named field: renderer/src/features/subgoals/subgoal-draft.ts, explainSaveError).
import type { SubgoalItem } from '../api/inference-types';
import type { TaskRecord } from '../api/types';
import { repeatProblems } from './milestone-text';
import { subgoalPredicateProblems } from './predicate-check';
import { subgoalPatternProblems } from './url-pattern-check';

/** Throws every reason the set cannot be saved for `task`; returns when it can. */
export function assertSavableSubgoals(items: readonly SubgoalItem[], task: Pick<TaskRecord, 'source'>): void {
  const subgoal = (line: string) => Number(/^Subgoal (\d+)/.exec(line)?.[1] ?? 0);
  // In the order of the subgoals: the editor marks the field of the first one named.
  const problems = [...repeatProblems(items), ...subgoalPatternProblems(items), ...subgoalPredicateProblems(items, task)].sort((a, b) => subgoal(a) - subgoal(b));
  if (problems.length) throw new Error(`The subgoal set was not saved. ${problems.join(' ')}`);
}
