// The shapes that make a backtracking regex engine blow up exponentially, found by reading the pattern:
// a repeated group that repeats something inside it ((a+)+, (\w+\s?)*), and a repeated group whose
// alternatives can start on the same text ((.|.)*, (a|ab)*). Either lets the engine split the same input
// into exponentially many ways before it fails. Used at save time (./url-pattern-check.ts); patterns it
// cannot read are left to the probe run and the time limit (./bounded-regex.ts).

interface Quantifier {
  min: number;
  max: number;
  text: string;
}

interface Atom {
  /** The atom's text in the pattern, without its quantifier. */
  source: string;
  /** Zero-width: anchors, word boundaries, lookarounds. */
  zeroWidth: boolean;
  /** Alternatives of a group; absent for a single-character atom or a backreference. */
  group?: Atom[][];
  /** A backreference, whose text depends on the match. */
  backReference?: boolean;
  quantifier?: Quantifier;
}

/** A count this high or unbounded counts as repetition (a few fixed repeats cannot blow up). */
const REPEATS = 10;
/** Characters the overlap test tries: ASCII plus a few from other ranges. */
const SAMPLE = [...Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)), 'é', 'ÿ', 'Ā', 'Ж', '一', '\u2028', '😀'];

/** Why `pattern` (already known to compile) risks exponential backtracking, or null when no such shape is seen. */
export function exponentialShape(pattern: string): string | null {
  let tree: Atom[][];
  try {
    tree = new Reader(pattern).alternatives(false);
  } catch {
    return null;
  }
  return findInAlternatives(tree);
}

function findInAlternatives(alternatives: Atom[][]): string | null {
  for (const sequence of alternatives) {
    for (const atom of sequence) {
      if (!atom.group) continue;
      if (repeats(atom.quantifier)) {
        const shown = `${atom.source}${atom.quantifier!.text}`;
        if (containsRepetition(atom.group) && !hasSeparator(atom.group)) return `${shown} repeats a group that itself repeats (nested quantifiers, like (a+)+)`;
        if (alternativesOverlap(atom.group)) return `${shown} repeats a choice whose alternatives can match the same text (like (.|.)* or (a|ab)*)`;
      }
      const inner = findInAlternatives(atom.group);
      if (inner) return inner;
    }
  }
  return null;
}

const repeats = (q: Quantifier | undefined): boolean => q !== undefined && q.max >= REPEATS;

function containsRepetition(alternatives: Atom[][]): boolean {
  return alternatives.some((seq) => seq.some((a) => repeats(a.quantifier) || (a.group !== undefined && !a.zeroWidth && containsRepetition(a.group))));
}

/** A mandatory character no inner repetition can take, like the '/' of (/[^/]+)*: it marks where each
 * round ends, so the rounds cannot be split another way. Read only in the simple case (one alternative,
 * repetitions of plain characters at its top level). */
function hasSeparator(body: Atom[][]): boolean {
  if (body.length !== 1) return false;
  const sequence = body[0].filter((a) => !a.zeroWidth);
  const repeated = sequence.filter((a) => repeats(a.quantifier));
  if (repeated.some((a) => a.group || a.backReference)) return false;
  if (sequence.some((a) => a.group && !repeats(a.quantifier) && containsRepetition(a.group))) return false;
  const taken = new Set(repeated.flatMap((a) => [...charactersOf(a.source)]));
  return sequence.some((a) => !a.group && !a.backReference && (a.quantifier?.min ?? 1) >= 1 && !repeats(a.quantifier) && ![...charactersOf(a.source)].some((c) => taken.has(c)));
}

/** Two alternatives overlap unless, at some position both spell out as plain characters, their characters
 * differ: then each repetition has at most one way to go on. Anything harder to read counts as overlap. */
function alternativesOverlap(alternatives: Atom[][]): boolean {
  const spelled = alternatives.map(spell);
  for (let i = 0; i < spelled.length; i++) {
    for (let j = i + 1; j < spelled.length; j++) {
      if (!differSomewhere(spelled[i], spelled[j])) return true;
    }
  }
  return false;
}

