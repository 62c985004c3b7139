import { describe, expect, it } from 'vitest';
import { htmlUnescape } from '../../../main/eval/html-unescape';
import { PROFILES } from '../../../main/eval/profiles';
import {
  cleanAnswer,
  compareInequality,
  mustInclude,
  parseInteger,
  pythonStr,
  tokenModeFor,
} from '../../../main/eval/text-rules';
import { wordTokenize } from '../../../main/eval/tokenize';

const WA = PROFILES.webarena;
const VAB = PROFILES['vab-lite'];

describe('answer cleaning (docs/design/WEBARENA.md §2.2: trim, drop one pair of quotes, lower-case)', () => {
  it('trims only under the webarena profile', () => {
    expect(cleanAnswer('  "Hollister" \n', WA)).toBe('hollister');
    // VAB does not trim, so the quotes are not at the ends and stay.
    expect(cleanAnswer('  "Hollister" \n', VAB)).toBe('  "hollister" \n');
    expect(cleanAnswer('"Hollister"', VAB)).toBe('hollister');
  });
  it('drops one pair of quotes only', () => {
    expect(cleanAnswer(`'"x"'`, WA)).toBe('"x"');
    expect(cleanAnswer(`'x"`, WA)).toBe(`'x"`);
  });
});

describe('word tokenisation (NLTK word_tokenize, approximated)', () => {
  it("matches NLTK's documented example", () => {
    expect(wordTokenize('Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\nThanks.')).toEqual(
      ['Good', 'muffins', 'cost', '$', '3.88', 'in', 'New', 'York', '.', 'Please', 'buy', 'me', 'two', 'of', 'them', '.', 'Thanks', '.']);
  });
  it('splits punctuation, brackets and clitics, keeps numbers, hyphens and dotted names whole', () => {
    expect(wordTokenize("it's 1,000, or 2, i can't say (maybe).")).toEqual(
      ['it', "'s", '1,000', ',', 'or', '2', ',', 'i', 'ca', "n't", 'say', '(', 'maybe', ')', '.']);
    expect(wordTokenize('<div>awesome_llm_reading</div>')).toEqual(['<', 'div', '>', 'awesome_llm_reading', '<', '/div', '>']);
    expect(wordTokenize('green-vines at bookshop.org')).toEqual(['green-vines', 'at', 'bookshop.org']);
    expect(wordTokenize('n/a')).toEqual(['n/a']);
  });
});

describe('must_include whole-token rule', () => {
  it('original: only a sole one-character item in string_match, never in pages', () => {
    expect(tokenModeFor('0', WA, { soleItem: true, inPage: false })).toBe('whole-token');
    expect(tokenModeFor('0', WA, { soleItem: false, inPage: false })).toBe('substring');
    expect(tokenModeFor('25', WA, { soleItem: true, inPage: false })).toBe('substring');
    expect(tokenModeFor('0', WA, { soleItem: true, inPage: true })).toBe('substring');
  });
  it('VAB: any item that is one token, anywhere', () => {
    expect(tokenModeFor('25', VAB, { soleItem: false, inPage: true })).toBe('whole-token');
    expect(tokenModeFor('Matt Baker', VAB, { soleItem: true, inPage: false })).toBe('substring');
    expect(mustInclude('25', 'I found 125 results', 'whole-token', VAB)).toBe(false);
    expect(mustInclude('25', 'I found 25.', 'whole-token', VAB)).toBe(true);
    expect(mustInclude('25', 'I found 125 results', 'substring', WA)).toBe(true);
  });
});

describe('numeric rules (VAB required_values)', () => {
  it('str_2_int: strips, drops commas, accepts only integers', () => {
    expect(parseInteger(' 1,000 ')).toBe(1000);
    expect(parseInteger('-7')).toBe(-7);
    expect(parseInteger('3.5')).toBeNull();
    expect(parseInteger('seven')).toBeNull();
  });
  it('compare_inequality: first operator found wins, with a 1e-8 tolerance', () => {
    expect(compareInequality(5, '< 700')).toBe(true);
    expect(compareInequality(700, '< 700')).toBe(true); // the tolerance makes "<" accept equality, as in VAB
    expect(compareInequality(300, '>= 300')).toBe(true);
    expect(compareInequality(299, '>= 300')).toBe(false);
    expect(compareInequality(5, '== 5')).toBe(true);
    expect(() => compareInequality(5, 'about 5')).toThrow(/invalid inequality/);
    expect(() => compareInequality(5, '< ten')).toThrow(/not a number/);
  });
});

describe("Python's str() of evaluate results and html.unescape", () => {
  it('formats like Python', () => {
    expect(pythonStr(null)).toBe('None');
    expect(pythonStr(true)).toBe('True');
    expect(pythonStr(12)).toBe('12');
    expect(pythonStr(['a', "b'c"])).toBe(`['a', "b'c"]`);
  });
  it('unescapes numeric and common named references', () => {
    expect(htmlUnescape('De Fer Coffee &amp; Tea &#39;x&#x27; &lt;b&gt; &nbsp;|&bogus;')).toBe("De Fer Coffee & Tea 'x' <b> \u00a0|&bogus;");
    expect(htmlUnescape('&ampfoo')).toBe('&foo');
  });
});
