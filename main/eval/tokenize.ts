// A TypeScript approximation of NLTK's word_tokenize, which both evaluators use for whole-token
// must_include (docs/design/WEBARENA.md §2.2). NLTK first splits sentences with its trained Punkt model, then runs
// the improved Penn-Treebank regexes on each sentence. Punkt is approximated by "a period, ? or ! followed
// by white space ends a sentence", so abbreviations such as "e.g. x" split where Punkt might not.

type Rule = [RegExp, string];
const W = '[\\p{L}\\p{N}_]'; // Python's Unicode-aware \w

const STARTING_QUOTES: Rule[] = [
  [/([«“‘„]|`+)/gu, ' $1 '],
  [/^"/u, '``'],
  [/(``)/gu, ' $1 '],
  [/([ ([{<])("|'{2})/gu, '$1 `` '],
  [new RegExp(`(')(?!re|ve|ll|m|t|s|d|n)(${W})(?!${W})`, 'giu'), '$1 $2'],
];

const PUNCTUATION: Rule[] = [
  [/([^.])(\.)([\])}>"'»”’ ]*)\s*$/u, '$1 $2 $3 '],
  [/([:,])([^\d])/gu, ' $1 $2'],
  [/([:,])$/u, ' $1 '],
  [/\.{2,}/gu, ' $& '],
  [/[;@#$%&]/gu, ' $& '],
  [/([^.])(\.)([\])}>"']*)\s*$/u, '$1 $2$3 '],
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

// Robert MacIntyre's contractions, as NLTK applies them (cannot → can not, gonna → gon na, …).
const CONTRACTIONS: RegExp[] = [
  /\b(can)(not)\b/giu,
  /\b(d)('ye)\b/giu,
  /\b(gim)(me)\b/giu,
  /\b(gon)(na)\b/giu,
  /\b(got)(ta)\b/giu,
  /\b(lem)(me)\b/giu,
  /\b(more)('n)\b/giu,
  /\b(wan)(na)(?=\s)/giu,
  / ('t)(is)\b/giu,
  / ('t)(was)\b/giu,
];

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
  return text.split(/\s+/u).filter((t) => t.length > 0);
}

/** Sentence split standing in for Punkt: after ".", "?" or "!" (and closing quotes/brackets) + white space. */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.?!]["'”’)\]]*)\s+/u).filter((s) => s.trim().length > 0);
}

/** nltk.word_tokenize(text), approximately: sentences first, then words. */
export function wordTokenize(text: string): string[] {
  return splitSentences(text).flatMap(tokenizeSentence);
}
