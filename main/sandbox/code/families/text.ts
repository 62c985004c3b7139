// Text an agent is asked to type (issue titles, comments): drawn per instance from these pieces, so answers
// cannot be guessed and instances differ.
import { pick, type Rng } from '../../../random/seeded-random';

const VERBS = ['Investigate', 'Document', 'Add tests for', 'Clean up', 'Speed up', 'Review'];
const THINGS = ['the release checklist', 'the onboarding guide', 'the error codes', 'the backup job', 'the CI cache', 'the plugin loader', 'the changelog script'];
const COMMENTS = [
  'I can take this one this week.', 'Confirmed on my machine as well.', 'Linking the related discussion here.',
  'Let us prioritise this for the next release.', 'A fix is ready for review.', 'Thanks, this detail helps a lot.',
];

/** A new issue title, numbered so two instances rarely ask for the same text. */
export function newIssueTitle(rng: Rng): string {
  return `${pick(rng, VERBS)} ${pick(rng, THINGS)} (${10 + Math.floor(rng() * 90)})`;
}

export function newComment(rng: Rng): string {
  return `${pick(rng, COMMENTS)} #${100 + Math.floor(rng() * 900)}`;
}
