// string_match: the agent's final answer against eval.reference_answers (docs/design/WEBARENA.md §2.2; original
// StringEvaluator, VAB's extended one). One EvaluationCheck per compared item.
import type { EvaluationCheck } from '../api/types';
import { REFERENCE_ANSWER_KEYS, type WebArenaEval } from '../tasks/webarena-config';
import { judgedCheck, type FuzzyJudge } from './fuzzy';
import type { ScoringProfile } from './profiles';
import { cleanAnswer, compareInequality, exactMatch, mustInclude, parseInteger, splitOr, tokenModeFor } from './text-rules';
import { UnscorableConfigError } from './unscorable';

export interface StringMatchInput {
  evalConfig: WebArenaEval;
  intent: string;
  /** null: the episode ended without a stop answer; scored as "" like the original's appended empty stop. */
  answer: string | null;
  profile: ScoringProfile;
  llm?: FuzzyJudge;
}

type Check = EvaluationCheck;
const check = (rule: string, expected: string, actual: string, passed: boolean, note?: string): Check => ({
  kind: 'string_match', rule, expected, actual, passed, score: passed ? 1 : 0, ...(note ? { note } : {}),
});

const NOT_A_LIST = 'the reference is not a list of strings: the original evaluators assert a list and cannot score this task';
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

const VAB_ADDITIONS = ['must_exclude', 'one_of', 'required_values'];
/** The keys of reference_answers: the one list task validation also checks (main/tasks/webarena-config.ts). */
const KNOWN_KEYS: readonly string[] = REFERENCE_ANSWER_KEYS;

export async function stringMatchChecks(input: StringMatchInput): Promise<Check[]> {
  const { evalConfig, profile } = input;
  const noAnswer = input.answer === null ? 'the episode ended without an answer; scored as the empty answer' : undefined;
  // The original cleans the answer once up front and each rule cleans it again; the second pass is kept.
  const pred = cleanAnswer(input.answer ?? '', profile);
  const refs = evalConfig.reference_answers;
  if (!refs || typeof refs !== 'object') {
    return [check('reference_answers', '(reference answers)', pred, false, 'string_match is listed but the config has no eval.reference_answers')];
  }
  // Keys apply in order to one running score (the product of the checks so far); the N/A rule may replace it.
  const checks: Check[] = [];
  for (const [approach, value] of Object.entries(refs)) {
    if (!KNOWN_KEYS.includes(approach) || (VAB_ADDITIONS.includes(approach) && !profile.extendedRules)) {
      // Both originals match on the keys they know and skip the rest, leaving the score unchanged.
      const why = VAB_ADDITIONS.includes(approach) ? 'a VisualAgentBench addition, not a WebArena rule' : 'not a rule of this evaluator';
      checks.push({ ...check(`${approach} (ignored under ${profile.name})`, JSON.stringify(value), pred, true,
        `${approach} is ${why}; the original skips it and the score is unchanged`), score: 1 });
      continue;
    }
    switch (approach) {
      case 'exact_match':
        if (typeof value !== 'string') checks.push(check('exact_match', String(value), pred, false, 'reference is not a string'));
        else checks.push(check('exact_match (cleaned strings equal)', value, pred, exactMatch(value, pred, profile), noAnswer));
        break;
      case 'must_include':
        // A bare string (WebArena-Lite task 81) fails like the originals, which assert a list and cannot score it.
        if (!isStringList(value)) checks.push(check('must_include', String(value), pred, false, NOT_A_LIST));
        else for (const item of value) checks.push(mustIncludeCheck(item, value.length === 1, pred, profile, noAnswer));
        break;
      case 'must_exclude':
        if (!isStringList(value)) checks.push(check('must_exclude', String(value), pred, false, NOT_A_LIST));
        else for (const item of value) {
          // VAB's must_exclude tokenises like its must_include but without the "/" parts.
          const mode = tokenModeFor(item, profile, { soleItem: value.length === 1, inPage: false });
          checks.push(check(`must_exclude (${mode})`, item, pred, !mustInclude(item, pred, mode, profile), noAnswer));
        }
        break;
      case 'one_of': {
        if (!isStringList(value)) { checks.push(check('one_of', String(value), pred, false, NOT_A_LIST)); break; }
        const found = value.find((v) => pred.includes(cleanAnswer(v, profile)));
        checks.push(check('one_of (any cleaned item is a substring)', value.join(' | '), pred, found !== undefined,
          found !== undefined ? `found "${found}"` : noAnswer));
        break;
      }
      case 'required_values':
        if (!isStringList(value)) checks.push(check('required_values', String(value), pred, false, NOT_A_LIST));
        else checks.push(...requiredValuesChecks(value, pred, 'string_match', noAnswer));
        break;
      default: // fuzzy_match
        if (value === 'N/A') checks.push(...(await notAchievableChecks(checks, pred, input)));
        else checks.push(...(await fuzzyChecks(value, pred, input)));
    }
  }
  if (checks.length === 0) checks.push(check('reference_answers', '(none)', pred, true, 'no reference items; the original scores this 1'));
  return checks;
}

