// The run report's subgoal quality section (docs/design/MIRA.md §2.3): the statistics of subgoal-quality.ts over a
// run's scored episodes, each with a sentence a person can read without the paper — what the number says
// about this run, or why it is undefined — so the page and `analyze` print the same words.

import type { RunSubgoalQuality, SubgoalQualityStat } from '../api/run-report';
import { subgoalOutcomes, subgoalQuality } from './subgoal-quality';
import type { RunSubgoalEpisodes } from './run-subgoals';

const pct = (x: number) => `${Math.round(100 * x)}%`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Below this many episodes the section warns that one episode more or less moves the numbers a lot. */
export const FEW_EPISODES = 20;

export function runSubgoalQuality(input: RunSubgoalEpisodes): RunSubgoalQuality {
  if (!input.ok) return { available: false, reason: input.reason };
  const { K } = input;
  const outcomes = subgoalOutcomes(input.episodes, K);
  const q = subgoalQuality(outcomes, K);
  const successes = outcomes.filter((o) => o.success).length;
  const failures = q.n - successes;
  const allDone = q.confusion.tp + q.confusion.fp;
  const allK = `all ${plural(K, 'subgoal', 'subgoals')}`;
  const oneOutcome = successes === 0 ? 'every episode failed' : 'every episode succeeded';

  const stats: SubgoalQualityStat[] = [
    {
      key: 'auroc',
      label: 'AUROC',
      value: q.auroc,
      explanation:
        q.auroc === null
          ? `Undefined: ${oneOutcome}, so there is no successful–failed pair to compare.`
          : `Take one successful and one failed episode: in ${pct(q.auroc)} of the ${successes * failures} such pairs the successful one had completed a larger share of its subgoals (a tie counts half). 50% means subgoal progress says nothing about the outcome; 100% means it always ranks successes higher.`,
    },
    {
      key: 'kendallTauB',
      label: 'Kendall τ-b',
      value: q.kendallTauB,
      explanation:
        q.kendallTauB === null
          ? `Undefined: ${successes === 0 || failures === 0 ? oneOutcome : `every episode completed the same number of subgoals (${outcomes[0].completed} of ${K})`}, so there is nothing to rank.`
          : 'How consistently more subgoals completed goes with success, corrected for ties: +1 always, 0 no relation, −1 more progress goes with failure.',
    },
    {
      key: 'precision',
      label: 'Precision',
      value: q.precision,
      explanation:
        q.precision === null
          ? `Undefined: no episode completed ${allK}.`
          : `Of the ${plural(allDone, 'episode', 'episodes')} that completed ${allK}, ${q.confusion.tp} succeeded: how far "every subgoal done" can be trusted to mean success.`,
    },
    {
      key: 'recall',
      label: 'Recall',
      value: q.recall,
      explanation:
        q.recall === null
          ? 'Undefined: no episode succeeded.'
          : `Of the ${plural(successes, 'successful episode', 'successful episodes')}, ${q.confusion.tp} had completed ${allK}: how many successes the subgoals follow to the end.`,
    },
    {
      key: 'f1',
      label: 'F1',
      value: q.f1,
      explanation:
        q.f1 === null
          ? 'Undefined because precision or recall is.'
          : `Precision and recall in one number (their harmonic mean): 100% when exactly the successful episodes completed ${allK}.`,
    },
  ];
  const few = q.n < FEW_EPISODES ? ` With fewer than ${FEW_EPISODES} episodes, one episode more or less can move these numbers a lot.` : '';
  return {
    available: true,
    K,
    n: q.n,
    successes,
    sample: `${plural(q.n, 'scored episode', 'scored episodes')} (${successes} succeeded, ${failures} failed), K = ${plural(K, 'subgoal', 'subgoals')} each.${few}`,
    stats,
    byCompleted: q.byCompleted,
    strictlyIncreasing: q.strictlyIncreasing,
  };
}
