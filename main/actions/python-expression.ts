import { PY_KEYWORDS, syntaxError, tokenizePython, type PyToken } from './python-tokens';

// A Python expression read into a syntax tree, as ast.parse(source, mode='eval') reads it (WebRL's reference
// parser, docs/design/WEBARENA.md §4.3). It is the app's one Python reader: BrowserGym's calls (python-call.ts)
// and program_html's func: helpers (eval/func-call.ts) are read with it too. The tree keeps what literal_eval and
// the grammars look at (calls, names, constants, displays, unary and binary operators); the rest of Python's
// expression syntax (attributes, subscripts, comparisons, and/or/not, conditionals, f-strings) is checked and kept
// as `other`. Lambdas, comprehensions, := and await/yield are refused: no model writes them in an action.

export type PyConstant =
  | { type: 'str'; value: string }
  | { type: 'int' | 'float'; value: number }
  | { type: 'bytes' | 'complex' | 'bool' | 'none' | 'ellipsis' };

export interface PyKeyword {
  /** null for `**mapping`. */
  arg: string | null;
  value: PyNode;
}

export type PyNode =
  | { kind: 'constant'; value: PyConstant }
  | { kind: 'name'; id: string }
  | { kind: 'call'; func: PyNode; args: PyNode[]; keywords: PyKeyword[] }
  | { kind: 'unary'; op: string; operand: PyNode }
  | { kind: 'binary'; op: string; left: PyNode; right: PyNode }
  | { kind: 'tuple' | 'list' | 'set'; elts: PyNode[] }
  | { kind: 'dict'; keys: (PyNode | null)[]; values: PyNode[] }
  | { kind: 'starred'; value: PyNode }
  | { kind: 'other'; what: string };

/** The expression a source holds, which must be all of it (line breaks and comments after it are fine). */
export function parsePythonExpression(source: string): PyNode {
  const parser = new ExpressionParser(tokenizePython(source));
  return parser.whole();
}

const BINARY_LEVELS: string[][] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];
const COMPARISONS = ['==', '!=', '<', '>', '<=', '>='];
const UNSUPPORTED = new Set(['lambda', 'await', 'yield']);

class ExpressionParser {
  private i = 0;

  constructor(private readonly tokens: PyToken[]) {}

  whole(): PyNode {
    const node = this.starExpressions();
    while (this.peek().kind === 'newline') this.i++;
    if (this.peek().kind !== 'end') this.fail();
    return node;
  }

  private peek(offset = 0): PyToken {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
  }

  private isOp(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'op' && token.text === text;
  }

  private isKeyword(text: string): boolean {
    const token = this.peek();
    return token.kind === 'name' && token.text === text;
  }

  private eat(text: string): boolean {
    if (!this.isOp(text) && !this.isKeyword(text)) return false;
    this.i++;
    return true;
  }

  private expect(text: string): void {
    if (!this.eat(text)) this.fail(`expected "${text}"`);
  }

  private fail(message?: string): never {
    const token = this.peek();
    const what = token.kind === 'end' ? 'end of input' : token.kind === 'newline' ? 'line break' : token.kind === 'op' || token.kind === 'name' ? `"${token.text}"` : `${token.kind}`;
    throw syntaxError(message ?? `unexpected ${what}`, token.at);
  }

  private refuseUnsupported(): void {
    const token = this.peek();
    if (token.kind === 'name' && UNSUPPORTED.has(token.text)) this.fail(`"${token.text}" is not supported in an action`);
    if (this.isOp(':=')) this.fail('":=" is not supported in an action');
    if (this.isKeyword('for') || this.isKeyword('async')) this.fail('comprehensions are not supported in an action');
  }

  /** `a, *b, c` (a tuple) or a single expression. */
  private starExpressions(): PyNode {
    const first = this.starExpression();
    if (!this.isOp(',')) {
      if (first.kind === 'starred') this.fail('cannot use a starred expression here');
      return first;
    }
    const elts = [first];
    while (this.eat(',') && this.startsExpression()) elts.push(this.starExpression());
    return { kind: 'tuple', elts };
  }