function mustIncludeCheck(item: string, soleItem: boolean, pred: string, profile: ScoringProfile, note?: string): Check {
  const alternatives = profile.orInStringMatch ? splitOr(item) : [item];
  const modes = alternatives.map((alt) => tokenModeFor(alt, profile, { soleItem, inPage: false }));
  const passed = alternatives.some((alt, i) => mustInclude(alt, pred, modes[i], profile, { slashParts: profile.slashTokenParts }));
  const notes = [note];
  if (!profile.orInStringMatch && item.includes(' |OR| ')) notes.push('" |OR| " is literal text in string_match under the webarena profile');
  const rule = `must_include (${[...new Set(modes)].join(' / ')}${alternatives.length > 1 ? ', any alternative' : ''})`;
  return check(rule, item, pred, passed, notes.filter(Boolean).join('; ') || undefined);
}

/** required_values (VAB): the text must be an integer (str_2_int) satisfying every item; an item's
 * " |OR| " alternatives are inequalities of which one must hold. */
export function requiredValuesChecks(items: string[], text: string, kind: Check['kind'], note?: string): Check[] {
  const n = parseInteger(text);
  if (n === null) {
    return [{ ...check('required_values (numeric)', items.join(' AND '), text, false, `"${text}" is not an integer, so every comparison fails`), kind }];
  }
  return items.map((item) => {
    try {
      const passed = splitOr(item).some((ineq) => compareInequality(n, ineq));
      return { ...check('required_values (numeric)', item, String(n), passed, note), kind };
    } catch (err) {
      return { ...check('required_values (numeric)', item, String(n), false, (err as Error).message), kind };
    }
  });
}

/** fuzzy_match "N/A" (both originals): the exact-"N/A" result is multiplied into the running score; if that
 * is then not 1 (also when an earlier key failed), the LLM judges the stated reason against string_note and
 * its verdict *replaces* the string_match score so far. Earlier checks are then kept, marked as superseded. */
async function notAchievableChecks(earlier: Check[], pred: string, input: StringMatchInput): Promise<Check[]> {
  const { profile, llm, intent, evalConfig } = input;
  const exact = exactMatch('N/A', pred, profile);
  const running = earlier.reduce((s, c) => s * c.score, 1) * (exact ? 1 : 0);
  const exactCheck = check('fuzzy_match N/A (exact "N/A")', 'N/A', pred, exact);
  if (running === 1) return [exactCheck];
  const reason = evalConfig.string_note;
  if (typeof reason !== 'string') {
    throw new UnscorableConfigError('string_match fuzzy_match "N/A": the answer is not a passing "N/A", so the original judges the reason against eval.string_note, which this config lacks (the original raises)');
  }
  const superseded = 'superseded: the N/A rule replaced the string_match score so far with the reason judge\'s verdict';
  for (const c of earlier) if (c.kind === 'string_match') Object.assign(c, { score: 1, note: [c.note, superseded].filter(Boolean).join('; ') });
  const why = exact ? 'an earlier key failed' : 'the answer is not exactly "N/A"';
  const judged = await judgedCheck({ kind: 'string_match', rule: 'fuzzy_match N/A (LLM judges the stated reason against string_note)', expected: reason, actual: pred },
    { question: intent, reference: reason, answer: pred, mode: 'unachievable', profile: profile.name }, llm, `${why}, so the reason judge decides`);
  return [{ ...exactCheck, score: 1, note: superseded }, judged];
}

/** fuzzy_match with references: the judge is asked even for an empty answer, as both originals do. */
async function fuzzyChecks(value: unknown, pred: string, input: StringMatchInput): Promise<Check[]> {
  const { profile, llm, intent } = input;
  if (!isStringList(value)) return [check('fuzzy_match', String(value), pred, false, 'reference is neither a list of strings nor "N/A"')];
  const references = profile.fuzzyReferences === 'joined' ? [value.join(', ')] : value;
  const rule = profile.fuzzyReferences === 'joined' ? 'fuzzy_match (LLM, one call, references joined)' : 'fuzzy_match (LLM, per reference)';
  const out: Check[] = [];
  for (const reference of references) {
    out.push(await judgedCheck({ kind: 'string_match', rule, expected: reference, actual: pred },
      { question: intent, reference, answer: pred, mode: 'fuzzy_match', profile: profile.name }, llm, input.answer === null ? 'the episode ended without an answer' : undefined));
  }
  return out;
}
