// string_match: the agent's final answer against eval.reference_answers (WEBARENA.md "Scoring"; original
// StringEvaluator, VAB's extended one). One EvaluationCheck per compared item.
import type { EvaluationCheck } from '../api/types';
import type { WebArenaEval } from '../tasks/webarena-config';
import { judgedCheck, type FuzzyJudge } from './fuzzy';
import type { ScoringProfile } from './profiles';
import { cleanAnswer, compareInequality, exactMatch, mustInclude, parseInteger, splitOr, tokenModeFor } from './text-rules';

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

export async function stringMatchChecks(input: StringMatchInput): Promise<Check[]> {
  const { evalConfig, profile } = input;
  const noAnswer = input.answer === null ? 'the episode ended without an answer; scored as the empty answer' : undefined;
  // The original cleans the answer once up front and each rule cleans it again; the second pass is kept.
  const pred = cleanAnswer(input.answer ?? '', profile);
  const refs = evalConfig.reference_answers;
  if (!refs || typeof refs !== 'object') {
    return [check('reference_answers', '(reference answers)', pred, false, 'string_match is listed but the config has no eval.reference_answers')];
  }
  const checks: Check[] = [];
  for (const [approach, value] of Object.entries(refs)) {
    if (['must_exclude', 'one_of', 'required_values'].includes(approach) && !profile.extendedRules) {
      checks.push(check(approach, JSON.stringify(value), pred, false,
        `${approach} is a VisualAgentBench addition, not an original WebArena rule; score it with the vab-lite profile`));
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
      case 'fuzzy_match':
        checks.push(...(await fuzzyChecks(value, pred, input, noAnswer)));
        break;
      default:
        checks.push(check(approach, JSON.stringify(value), pred, false, `unknown reference_answers key "${approach}"`));
    }
  }
  if (checks.length === 0) checks.push(check('reference_answers', '(none)', pred, true, 'no reference items; the original scores this 1'));
  return checks;
}

function mustIncludeCheck(item: string, soleItem: boolean, pred: string, profile: ScoringProfile, note?: string): Check {
  const alternatives = profile.orInStringMatch ? splitOr(item) : [item];
  const modes = alternatives.map((alt) => tokenModeFor(alt, profile, { soleItem, inPage: false }));
  const passed = alternatives.some((alt, i) => mustInclude(alt, pred, modes[i], profile));
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

async function fuzzyChecks(value: unknown, pred: string, input: StringMatchInput, noAnswer?: string): Promise<Check[]> {
  const { profile, llm, intent, evalConfig } = input;
  if (value === 'N/A') {
    // N/A rule: exact "N/A" first; otherwise an LLM judges whether the stated reason matches string_note.
    if (exactMatch('N/A', pred, profile)) return [check('fuzzy_match N/A (exact "N/A")', 'N/A', pred, true)];
    const rule = 'fuzzy_match N/A (not exactly "N/A": LLM judges the stated reason against string_note)';
    const reason = evalConfig.string_note;
    if (typeof reason !== 'string') return [check(rule, 'N/A', pred, false, 'the config has no eval.string_note to judge against')];
    if (pred.length === 0) return [check(rule, reason, pred, false, noAnswer ?? 'empty answer; no judge call')];
    return [await judgedCheck({ kind: 'string_match', rule, expected: reason, actual: pred },
      { question: intent, reference: reason, answer: pred, mode: 'unachievable' }, llm)];
  }
  if (!isStringList(value)) return [check('fuzzy_match', String(value), pred, false, 'reference is neither a list of strings nor "N/A"')];
  const references = profile.fuzzyReferences === 'joined' ? [value.join(', ')] : value;
  const rule = profile.fuzzyReferences === 'joined' ? 'fuzzy_match (LLM, one call, references joined)' : 'fuzzy_match (LLM, per reference)';
  const out: Check[] = [];
  for (const reference of references) {
    // An empty answer cannot match a non-empty reference: no judge call (as the later original does).
    if (pred.length === 0) out.push(check(rule, reference, pred, reference.length === 0, noAnswer ?? 'empty answer; no judge call'));
    else out.push(await judgedCheck({ kind: 'string_match', rule, expected: reference, actual: pred },
      { question: intent, reference, answer: pred, mode: 'fuzzy_match' }, llm));
  }
  return out;
}
