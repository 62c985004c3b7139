// Numeric answers that a wrong answer cannot contain (docs/design/SANDBOX.md §3.1). WebArena's must_include is
// a substring test (a one-character sole item excepted), so "12" passes "On 2023-04-12 I sold 3" and "340.27"
// passes "1340.27". The evaluator stays as it is; a family instead keeps only combinations whose numeric
// reference items hide neither in the values its intent names (an answer that restates the question) nor in
// the wrong answers a person could plausibly give instead (`FamilyBuild.wrongAnswers`).
import type { ReferenceAnswers } from './config';

const NUMBER = /^-?\d[\d.,]*$/;

/** The must_include items that are numbers and could be embedded: a one-character sole item is matched as
 * a whole token by the webarena profile, so it cannot. */
export function embeddableNumbers(answers: ReferenceAnswers): string[] {
  if (!('must_include' in answers)) return [];
  const items = answers.must_include;
  return items.filter((item) => NUMBER.test(item) && !(items.length === 1 && item.length === 1));
}

/** Why an answer with these reference items is ambiguous, or null when no wrong text contains one. */
export function embeddedAnswer(answers: ReferenceAnswers, intentValues: Array<string | number>, wrongAnswers: string[]): string | null {
  const refs = embeddableNumbers(answers).map((r) => r.toLowerCase());
  for (const ref of refs) {
    const echo = intentValues.map(String).find((v) => v.toLowerCase().includes(ref));
    if (echo !== undefined) return `"${ref}" is inside "${echo}", which the intent names`;
    const wrong = wrongAnswers.find((w) => w.toLowerCase() !== ref && w.toLowerCase().includes(ref));
    if (wrong !== undefined) return `"${ref}" is inside the wrong answer "${wrong}"`;
  }
  return null;
}
