// Text an agent is asked to type (new titles, bodies, comments, replies): drawn per instance from these
// pieces, so answers cannot be guessed and instances differ.
import { pick, type Rng } from '../../../random/seeded-random';

const OPENERS = ['Quick question', 'Weekend project', 'Looking for advice', 'Just sharing', 'Small milestone', 'Need a second opinion'];
const TOPICS = ['about {noun}', 'on my {noun}', 'with the {noun}', 'regarding a {noun}'];
const BODIES = [
  'Has anyone here compared {noun} options recently? I would love some pointers.',
  'I spent the weekend on my {noun} and learned a lot. Happy to answer questions.',
  'Posting this for future readers: the {noun} works much better after a reset.',
  'What would you change about your {noun} if you started over today?',
  'Three months in with the {noun}, here is what surprised me the most.',
];
const REPLIES = [
  'Thanks, this is really helpful!', 'Totally agree with you on this.', 'Could you explain that in more detail?',
  'I had the exact same experience.', 'Interesting point, I had not thought of that.', 'This deserves more upvotes.',
  'Bookmarking this, great answer.', 'Not sure I agree, but thanks for sharing.',
];
const SIGNOFFS = ['Cheers', 'Thanks all', 'Good luck', 'See you around', 'Have a great day'];

const fill = (t: string, noun: string): string => t.replace('{noun}', noun);

export function newTitle(rng: Rng, noun: string): string {
  return `${pick(rng, OPENERS)} ${fill(pick(rng, TOPICS), noun)} (${2 + Math.floor(rng() * 97)})`;
}

export function newBody(rng: Rng, noun: string): string {
  return fill(pick(rng, BODIES), noun);
}

/** A short comment, numbered so two instances rarely ask for the same text. */
export function newComment(rng: Rng): string {
  return `${pick(rng, REPLIES)} ${pick(rng, SIGNOFFS)} #${10 + Math.floor(rng() * 90)}`;
}
