// Save-time check of the url_matches patterns in a subgoal set (a hand-saved set through the API, ./save-check.ts): a pattern that
// does not compile, has a shape known to backtrack exponentially (./regex-shape.ts), or runs past the time
// limit on long test URLs is refused with a message naming it, before it can be judged every step. The
// time limit at judging time (./bounded-regex.ts) still covers what this check cannot see, and sets stored
// before it existed (docs/design/SANDBOX.md §3.3).
import type { SubgoalItem } from '../api/inference-types';
import { boundedRegexTest, MATCH_LIMIT_MS, MAX_MATCH_INPUT } from './bounded-regex';
import { exponentialShape } from './regex-shape';

/** Characters a URL is made of, tried as the repeated part of the test URLs besides the pattern's own. */
const URL_CHARACTERS = 'a0/.-_%=&?~ ';
const PREFIXES = ['', 'http://localhost/'];
/** The pattern's own characters tried at most (each adds two test runs). */
const OWN_CHARACTERS = 16;

/** Why `pattern` cannot be a url_matches pattern, or null when it can. */
export function urlPatternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern);
  } catch (err) {
    return `is not a valid regular expression (${(err as Error).message})`;
  }
  const shape = exponentialShape(pattern);
  if (shape) return `can take exponential time on a non-matching URL: ${shape}`;
  for (const input of probeInputs(pattern)) {
    if (boundedRegexTest(pattern, input).kind === 'timeout') {
      return `ran longer than ${MATCH_LIMIT_MS} ms on a ${input.length}-character test URL (repeated ${JSON.stringify(input.at(-2))}); simplify its repetition, e.g. fewer .* in a row`;
    }
  }
  return null;
}

/** One line per unusable url_matches pattern in the set, numbered as the editor shows the subgoals. */
export function subgoalPatternProblems(items: readonly SubgoalItem[]): string[] {
  return items.flatMap((item, k) => {
    const predicate = item.predicate;
    if (predicate?.kind !== 'url_matches') return [];
    const problem = urlPatternProblem(predicate.pattern);
    return problem ? [`Subgoal ${k + 1}: the URL pattern /${predicate.pattern}/ ${problem}.`] : [];
  });
}

// Long runs of one character, ending in one no pattern expects: a backtracking blow-up shows on a failing match.
function probeInputs(pattern: string): string[] {
  const own = [...new Set(pattern.replace(/\\./g, '').match(/[\w/.:=&%~-]/g) ?? [])].slice(0, OWN_CHARACTERS);
  const characters = [...new Set([...URL_CHARACTERS, ...own])];
  return PREFIXES.flatMap((prefix) => characters.map((c) => prefix + c.repeat(MAX_MATCH_INPUT - prefix.length - 1) + '\u0001'));
}
