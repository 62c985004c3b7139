// The milestones one episode is working against, shared by the SGO policy (which plans and re-plans) and the
// AutoRater (which judges them). Each plan change is a stored subgoal-set version linked to the episode.
import type { SubgoalItem, SubgoalPlanPeriod, SubgoalSet } from '../api/inference-types';
import type { SubgoalSetsRepo } from '../store/subgoal-sets-repo';

export class SubgoalPlan {
  #set: SubgoalSet | null = null;

  constructor(private readonly sets: SubgoalSetsRepo, readonly episodeId: string) {}

  /** Empty until the first plan is adopted (SGO generates it from the first page). */
  get items(): readonly SubgoalItem[] {
    return this.#set?.items ?? [];
  }

  get set(): SubgoalSet | null {
    return this.#set;
  }

  async adopt(set: SubgoalSet): Promise<void> {
    this.#set = set;
    await this.sets.linkEpisode(this.episodeId, set.id);
  }
}

/** The note of a re-planned version: which version it replaces (the link the Subgoals page shows), where. */
export function replanNote(previous: SubgoalSet | null, t: number, episodeId: string): string {
  const from = previous ? ` from v${previous.version} (${previous.origin})` : '';
  return `re-planned${from} at step ${t + 1} of episode ${episodeId}`;
}

/** A re-planned version's predecessor and the step (from 0) it took over at, read back from its note; only
 * a re-plan made in `episodeId` when that is given. */
export function parseReplanNote(set: SubgoalSet, episodeId?: string): { fromVersion: number; t: number } | null {
  if (set.origin !== 'generated' || !set.note) return null;
  const m = /^re-planned from v(\d+) \(\w+\) at step (\d+) of episode (\S+)$/.exec(set.note);
  if (!m || (episodeId !== undefined && m[3] !== episodeId)) return null;
  return { fromVersion: Number(m[1]), t: Number(m[2]) - 1 };
}

/** The plan a new episode may start from when `set` is the task's newest: an episode's re-plan is no such plan —
 * its kept prefix was confirmed in that episode, not this one — so it counts as the version it re-planned. */
export async function startingPlan(sets: Pick<SubgoalSetsRepo, 'list'>, set: SubgoalSet | undefined): Promise<SubgoalSet | undefined> {
  if (!set || !parseReplanNote(set)) return set;
  return startingVersion(await sets.list(set.taskId), set);
}

/** startingPlan over the task's versions at hand (the Subgoals page lists them all anyway). */
export function startingVersion(versions: readonly SubgoalSet[], set: SubgoalSet | undefined): SubgoalSet | undefined {
  let current: SubgoalSet | undefined = set;
  let replan = set ? parseReplanNote(set) : null;
  while (current && replan) {
    const from = replan.fromVersion;
    const previous: SubgoalSet | undefined = versions.find((v) => v.version === from);
    // A chain that skips forward is not one this code wrote: no starting plan rather than a wrong one.
    current = previous && previous.version < current.version ? previous : undefined;
    replan = current ? parseReplanNote(current) : null;
  }
  return current;
}

/** Every plan the episode acted on, oldest first, each with the step it took over at. The episode is linked
 * to its last plan only; each re-plan's note names the version it replaced (docs/design/MIRA.md §3.2), so the
 * chain is walked back. Verdicts before a re-plan judged the earlier plan's milestones, not the last plan's. */
export async function planHistory(sets: Pick<SubgoalSetsRepo, 'forEpisode' | 'list'>, episodeId: string): Promise<SubgoalPlanPeriod[]> {
  const last = await sets.forEpisode(episodeId);
  if (!last) return [];
  const periods: SubgoalPlanPeriod[] = [];
  let set: SubgoalSet | undefined = last;
  let versions: SubgoalSet[] | null = null;
  while (set) {
    const replan = parseReplanNote(set, episodeId);
    periods.unshift({ fromT: replan?.t ?? 0, set });
    if (!replan) break;
    versions ??= await sets.list(set.taskId);
    const previous: SubgoalSet | undefined = versions.find((v) => v.version === replan.fromVersion);
    // A chain that loops or skips forward is not one this code wrote: stop rather than mis-attribute.
    set = previous && previous.version < set.version ? previous : undefined;
  }
  return periods;
}

/** The plan in effect when step t was decided and judged (the last one that took over at or before t). */
export function planAt(periods: readonly SubgoalPlanPeriod[], t: number): SubgoalSet | null {
  let found: SubgoalSet | null = null;
  for (const p of periods) if (p.fromT <= t) found = p.set;
  return found ?? periods[0]?.set ?? null;
}
