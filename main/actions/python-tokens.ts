import { ActionError } from './errors';

// The tokens of a Python expression, for reading a reply as Python's ast.parse(mode='eval') does (WebRL's
// reference parser, docs/design/WEBARENA.md §4.3): names, numbers, string literals with their escapes decoded,
// operators, and the line breaks that end the expression. Comments and line breaks inside brackets are dropped,
// as Python's tokenizer does. Model output is read, never evaluated.

export type PyToken =
  | { kind: 'name'; text: string; at: number }
  | { kind: 'number'; type: 'int' | 'float' | 'complex'; value: number; at: number }
  | { kind: 'string'; bytes: boolean; formatted: boolean; value: string; at: number }
  | { kind: 'op'; text: string; at: number }
  | { kind: 'newline'; at: number }
  | { kind: 'end'; at: number };

export const PY_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass',
  'raise', 'return', 'try', 'while', 'with', 'yield',
]);

// Longest first, so `**` is not read as two `*`.
const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...', '->', ':=', '==', '!=', '<=', '>=', '**', '//', '<<', '>>', '+=', '-=', '*=', '/=',
  '%=', '&=', '|=', '^=', '@=', '(', ')', '[', ']', '{', '}', ',', ':', ';', '.', '=', '+', '-', '*', '/', '%', '@', '~',
  '&', '|', '^', '<', '>',
];
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

const NAME = /[\p{ID_Start}_][\p{ID_Continue}]*/uy;
const STRING_PREFIX = /^(?:[rRuUfFbB]|[rR][bBfF]|[bBfF][rR])$/;
const DIGITS = '\\d(?:_?\\d)*';
const NUMBER = new RegExp(
  `0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:(?:${DIGITS})?\\.${DIGITS}(?:[eE][+-]?${DIGITS})?|${DIGITS}\\.?(?:[eE][+-]?${DIGITS})?)[jJ]?`,
  'y',
);
const NUMBER_FOLLOWER = /[\p{ID_Continue}.]/u;

export function syntaxError(message: string, at: number): ActionError {
  return new ActionError('parse', `The reply is not a valid Python expression: ${message} (at character ${at + 1}).`);
}

