import { ActionError } from './errors';
import { parsePythonExpression, type PyNode } from './python-expression';
import { literalEval } from './python-literal';

/** A function call written in Python syntax: `name(arg, key="value", 3)`. BrowserGym policies write their
 * actions this way (docs/design/WEBARENA.md §4.4). It is read by the same Python reader as WebRL's calls
 * (python-expression.ts, then literal_eval), never executed: quoting, escapes, numbers and comments are
 * Python's. */
export interface PythonCall {
  name: string;
  positional: (string | number)[];
  keyword: Record<string, string | number>;
}

export function parsePythonCall(source: string): PythonCall {
  const node = parsePythonExpression(source);
  if (node.kind !== 'call' || node.func.kind !== 'name') throw new ActionError('parse', `Expected a call like name(...), got "${clip(source.trim())}".`);
  const name = node.func.id;
  const value = (arg: PyNode, where: string): string | number => {
    if (arg.kind === 'starred') throw new ActionError('parse', `${name}() cannot unpack arguments with *.`);
    const literal = literalEval(arg);
    if (literal.type === 'str' || literal.type === 'int' || literal.type === 'float') return literal.value;
    throw new ActionError('parse', `Arguments must be strings or numbers (${where} of ${name}() is a ${literal.type} value).`);
  };
  const positional = node.args.map((arg, i) => value(arg, `argument ${i + 1}`));
  const keyword: Record<string, string | number> = {};
  for (const { arg, value: given } of node.keywords) {
    if (arg === null) throw new ActionError('parse', `${name}() cannot unpack arguments with **.`);
    // Python refuses a repeated keyword (SyntaxError) rather than keeping one of them.
    if (Object.hasOwn(keyword, arg)) throw new ActionError('parse', `${name}() repeats the keyword argument ${arg}.`);
    keyword[arg] = value(given, arg);
  }
  return { name, positional, keyword };
}

/** A Python string literal that reads back (parsePythonCall, literal_eval) as exactly this text. */
export function pythonString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}
