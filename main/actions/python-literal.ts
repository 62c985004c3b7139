import { ActionError } from './errors';
import type { PyConstant, PyNode } from './python-expression';

// Python's ast.literal_eval over a parsed expression (CPython Lib/ast.py, literal_eval): constants, tuples,
// lists, sets, dicts, set(), a signed number, and a real ± imaginary sum; anything else is "malformed". Only what
// the grammars need is kept of the result: a str's text, an int's or float's value, otherwise the value's type.

export type PyLiteral =
  | PyConstant
  | { type: 'tuple'; hashable: boolean }
  | { type: 'list' | 'set' | 'dict' };

const NUMERIC = new Set(['int', 'float', 'complex']);

export function literalEval(node: PyNode): PyLiteral {
  switch (node.kind) {
    case 'constant': return node.value;
    case 'tuple': return { type: 'tuple', hashable: node.elts.map(literalEval).every(isHashable) };
    case 'list': node.elts.forEach(literalEval); return { type: 'list' };
    case 'set': node.elts.forEach((e) => hashableKey(literalEval(e))); return { type: 'set' };
    case 'call':
      if (node.func.kind === 'name' && node.func.id === 'set' && node.args.length === 0 && node.keywords.length === 0) return { type: 'set' };
      break;
    case 'dict':
      node.keys.forEach((key) => hashableKey(key === null ? malformed('a ** in a dict') : literalEval(key)));
      node.values.forEach(literalEval);
      return { type: 'dict' };
    case 'binary':
      if (node.op === '+' || node.op === '-') {
        const left = signedNumber(node.left);
        const right = number(node.right);
        if ((left.type === 'int' || left.type === 'float') && right.type === 'complex') return { type: 'complex' };
      }
      break;
  }
  return signedNumber(node);
}

function signedNumber(node: PyNode): PyConstant {
  if (node.kind !== 'unary' || (node.op !== '+' && node.op !== '-')) return number(node);
  const operand = number(node.operand);
  return node.op === '-' && (operand.type === 'int' || operand.type === 'float') ? { type: operand.type, value: -operand.value } : operand;
}

function number(node: PyNode): PyConstant {
  if (node.kind !== 'constant' || !NUMERIC.has(node.value.type)) return malformed(describe(node));
  return node.value;
}

function isHashable(value: PyLiteral): boolean {
  if (value.type === 'tuple') return value.hashable;
  return value.type !== 'list' && value.type !== 'set' && value.type !== 'dict';
}

/** A set member or dict key must be hashable (Python raises TypeError otherwise). */
function hashableKey(value: PyLiteral): void {
  if (!isHashable(value)) throw new ActionError('parse', `The reply's Python value is invalid: unhashable ${value.type} used as a set member or dict key.`);
}

function describe(node: PyNode): string {
  switch (node.kind) {
    case 'name': return `the name ${node.id}`;
    case 'call': return 'a call';
    case 'other': return `a ${node.what}`;
    case 'constant': return `the ${node.value.type} constant`;
    default: return `a ${node.kind} expression`;
  }
}

function malformed(what: string): never {
  throw new ActionError('parse', `The reply's argument is not a Python literal (${what}); write a quoted string.`);
}