/** The leading run of single-character atoms that occur exactly once, as character sets; zero-width atoms skipped. */
function spell(sequence: Atom[]): Set<string>[] {
  const sets: Set<string>[] = [];
  for (const atom of sequence) {
    if (atom.zeroWidth) continue;
    if (atom.group || atom.backReference || (atom.quantifier && (atom.quantifier.min !== 1 || atom.quantifier.max !== 1))) break;
    sets.push(charactersOf(atom.source));
  }
  return sets;
}

function differSomewhere(a: Set<string>[], b: Set<string>[]): boolean {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    if (![...a[k]].some((c) => b[k].has(c))) return true;
  }
  return false;
}

function charactersOf(source: string): Set<string> {
  const one = new RegExp(`^(?:${source})$`);
  return new Set(SAMPLE.filter((c) => one.test(c)));
}

/** A reader for the JavaScript regex syntax without flags, enough to find groups, alternatives and quantifiers. */
class Reader {
  private at = 0;

  constructor(private readonly text: string) {}

  alternatives(inGroup: boolean): Atom[][] {
    const result: Atom[][] = [[]];
    while (this.at < this.text.length) {
      const c = this.text[this.at];
      if (c === ')') {
        if (!inGroup) throw new Error('unbalanced )');
        return result;
      }
      if (c === '|') {
        this.at++;
        result.push([]);
        continue;
      }
      const atom = this.atom();
      atom.quantifier = this.quantifier();
      result[result.length - 1].push(atom);
    }
    if (inGroup) throw new Error('unclosed group');
    return result;
  }

  private atom(): Atom {
    const start = this.at;
    const c = this.text[this.at];
    if (c === '(') {
      const prefix = /^\((\?:|\?=|\?!|\?<=|\?<!|\?<[A-Za-z_$][\w$]*>)?/.exec(this.text.slice(this.at))![0];
      this.at += prefix.length;
      const group = this.alternatives(true);
      this.at++; // the ')'
      const lookaround = /^\(\?(=|!|<=|<!)$/.test(prefix);
      return { source: this.text.slice(start, this.at), zeroWidth: lookaround, group };
    }
    if (c === '[') {
      this.at++;
      if (this.text[this.at] === '^') this.at++;
      // A leading ']' would be an empty class in JavaScript, so no special case.
      while (this.at < this.text.length && this.text[this.at] !== ']') this.at += this.text[this.at] === '\\' ? 2 : 1;
      this.at++;
      return { source: this.text.slice(start, this.at), zeroWidth: false };
    }
    if (c === '\\') return this.escape();
    this.at++;
    return { source: c, zeroWidth: c === '^' || c === '$' };
  }

  private escape(): Atom {
    const start = this.at;
    const rest = this.text.slice(this.at);
    const backReference = /^\\([1-9]\d*|k<[^>]*>)/.exec(rest);
    if (backReference) {
      this.at += backReference[0].length;
      return { source: backReference[0], zeroWidth: false, backReference: true };
    }
    const long = /^\\(u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|c[A-Za-z]|[pP]\{[^}]*\})/.exec(rest);
    this.at += long ? long[0].length : 2;
    const source = this.text.slice(start, this.at);
    return { source, zeroWidth: source === '\\b' || source === '\\B' };
  }

  private quantifier(): Quantifier | undefined {
    const rest = this.text.slice(this.at);
    const m = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(rest);
    if (!m) return undefined;
    this.at += m[0].length;
    if (m[1]) return { min: m[1] === '+' ? 1 : 0, max: m[1] === '?' ? 1 : Infinity, text: m[0] };
    const min = Number(m[2]);
    const max = m[3] === undefined ? min : m[4] === '' ? Infinity : Number(m[4]);
    return { min, max, text: m[0] };
  }
}