  private startsExpression(): boolean {
    const token = this.peek();
    if (token.kind === 'end' || token.kind === 'newline') return false;
    if (token.kind === 'op') return ['(', '[', '{', '-', '+', '~', '*', '...'].includes(token.text);
    return !(token.kind === 'name' && PY_KEYWORDS.has(token.text) && !['True', 'False', 'None', 'not', 'lambda', 'await', 'yield'].includes(token.text));
  }

  private starExpression(): PyNode {
    if (this.eat('*')) return { kind: 'starred', value: this.binary(0) };
    return this.expression();
  }

  private expression(): PyNode {
    this.refuseUnsupported();
    const body = this.disjunction();
    if (!this.eat('if')) return body;
    this.disjunction();
    this.expect('else');
    this.expression();
    return { kind: 'other', what: 'conditional' };
  }

  private disjunction(): PyNode {
    const first = this.conjunction();
    let more = false;
    while (this.eat('or')) { this.conjunction(); more = true; }
    return more ? { kind: 'other', what: 'or' } : first;
  }

  private conjunction(): PyNode {
    const first = this.inversion();
    let more = false;
    while (this.eat('and')) { this.inversion(); more = true; }
    return more ? { kind: 'other', what: 'and' } : first;
  }

  private inversion(): PyNode {
    if (this.eat('not')) return { kind: 'unary', op: 'not', operand: this.inversion() };
    return this.comparison();
  }

  private comparison(): PyNode {
    const first = this.binary(0);
    let more = false;
    for (;;) {
      if (COMPARISONS.some((op) => this.isOp(op)) || this.isKeyword('in')) this.i++;
      else if (this.isKeyword('not') && this.peek(1).kind === 'name' && (this.peek(1) as { text: string }).text === 'in') this.i += 2;
      else if (this.eat('is')) this.eat('not');
      else break;
      this.binary(0);
      more = true;
    }
    return more ? { kind: 'other', what: 'comparison' } : first;
  }

  private binary(level: number): PyNode {
    if (level === BINARY_LEVELS.length) return this.factor();
    let left = this.binary(level + 1);
    for (;;) {
      const op = BINARY_LEVELS[level].find((o) => this.isOp(o));
      if (!op) return left;
      this.i++;
      left = { kind: 'binary', op, left, right: this.binary(level + 1) };
    }
  }

  private factor(): PyNode {
    for (const op of ['+', '-', '~']) if (this.eat(op)) return { kind: 'unary', op, operand: this.factor() };
    const base = this.primary();
    if (this.eat('**')) return { kind: 'binary', op: '**', left: base, right: this.factor() };
    return base;
  }

  private primary(): PyNode {
    let node = this.atom();
    for (;;) {
      if (this.eat('.')) {
        const token = this.peek();
        if (token.kind !== 'name' || PY_KEYWORDS.has(token.text)) this.fail('expected a name after "."');
        this.i++;
        node = { kind: 'other', what: 'attribute' };
      } else if (this.eat('(')) {
        node = this.callArguments(node);
      } else if (this.eat('[')) {
        this.subscript();
        node = { kind: 'other', what: 'subscript' };
      } else {
        return node;
      }
    }
  }

  private callArguments(func: PyNode): PyNode {
    const args: PyNode[] = [];
    const keywords: PyKeyword[] = [];
    let afterKeyword = false;
    let afterMapping = false;
    while (!this.isOp(')')) {
      if (this.eat('*')) {
        if (afterMapping) this.fail('iterable argument unpacking follows keyword argument unpacking');
        args.push({ kind: 'starred', value: this.expression() });
      } else if (this.eat('**')) {
        keywords.push({ arg: null, value: this.expression() });
        afterMapping = true;
      } else if (this.peek().kind === 'name' && !PY_KEYWORDS.has((this.peek() as { text: string }).text) && this.isOp('=', 1)) {
        const arg = (this.peek() as { text: string }).text;
        this.i += 2;
        keywords.push({ arg, value: this.expression() });
        afterKeyword = true;
      } else {
        const value = this.expression();
        this.refuseUnsupported();
        if (this.isOp('=')) this.fail('an expression cannot be assigned to; a keyword argument needs a plain name');
        if (afterKeyword || afterMapping) this.fail('positional argument follows keyword argument');
        args.push(value);
      }
      if (!this.eat(',')) break;
    }
    this.expect(')');
    return { kind: 'call', func, args, keywords };
  }

