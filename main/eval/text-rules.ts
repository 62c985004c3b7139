// The string rules shared by string_match and program_html (docs/design/WEBARENA.md §2.2), parameterised by the
// scoring profile. Each function restates one rule of the original StringEvaluator / NumericEvaluator.
import { pyStrip } from '../actions/python-text';
import { OR_SEPARATOR } from '../tasks/webarena-config';
import type { ScoringProfile } from './profiles';
import { wordTokenize } from './tokenize';

/** Answer cleaning: (original: trim,) drop one pair of surrounding ' or " quotes, lower-case. */
export function cleanAnswer(text: string, profile: ScoringProfile): string {
  let s = profile.trimAnswer ? pyStrip(text) : text;
  // Python's startswith/endswith: a lone quote character counts as both and is cut to "".
  if ((s.startsWith("'") && s.endsWith("'")) || (s.startsWith('"') && s.endsWith('"'))) s = s.slice(1, -1);
  return s.toLowerCase();
}

export function exactMatch(ref: string, pred: string, profile: ScoringProfile): boolean {
  return cleanAnswer(pred, profile) === cleanAnswer(ref, profile);
}

export type TokenMode = 'whole-token' | 'substring';

/** Decides how one must_include/must_exclude item is matched. `soleItem`: the reference list has exactly
 * one item; `inPage`: a program_html check (the original never tokenises there). */
export function tokenModeFor(ref: string, profile: ScoringProfile, opts: { soleItem: boolean; inPage: boolean }): TokenMode {
  const clean = cleanAnswer(ref, profile);
  if (profile.wholeTokenRule === 'single-token') return wordTokenize(clean).length === 1 ? 'whole-token' : 'substring';
  // Original: tokenize=(len(list) == 1) in string_match, False in program_html; then a one-character item.
  const single = opts.soleItem && !opts.inPage && [...clean].length === 1 && wordTokenize(clean).length === 1;
  return single ? 'whole-token' : 'substring';
}

/** must_include: the cleaned item is a substring of the cleaned text, or one of its tokens. With
 * `slashParts` (VAB's must_include), a token holding "/" also contributes its "/"-separated parts. */
export function mustInclude(ref: string, pred: string, mode: TokenMode, profile: ScoringProfile, opts: { slashParts?: boolean } = {}): boolean {
  const r = cleanAnswer(ref, profile);
  const p = cleanAnswer(pred, profile);
  if (mode === 'substring') return p.includes(r);
  const tokens = wordTokenize(p);
  if (opts.slashParts) for (const token of [...tokens]) if (token.includes('/')) tokens.push(...token.split('/'));
  return tokens.includes(r);
}

/** Splits " |OR| " alternatives. */
export function splitOr(item: string): string[] {
  return item.split(OR_SEPARATOR);
}

/** VAB's str_2_int: strip, drop thousands commas, then Python int() (digits, optional sign, "_" groups). */
export function parseInteger(text: string): number | null {
  const s = pyStrip(text).replace(/,/g, '');
  if (!/^[+-]?\d+(_\d+)*$/.test(s)) return null;
  return Number(s.replace(/_/g, ''));
}

const TOLERANCE = 1e-8;
// Checked in this order: the first operator found in the string is the one used (VAB compare_inequality).
const OPERATORS: [string, (x: number, y: number) => boolean][] = [
  ['<=', (x, y) => x <= y + TOLERANCE],
  ['>=', (x, y) => x >= y - TOLERANCE],
  ['==', (x, y) => Math.abs(x - y) <= TOLERANCE],
  ['<', (x, y) => x < y + TOLERANCE],
  ['>', (x, y) => x > y - TOLERANCE],
];

/** VAB compare_inequality: `value` against "< 700", ">= 300", "== 5" with a 1e-8 tolerance (note that "<"
 * therefore also accepts equality, as in the original). Throws on a malformed inequality, as it does. */
export function compareInequality(value: number, inequality: string): boolean {
  for (const [op, test] of OPERATORS) {
    if (!inequality.includes(op)) continue;
    const parts = inequality.split(op);
    if (parts.length !== 2) throw new Error(`inequality "${inequality}" has "${op}" more than once`);
    const bound = parsePythonFloat(parts[1]);
    if (bound === null) throw new Error(`inequality "${inequality}": "${parts[1].trim()}" is not a number`);
    return test(value, bound);
  }
  throw new Error(`invalid inequality "${inequality}": expected one of <=, >=, ==, <, > and a number`);
}

function parsePythonFloat(text: string): number | null {
  const s = pyStrip(text);
  if (!/^[+-]?(\d+(_\d+)*(\.(\d+(_\d+)*)?)?|\.\d+(_\d+)*)([eE][+-]?\d+)?$/.test(s)) return null;
  return Number(s.replace(/_/g, ''));
}

/** Python's str() of a value returned by page.evaluate (the original compares str(result)). Playwright hands
 * Python a JSON number as an int when it has no fraction, else a float. */
export function pythonStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return pythonNumber(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}

function pythonNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : n < 0 ? '-inf' : 'nan';
  if (Object.is(n, -0)) return '-0.0';
  // An integral JSON number below 1e21 reaches Python as an int, printed in full as JavaScript prints it.
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  // A float: Python's repr uses the same shortest digits, but scientific form below 1e-4 (JavaScript: 1e-6)
  // and a two-digit exponent ("1e-05", "1e+21").
  const text = Math.abs(n) < 1e-4 ? n.toExponential() : String(n);
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

// Python's repr escapes the non-printable characters (control and format characters, and every separator
// but the ASCII space): \t \n \r by name, others as \xNN, \uNNNN or \UNNNNNNNN.
const NOT_PRINTABLE = /[\\\p{C}\p{Zl}\p{Zp}\p{Zs}]/gu;

/** Python's repr() of a value inside a list or dict: strings quoted and escaped as Python quotes them. */
function pythonRepr(value: unknown): string {
  if (typeof value !== 'string') return pythonStr(value);
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const body = value.replace(NOT_PRINTABLE, (ch) => {
    if (ch === ' ') return ch;
    if (ch === '\\') return '\\\\';
    if (ch === '\t') return '\\t';
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    const cp = ch.codePointAt(0)!;
    const hex = cp.toString(16);
    return cp <= 0xff ? `\\x${hex.padStart(2, '0')}` : cp <= 0xffff ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`;
  });
  return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
}

/** Shortens long text (whole-page HTML) for a check's `actual`, saying how long it was. */
export function preview(text: string, max = 400): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
}
