import { ActionError } from './errors';

/** A function call written in Python syntax, read without eval: `name(arg, key="value", 3)`. WebRL and
 * BrowserGym policies write their actions this way (docs/design/WEBARENA.md §4.4); model output is never executed. */
export interface PythonCall {
  name: string;
  positional: (string | number)[];
  keyword: Record<string, string | number>;
}

export function parsePythonCall(source: string): PythonCall {
  const text = source.trim();
  const head = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(text);
  if (!head) throw new ActionError('parse', `Expected a call like name(...), got "${clip(text)}".`);
  let i = head[0].length;
  const positional: (string | number)[] = [];
  const keyword: Record<string, string | number> = {};
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  skipSpace();
  while (text[i] !== ')') {
    if (i >= text.length) throw new ActionError('parse', `Unclosed call in "${clip(text)}".`);
    let key: string | null = null;
    const kw = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)\s*/.exec(text.slice(i));
    if (kw) {
      key = kw[1];
      i += kw[0].length;
    }
    const [value, next] = readValue(text, i);
    i = next;
    if (key !== null) keyword[key] = value;
    else if (Object.keys(keyword).length > 0) throw new ActionError('parse', `A positional argument follows a keyword argument in "${clip(text)}".`);
    else positional.push(value);
    skipSpace();
    if (text[i] === ',') {
      i++;
      skipSpace();
    } else if (text[i] !== ')') {
      throw new ActionError('parse', `Expected "," or ")" at position ${i} of "${clip(text)}".`);
    }
  }
  const rest = text.slice(i + 1).trim();
  if (rest) throw new ActionError('parse', `Unexpected text after the call: "${clip(rest)}".`);
  return { name: head[1], positional, keyword };
}

function readValue(text: string, start: number): [string | number, number] {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    const triple = text.startsWith(quote.repeat(3), start);
    const delimiter = triple ? quote.repeat(3) : quote;
    let i = start + delimiter.length;
    let out = '';
    while (i < text.length) {
      if (text.startsWith(delimiter, i)) return [out, i + delimiter.length];
      const ch = text[i];
      if (ch === '\\' && i + 1 < text.length) {
        const escaped = text[i + 1];
        out += ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[escaped] ?? `\\${escaped}`;
        i += 2;
      } else {
        out += ch;
        i++;
      }
    }
    throw new ActionError('parse', `Unterminated string in "${clip(text)}".`);
  }
  const number = /^-?\d+(\.\d+)?/.exec(text.slice(start));
  if (number) return [Number(number[0]), start + number[0].length];
  throw new ActionError('parse', `Arguments must be strings or numbers (at position ${start} of "${clip(text)}").`);
}

export function pythonString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}