  private subscript(): void {
    do {
      if (this.isOp(']')) break;
      if (this.eat('*')) { this.binary(0); continue; }
      if (!this.isOp(':')) this.expression();
      if (this.eat(':')) {
        if (!this.isOp(':') && !this.isOp(',') && !this.isOp(']')) this.expression();
        if (this.eat(':') && !this.isOp(',') && !this.isOp(']')) this.expression();
      }
    } while (this.eat(','));
    this.expect(']');
  }

  private atom(): PyNode {
    const token = this.peek();
    if (token.kind === 'number') {
      this.i++;
      return { kind: 'constant', value: token.type === 'complex' ? { type: 'complex' } : { type: token.type, value: token.value } };
    }
    if (token.kind === 'string') return this.strings();
    if (token.kind === 'name') {
      const constant = ({ True: 'bool', False: 'bool', None: 'none' } as const)[token.text as 'True'];
      if (constant) { this.i++; return { kind: 'constant', value: { type: constant } }; }
      this.refuseUnsupported();
      if (PY_KEYWORDS.has(token.text)) this.fail();
      this.i++;
      return { kind: 'name', id: token.text };
    }
    if (this.eat('...')) return { kind: 'constant', value: { type: 'ellipsis' } };
    if (this.eat('(')) return this.parenthesised();
    if (this.eat('[')) return { kind: 'list', elts: this.displayItems(']') };
    if (this.eat('{')) return this.braces();
    return this.fail();
  }

  /** Adjacent string literals are one constant; a bytes literal cannot join a str one. */
  private strings(): PyNode {
    let value = '';
    let bytes: boolean | undefined;
    let formatted = false;
    for (let token = this.peek(); token.kind === 'string'; token = this.peek()) {
      if (bytes !== undefined && bytes !== token.bytes) this.fail('cannot mix bytes and nonbytes literals');
      bytes = token.bytes;
      formatted ||= token.formatted;
      value += token.value;
      this.i++;
    }
    if (formatted) return { kind: 'other', what: 'f-string' };
    return { kind: 'constant', value: bytes ? { type: 'bytes' } : { type: 'str', value } };
  }

  private parenthesised(): PyNode {
    if (this.eat(')')) return { kind: 'tuple', elts: [] };
    const first = this.starExpression();
    this.refuseUnsupported();
    if (this.eat(')')) {
      if (first.kind === 'starred') this.fail('cannot use a starred expression here');
      return first;
    }
    this.expect(',');
    return { kind: 'tuple', elts: [first, ...this.displayItems(')')] };
  }

  /** Comma-separated (starred) expressions up to the closing bracket, a trailing comma allowed. */
  private displayItems(close: string): PyNode[] {
    const elts: PyNode[] = [];
    while (!this.isOp(close)) {
      elts.push(this.starExpression());
      this.refuseUnsupported();
      if (!this.eat(',')) break;
    }
    this.expect(close);
    return elts;
  }

  private braces(): PyNode {
    if (this.eat('}')) return { kind: 'dict', keys: [], values: [] };
    const mapping = this.isOp('**');
    const first = mapping ? null : this.starExpression();
    if (!mapping && !this.isOp(':')) {
      this.refuseUnsupported();
      if (!this.eat(',')) { this.expect('}'); return { kind: 'set', elts: [first!] }; }
      return { kind: 'set', elts: [first!, ...this.displayItems('}')] };
    }
    if (first?.kind === 'starred') this.fail('cannot use a starred expression in a dictionary');
    const keys: (PyNode | null)[] = [];
    const values: PyNode[] = [];
    let key: PyNode | null = first;
    for (;;) {
      if (key === null) {
        this.expect('**');
        keys.push(null);
        values.push(this.binary(0));
      } else {
        this.expect(':');
        keys.push(key);
        values.push(this.expression());
      }
      this.refuseUnsupported();
      if (!this.eat(',') || this.isOp('}')) break;
      key = this.isOp('**') ? null : this.expression();
    }
    this.expect('}');
    return { kind: 'dict', keys, values };
  }
}
