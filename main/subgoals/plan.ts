// The milestones one episode is working against, shared by the SGO policy (which plans and re-plans) and the
// AutoRater (which judges them). Each plan change is a stored subgoal-set version linked to the episode.
import type { SubgoalItem, SubgoalSet } from '../api/inference-types';
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
