// Python's own string rules, for parsers that must read a reply exactly as a Python reference does
// (docs/design/WEBARENA.md §4.2, §4.3): which characters str.strip()/str.split() treat as whitespace, and what
// re's \d and int() make of Unicode digits.

/** The characters for which Python's str.isspace() is true (differs from JS \s: adds \x1c-\x1f and \x85,
 * lacks \ufeff). */
export const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${PY_SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${PY_SPACE}]+$`);
const SPACE_RUN = new RegExp(`[${PY_SPACE}]+`);

/** Python's str.strip() with no argument. */
export function pyStrip(text: string): string {
  return text.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
}

/** Python's str.split()[0] (no argument): the first whitespace-separated word, or undefined for a blank text. */
export function pyFirstWord(text: string): string | undefined {
  const stripped = pyStrip(text);
  return stripped ? stripped.split(SPACE_RUN, 1)[0] : undefined;
}

/** Python re's \d on a str pattern: any Unicode decimal digit (category Nd). */
export const PY_DIGIT = '\\p{Nd}';
const IS_DIGIT = /^\p{Nd}$/u;

/** Python's int() of a run of Unicode decimal digits, e.g. "٣" → 3. Unicode assigns Nd digits in runs of ten,
 * 0 to 9, so a digit's value is its distance from the start of its run, modulo 10. */
export function pyDigitsValue(digits: string): number {
  let value = 0;
  for (const char of digits) {
    const code = char.codePointAt(0)!;
    let start = code;
    while (IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    value = value * 10 + ((code - start) % 10);
  }
  return value;
}
