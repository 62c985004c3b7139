// What the Subgoals page says of each stored version: which one a new run starts from when it takes the task's
// newest set. The newest version is often an episode's mid-run re-plan, which no new run starts from (its kept
// milestones were confirmed in that episode, docs/design/MIRA.md §3.2): startingVersion resolves it to the
// version it re-planned, exactly as runs do (main/services/inference.ts, presetFor).
import type { SubgoalSet, SubgoalSetUse } from '../api/inference-types';
import type { TaskRecord } from '../api/types';
import { instructionPerSeed } from '../tasks/miniwob/tasks';
import { parseReplanNote, startingVersion } from './plan';

/** The task's versions (newest first, as listed) with what new runs do with each. */
export function withVersionUse(versions: readonly SubgoalSet[], task: Pick<TaskRecord, 'source'> | undefined): SubgoalSet[] {
  // A MiniWoB++ task's runs take the newest version an episode of their own seed used (docs/design/WEBARENA.md §5).
  const perSeed = task !== undefined && instructionPerSeed(task);
  const current = perSeed ? undefined : startingVersion(versions, versions[0]);
  const useOf = (v: SubgoalSet): SubgoalSetUse => (parseReplanNote(v) ? 'replan' : v.id === current?.id ? 'current' : perSeed ? 'per-seed' : 'earlier');
  return versions.map((v) => ({ ...v, use: useOf(v) }));
}
