// Re-running with corrected subgoals (issue 21): a run can pin one stored subgoal-set version by its id
// instead of "the newest", so regenerating or saving another version never silently changes what a run (or a
// resumed run) is judged against (docs/design/MIRA.md §2.2). The milestones are judged by the AutoRater, so
// only the LLM policies (react, sgo) take a pinned set.
import type { SubgoalSet } from '../api/inference-types';
import type { SubgoalSetsRepo } from '../store/subgoal-sets-repo';

/** The pinned set for a run over `taskIds`, or an Error that says what is wrong. */
export async function pinnedSubgoalSet(sets: SubgoalSetsRepo, id: number, taskIds: readonly string[]): Promise<SubgoalSet> {
  const set = await sets.get(id);
  if (!set) throw new Error(`There is no subgoal set with id ${id}: choose a version on the task's Subgoals page.`);
  const others = [...new Set(taskIds)].filter((t) => t !== set.taskId);
  if (others.length) {
    throw new Error(`Subgoal set ${id} (v${set.version}) belongs to task ${set.taskId}; a run with a pinned subgoal version runs that task only, not ${others.join(', ')}.`);
  }
  return set;
}

/** Throws when a policy cannot use a pinned set (only the LLM policies are judged by the AutoRater). */
export function checkPinnablePolicy(policy: string, llmPolicy: boolean): void {
  if (!llmPolicy) {
    throw new Error(`A pinned subgoal version is judged by the AutoRater, which the LLM policies (react, sgo) use; "${policy}" is judged by the sandbox's reference predicates.`);
  }
}
