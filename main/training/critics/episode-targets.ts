// The critics' targets for a recorded episode of any policy (issue 17): V's target is the evaluator's
// outcome r (docs/design/MIRA.md §4.2); P's are the progress labels p*_0..p*_T (§4.3) built from the episode's
// stored subgoal judgements — the progress vectors its steps carry (reference predicates or the AutoRater,
// as the monitor decided them), or, where the steps carry none, its stored verdicts.
import { completionStates, episodeProgressLabels } from '../phases/labels';

export interface StoredVerdict {
  t: number;
  subgoalIndex: number;
  done: boolean;
}

export type LabelSource = 'steps' | 'verdicts' | null;

export interface EpisodeTargets {
  outcome: 0 | 1;
  /** p*_0..p*_T (length T + 1); null when the episode was judged against no subgoals. */
  labels: number[] | null;
  source: LabelSource;
  K: number | null;
}

/**
 * Progress vectors after each of T steps from stored verdicts: milestone k counts as done from the first step
 * a verdict said so (a milestone once reached stays reached, as the monitor keeps it).
 */
export function progressFromVerdicts(verdicts: readonly StoredVerdict[], T: number, K: number): number[][] {
  const doneFrom = new Array<number>(K).fill(Number.POSITIVE_INFINITY);
  for (const v of verdicts) {
    if (v.done && v.subgoalIndex >= 0 && v.subgoalIndex < K) doneFrom[v.subgoalIndex] = Math.min(doneFrom[v.subgoalIndex], v.t);
  }
  return Array.from({ length: T }, (_, t) => doneFrom.map((from) => (t >= from ? 1 : 0)));
}

/**
 * Targets of one episode of T ≥ 1 steps. `progressAfter[t]`: the vector stored with step t (judged after its
 * action), or null; `verdicts` and `K` (the size of the subgoal set it was judged against) are used only
 * when no step carries a vector.
 */
export function episodeTargets(success: boolean, progressAfter: readonly (readonly number[] | null)[], verdicts: readonly StoredVerdict[] = [], K: number | null = null): EpisodeTargets {
  const T = progressAfter.length;
  if (T < 1) throw new Error('episodeTargets: an episode needs at least one step.');
  const outcome = success ? 1 : 0;
  const stored = progressAfter.findLast((p) => p !== null) ?? null;
  if (stored && stored.length > 0) {
    // A step without a vector (an unparsed reply) keeps the milestones of the step before it.
    let last: readonly number[] = stored.map(() => 0);
    const filled = progressAfter.map((p) => (last = p ?? last));
    return { outcome, labels: labels(filled, T, stored.length, success), source: 'steps', K: stored.length };
  }
  if (K && K > 0 && verdicts.length > 0) return { outcome, labels: labels(progressFromVerdicts(verdicts, T, K), T, K, success), source: 'verdicts', K };
  return { outcome, labels: null, source: null, K: null };
}

function labels(progressAfter: readonly (readonly number[])[], T: number, K: number, success: boolean): number[] {
  return episodeProgressLabels(completionStates(progressAfter, K), T, K, success);
}