export function tokenizePython(input: string): PyToken[] {
  // Python reads \r\n and a lone \r as a line break.
  const source = input.replace(/\r\n?/g, '\n');
  const tokens: PyToken[] = [];
  const open: string[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === ' ' || ch === '\t' || ch === '\f') { i++; continue; }
    if (ch === '#') { while (i < source.length && source[i] !== '\n') i++; continue; }
    if (ch === '\\') {
      if (source[i + 1] !== '\n') throw syntaxError('unexpected character after line continuation character', i);
      if (i + 2 >= source.length) throw syntaxError('unexpected end of input after a line continuation', i);
      i += 2;
      continue;
    }
    if (ch === '\n') {
      // Inside brackets a line break is only whitespace; outside, it ends the line (blank lines add nothing).
      if (open.length === 0 && tokens.length > 0 && tokens[tokens.length - 1].kind !== 'newline') tokens.push({ kind: 'newline', at: i });
      i++;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(source);
    if (name) {
      const quote = source[i + name[0].length];
      if ((quote === '"' || quote === "'") && STRING_PREFIX.test(name[0])) {
        const [token, next] = readString(source, i, name[0].toLowerCase());
        tokens.push(token);
        i = next;
      } else {
        // Python compares identifiers in NFKC form, so a full-width ｄｏ is the name do.
        tokens.push({ kind: 'name', text: PY_KEYWORDS.has(name[0]) ? name[0] : name[0].normalize('NFKC'), at: i });
        i += name[0].length;
      }
      continue;
    }
    if (ch === '"' || ch === "'") {
      const [token, next] = readString(source, i, '');
      tokens.push(token);
      i = next;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      NUMBER.lastIndex = i;
      const number = NUMBER.exec(source)![0];
      const after = source.slice(i + number.length).match(/^./su)?.[0];
      if (after !== undefined && NUMBER_FOLLOWER.test(after)) throw syntaxError('invalid number literal', i);
      if (/^[\d_]+$/.test(number) && /^0+[1-9]/.test(number.replace(/_/g, ''))) throw syntaxError('leading zeros in a decimal integer', i);
      const type = /[jJ]$/.test(number) ? 'complex' : /^0[xXoObB]/.test(number) || /^[\d_]+$/.test(number) ? 'int' : 'float';
      tokens.push({ kind: 'number', type, value: numberValue(number, type), at: i });
      i += number.length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (!op) throw syntaxError(`invalid character ${JSON.stringify(String.fromCodePoint(source.codePointAt(i)!))}`, i);
    if (OPENERS[op]) open.push(OPENERS[op]);
    else if (op === ')' || op === ']' || op === '}') {
      if (open.pop() !== op) throw syntaxError(`unmatched "${op}"`, i);
    }
    tokens.push({ kind: 'op', text: op, at: i });
    i += op.length;
  }
  if (open.length > 0) throw syntaxError(`"${open[open.length - 1]}" was never closed`, source.length);
  tokens.push({ kind: 'end', at: source.length });
  return tokens;
}

/** A number literal's value (a complex one's imaginary part), as a JS number: ints past 2^53 lose precision,
 * which no action argument (an id, pixels, a tab index) comes near. */
function numberValue(literal: string, type: 'int' | 'float' | 'complex'): number {
  const digits = literal.replace(/_/g, '').replace(/[jJ]$/, '');
  const radix = { x: 16, o: 8, b: 2 }[digits[1]?.toLowerCase() as 'x'];
  return type === 'int' && radix ? parseInt(digits.slice(2), radix) : Number(digits);
}

/** One string literal (after its prefix): single or triple quoted; escapes decoded unless raw. */
function readString(source: string, start: number, prefix: string): [PyToken, number] {
  const raw = prefix.includes('r');
  const bytes = prefix.includes('b');
  let i = start + prefix.length;
  const quote = source[i];
  const triple = source.startsWith(quote.repeat(3), i);
  const delimiter = triple ? quote.repeat(3) : quote;
  i += delimiter.length;
  let value = '';
  while (i < source.length) {
    if (source.startsWith(delimiter, i)) {
      return [{ kind: 'string', bytes, formatted: prefix.includes('f'), value, at: start }, i + delimiter.length];
    }
    const ch = source[i];
    if (ch === '\n' && !triple) break;
    if (ch === '\\' && i + 1 < source.length) {
      if (raw) {
        // A raw string keeps the backslash, which still stops the next character from ending the string.
        value += source.slice(i, i + 2);
        i += 2;
        continue;
      }
      const [text, next] = decodeEscape(source, i, bytes);
      value += text;
      i = next;
      continue;
    }
    if (bytes && ch.charCodeAt(0) > 0x7f) throw syntaxError('bytes can only contain ASCII characters', i);
    value += ch;
    i++;
  }
  throw syntaxError('unterminated string literal', start);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** The escape at source[i] (a backslash), as Python decodes it in a str (or bytes) literal. */
function decodeEscape(source: string, i: number, bytes: boolean): [string, number] {
  const next = source[i + 1];
  if (next in SIMPLE_ESCAPES) return [SIMPLE_ESCAPES[next], i + 2];
  const octal = /^[0-7]{1,3}/.exec(source.slice(i + 1, i + 4));
  if (octal) return [String.fromCodePoint(parseInt(octal[0], 8) & (bytes ? 0xff : 0x1ff)), i + 1 + octal[0].length];
  const hexLength = next === 'x' ? 2 : bytes ? 0 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
  if (hexLength > 0) {
    const hex = source.slice(i + 2, i + 2 + hexLength);
    if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(hex)) throw syntaxError(`truncated \\${next} escape`, i);
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw syntaxError(`illegal Unicode character \\${next}${hex}`, i);
    return [String.fromCodePoint(code), i + 2 + hexLength];
  }
  // \N{name} needs Unicode's name table, which this reader does not carry.
  if (next === 'N' && !bytes) throw syntaxError('\\N{…} escapes are not supported; write the character itself', i);
  // Python keeps an unknown escape as written.
  return [`\\${next}`, i + 2];
}
