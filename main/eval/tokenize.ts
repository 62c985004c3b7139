// A TypeScript approximation of NLTK's word_tokenize, which both evaluators use for whole-token
// must_include (docs/design/WEBARENA.md §2.2). NLTK first splits sentences with its trained Punkt model, then
// runs the improved Penn-Treebank regexes on each sentence (NLTK 3.8.1's rules, which VAB's harness pins).
// Punkt is approximated by "a period, ? or ! followed by white space ends a sentence" plus its rules that need
// no trained model (splitSentences), so abbreviations such as "e.g. x" split where Punkt might not.

import { PY_SPACE } from '../actions/python-text';

type Rule = [RegExp, string];
const W = '[\\p{L}\\p{N}_]'; // Python's Unicode-aware \w
// Python's \s and str.split(): its white space adds \x1c-\x1f and \x85 to JavaScript's and leaves out \ufeff.
const SPACE = `[${PY_SPACE}]`;

const STARTING_QUOTES: Rule[] = [
  [/([«“‘„]|`+)/gu, ' $1 '],
  [/^"/u, '``'],
  [/(``)/gu, ' $1 '],
  [/([ ([{<])("|'{2})/gu, '$1 `` '],
  [new RegExp(`(')(?!re|ve|ll|m|t|s|d|n)(${W})(?!${W})`, 'giu'), '$1 $2'],
];

const PUNCTUATION: Rule[] = [
  [new RegExp(`([^.])(\\.)([\\])}>"'»”’ ]*)${SPACE}*$`, 'u'), '$1 $2 $3 '],
  [/([:,])([^\p{Nd}])/gu, ' $1 $2'], // Python's \d is any decimal digit
  [/([:,])$/u, ' $1 '],
  [/\.{2,}/gu, ' $& '],
  [/[;@#$%&]/gu, ' $& '],
  [new RegExp(`([^.])(\\.)([\\])}>"']*)${SPACE}*$`, 'u'), '$1 $2$3 '],
  [/[?!]/gu, ' $& '],
  [/([^'])' /gu, "$1 ' "],
  [/[*]/gu, ' $& '],
];

const PARENS_BRACKETS: Rule = [/[\][(){}<>]/gu, ' $& '];
const DOUBLE_DASHES: Rule = [/--/gu, ' -- '];

const ENDING_QUOTES: Rule[] = [
  [/([»”’])/gu, ' $1 '],
  [/''/gu, " '' "],
  [/"/gu, " '' "],
  [/([^' ])('[sS]|'[mM]|'[dD]|') /gu, '$1 $2 '],
  [/([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) /gu, '$1 $2 '],
];

// Robert MacIntyre's contractions, as NLTK applies them (cannot → can not, gonna → gon na, …). Python's `\b` is
// Unicode-aware (ß, İ, ﬁ are word characters) where JavaScript's is ASCII-only, so the boundaries are spelled
// out with W: "İcannot" stays one token, as in NLTK.
const B_START = `(?<!${W})`;
const B_END = `(?!${W})`;
const CONTRACTIONS: RegExp[] = [
  ['(can)(not)', B_START, B_END],
  ["(d)('ye)", B_START, B_END],
  ['(gim)(me)', B_START, B_END],
  ['(gon)(na)', B_START, B_END],
  ['(got)(ta)', B_START, B_END],
  ['(lem)(me)', B_START, B_END],
  ["(more)('n)", B_START, B_END],
  ['(wan)(na)', B_START, `(?=${SPACE})`],
  ["('t)(is)", ' ', B_END],
  ["('t)(was)", ' ', B_END],
].map(([body, before, after]) => new RegExp(`${before}${body}${after}`, 'giu'));

function applyAll(text: string, rules: Rule[]): string {
  // Python's re.sub over a whole string; a space-separated template is applied by String.replace.
  return rules.reduce((t, [re, sub]) => t.replace(re, sub), text);
}

/** Penn-Treebank tokenisation of one sentence (NLTKWordTokenizer.tokenize). */
export function tokenizeSentence(sentence: string): string[] {
  let text = applyAll(sentence, STARTING_QUOTES);
  text = applyAll(text, PUNCTUATION);
  text = applyAll(text, [PARENS_BRACKETS, DOUBLE_DASHES]);
  text = ` ${text} `;
  text = applyAll(text, ENDING_QUOTES);
  for (const re of CONTRACTIONS) text = text.replace(re, ' $1 $2 ');
  return text.split(SPACES).filter((t) => t.length > 0);
}

// Punkt's rules that need no trained model (its orthographic heuristic with nothing learned): a number
// ("5.", "3.88.") before a lower-case word or ";:,.!?" does not end a sentence, nor does an initial ("J.")
// before a word, nor an ellipsis unless a capitalised word follows.
const NUMBER_TOKEN = /^-?[.,]?\p{Nd}[\p{Nd},.-]*\.$/u;
const INITIAL_TOKEN = /^(?!\p{Nd})[\p{L}\p{N}_]\.$/u; // Python [^\W\d]\.
const ELLIPSIS_TOKEN = /^\.\.+$/u;
const SPACES = new RegExp(`${SPACE}+`, 'u');
const TRAILING_SPACE = new RegExp(`${SPACE}+$`, 'u');
const BLANK = new RegExp(`^${SPACE}*$`, 'u');
const REALIGN = new RegExp(`^["')\\]}]+?(?:${SPACE}+|(?=--)|$)`, 'u');
const BREAK_CANDIDATE = new RegExp(`(?<=[.?!]["'”’)\\]]*)(${SPACE}+)`, 'u');
// Characters Punkt's own tokeniser splits off the start of a word.
const NOT_WORD_START = /^[("`{[:;&#*@)}\]\-,]+/u;

function continuesSentence(previous: string, next: string): boolean {
  const last = (previous.replace(TRAILING_SPACE, '').split(SPACES).pop() ?? '').replace(NOT_WORD_START, '');
  // A period followed by a closing quote or bracket ("5.)") leaves Punkt's next token a punctuation mark: a break.
  const first = [...next][0] ?? '';
  const lower = first !== first.toUpperCase() && first === first.toLowerCase();
  const upper = first !== first.toLowerCase() && first === first.toUpperCase();
  // Punkt also needs something after a "?", "!" or "." that follows: "5. ?" is one sentence, "5. ??" two.
  const chunk = next.split(SPACES)[0];
  const punctuation = ';:,'.includes(first) || (chunk.length === 1 && '.!?'.includes(first));
  if (/\.\.$/u.test(last) || ELLIPSIS_TOKEN.test(last)) return !upper;
  // An initial before a capitalised word Punkt leaves "unknown" and keeps in the sentence ("J. Smith").
  if (INITIAL_TOKEN.test(last)) return lower || upper || punctuation;
  if (NUMBER_TOKEN.test(last)) return lower || punctuation;
  return false;
}

/** Sentence split standing in for Punkt: after ".", "?" or "!" (and closing quotes/brackets) + white space,
 * except where Punkt's model-independent rules above keep the sentence going. Its learned abbreviations
 * ("e.g. x", "Dr. Smith") are not known here, so those still split. */
export function splitSentences(text: string): string[] {
  // The capturing split alternates pieces and the white space between them, kept when pieces are rejoined.
  const parts = text.split(BREAK_CANDIDATE);
  const sentences: string[] = [];
  let tail = ''; // the last text added to the current sentence, whose last word decides the next break
  for (let i = 0; i < parts.length; i += 2) {
    const piece = parts[i];
    if (BLANK.test(piece)) continue;
    const previous = sentences[sentences.length - 1];
    if (previous === undefined) { sentences.push((tail = piece)); continue; }
    if (continuesSentence(tail, piece)) { sentences[sentences.length - 1] = previous + parts[i - 1] + (tail = piece); continue; }
    // Punkt's boundary realignment: closing quotes and brackets that open the next piece end this sentence.
    const closers = REALIGN.exec(piece);
    if (closers) sentences[sentences.length - 1] = previous + parts[i - 1] + (tail = closers[0].replace(TRAILING_SPACE, ''));
    const rest = closers ? piece.slice(closers[0].length) : piece;
    if (!BLANK.test(rest)) sentences.push((tail = rest));
  }
  // Punkt's sentences end at the last non-space character ("can't\n" → "can't", so "n't" splits off).
  return sentences.map((sentence) => sentence.replace(TRAILING_SPACE, ''));
}

/** nltk.word_tokenize(text), approximately: sentences first, then words. */
export function wordTokenize(text: string): string[] {
  return splitSentences(text).flatMap(tokenizeSentence);
}
