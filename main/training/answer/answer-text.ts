// The pieces of one page text that can be a task's answer (docs/design/MIRA.md §4.19): the whole text when it
// is short (a username, a branch, a place), the value of a "Label: value" text, every date and every number
// (an amount without its currency sign, a count, a version; with its unit when one follows, "112 min"). And
// the key two answers are compared by, which is the evaluator's own answer cleaning.
import { PROFILES } from '../../eval/profiles';
import { cleanAnswer } from '../../eval/text-rules';

export type AnswerKind = 'text' | 'number' | 'date';

export interface AnswerAtom {
  text: string;
  kind: AnswerKind;
  /** Up to three words just before the atom in the same text ("version", "Time"); '' at the start. */
  before: string;
}

/** A whole text is an answer of its own up to this many words ("Union Bakery Cafe", "fix/18-login"). */
const MAX_WHOLE_WORDS = 5;
const MAX_WHOLE_CHARS = 60;
/** Numbers and dates taken from one text: a long text (a file, an address) holds many. */
const MAX_ATOMS_PER_TEXT = 6;

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*';
const DATE = new RegExp(`\\b${MONTH}\\.? \\d{1,2}, \\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`, 'g');
// An amount or count as written: optional currency sign, thousands groups, decimals or a dotted version;
// not part of a word ("2e7a78c6", "v2") or of a larger number.
const NUMBER = /(?<![\w.,])[$€£]?\d+(?:,\d{3})*(?:\.\d+)*(?![\w]|[.,]\d)/g;
// Units the sandbox's answers carry after a number (travel time, distance, weight, share).
const UNITS = '(min|mins|minutes|h|hr|hrs|hours|km|m|mi|miles|kg|g|lb|lbs|%)(?![\\w])';
const UNIT = new RegExp(`^ ?${UNITS}`);
// A text ending in a preposition leads in to the next node ("Submitted by", "3 days ago in"): not an answer.
const LEAD_IN = /(?:^|\s)(?:by|in|on|of|to|at|from|for|into|with)$/i;
// A label is words ("Time", "Straight-line distance"), not code ('{ "name"').
const LABEL_VALUE = /^(\p{L}[\p{L}\p{N} '/-]{0,39}):\s+(.+)$/u;
const CURRENCY = /^[$€£]/;

/** The key answers compare by: the evaluator's cleaning (trim, one pair of quotes dropped, lower case;
 * text-rules.ts) without a leading currency sign, since the sandbox's references are bare amounts. */
export function answerKey(text: string): string {
  return cleanAnswer(text, PROFILES.webarena).replace(CURRENCY, '').trim();
}

/** The answer atoms of one text, in the order described above. */
export function answerAtoms(raw: string): AnswerAtom[] {
  const text = raw.replace(/\s+/g, ' ').replace(/[\s·:|,;]+$/u, '').trim();
  if (!text) return [];
  const out: AnswerAtom[] = [];
  const wordCount = text.split(' ').length;
  const labelled = LABEL_VALUE.exec(text);
  // "Time: 112 min" offers its value, "112 min", rather than itself.
  if (labelled && labelled[2].split(' ').length <= MAX_WHOLE_WORDS) out.push({ text: labelled[2], kind: kindOfWhole(labelled[2]), before: labelled[1] });
  else if (wordCount <= MAX_WHOLE_WORDS && text.length <= MAX_WHOLE_CHARS && !LEAD_IN.test(text)) out.push({ text, kind: kindOfWhole(text), before: '' });
  const spans: { start: number; end: number; atom: AnswerAtom }[] = [];
  for (const m of text.matchAll(DATE)) spans.push({ start: m.index!, end: m.index! + m[0].length, atom: { text: m[0], kind: 'date', before: '' } });
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index!;
    if (spans.some((s) => start < s.end && start + m[0].length > s.start)) continue; // a date's day or year
    const amount = m[0].replace(CURRENCY, '');
    const unit = UNIT.exec(text.slice(start + m[0].length));
    spans.push({ start, end: start + m[0].length, atom: { text: unit ? `${amount} ${unit[1]}` : amount, kind: 'number', before: '' } });
    // "1,234.50" is also offered as "1234.50": references write amounts either way.
    if (amount.includes(',')) spans.push({ start, end: start, atom: { text: amount.replace(/,/g, ''), kind: 'number', before: '' } });
  }
  spans.sort((a, b) => a.start - b.start);
  for (const s of spans.slice(0, MAX_ATOMS_PER_TEXT)) out.push({ ...s.atom, before: wordsBefore(text, s.start) });
  return out;
}

const WHOLE_DATE = new RegExp(`^(?:${DATE.source})$`);
const WHOLE_NUMBER = new RegExp(`^${NUMBER.source}(?: ?${UNITS})?$`);

function kindOfWhole(text: string): AnswerKind {
  if (WHOLE_DATE.test(text)) return 'date';
  return WHOLE_NUMBER.test(text) ? 'number' : 'text';
}

function wordsBefore(text: string, index: number): string {
  const words = text.slice(0, index).split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  return words.filter(Boolean).slice(-3).join(' ');
}
