// Runs a user-supplied regular expression (a url_matches predicate: hand-saved, or stored before save-time
// checks existed) with a time limit. Predicates are judged every step on the core process, which also serves
// the UI/API, and V8's backtracking engine can take seconds to years on a pattern like ^(.|.)*X$. A
// node:vm script run with `timeout` is interrupted by V8 even inside a regex's backtracking loop, so a
// hostile pattern costs at most the limit, never a frozen host (docs/design/SANDBOX.md §3.3).
import vm from 'node:vm';

/** Wall-clock limit of one match. A URL pattern that is not pathological matches in microseconds. */
export const MATCH_LIMIT_MS = 50;
/** Longest input matched. Polynomial patterns such as .*a.*b stay well under the limit below this length;
 * real page URLs are far shorter (browsers show ~2,000 characters). */
export const MAX_MATCH_INPUT = 4096;

export type BoundedMatch =
  | { kind: 'match' | 'no-match' }
  | { kind: 'timeout'; limitMs: number }
  | { kind: 'invalid'; message: string }
  | { kind: 'too-long'; length: number; max: number };

// One context for every match: creating a context costs about a millisecond, running in it microseconds.
let sandbox: vm.Context | undefined;
const RUN = new vm.Script('regex.test(input)');
const compiled = new Map<string, RegExp | SyntaxError>();
// The same pattern on the same URL comes up step after step; a finished answer is kept (a timeout is not,
// so a pause of the whole machine never sticks as a verdict).
const answers = new Map<string, 'match' | 'no-match'>();
const CACHE_LIMIT = 512;

/** Tests `pattern` (no flags) on `input`, stopped after `limitMs`; a timeout is retried once, since a loaded
 * machine can pause the thread while a real backtracking blow-up times out every time. */
export function boundedRegexTest(pattern: string, input: string, limitMs = MATCH_LIMIT_MS): BoundedMatch {
  if (input.length > MAX_MATCH_INPUT) return { kind: 'too-long', length: input.length, max: MAX_MATCH_INPUT };
  const regex = compile(pattern);
  if (regex instanceof SyntaxError) return { kind: 'invalid', message: regex.message };
  const key = `${pattern.length}:${pattern}${input}`; // the length prefix keeps two pairs from sharing a key
  const known = answers.get(key);
  if (known) return { kind: known };
  for (let attempt = 0; attempt < 2; attempt++) {
    const answer = runLimited(regex, input, limitMs);
    if (typeof answer === 'object') return answer;
    if (answer !== 'timeout') {
      remember(answers, key, answer);
      return { kind: answer };
    }
  }
  return { kind: 'timeout', limitMs };
}

function compile(pattern: string): RegExp | SyntaxError {
  let regex = compiled.get(pattern);
  if (!regex) {
    try {
      regex = new RegExp(pattern);
    } catch (err) {
      regex = err instanceof SyntaxError ? err : new SyntaxError(String(err));
    }
    remember(compiled, pattern, regex);
  }
  return regex;
}

function runLimited(regex: RegExp, input: string, limitMs: number): 'match' | 'no-match' | 'timeout' | BoundedMatch {
  sandbox ??= vm.createContext({});
  sandbox.regex = regex;
  sandbox.input = input;
  try {
    return RUN.runInContext(sandbox, { timeout: limitMs }) ? 'match' : 'no-match';
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return 'timeout';
    // V8 can also give up on its own (its backtrack stack overflows): an outcome, not a crashed step.
    return { kind: 'invalid', message: `matching failed: ${(err as Error).message}` };
  } finally {
    sandbox.input = '';
  }
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}
