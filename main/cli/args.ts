/** Minimal argv parsing: `command --flag value --switch positional…`. */
export interface ParsedArgs {
  command: string;
  positionals: string[];
  flags: Record<string, string | true>;
  /** Every value of a flag given more than once, in order (`flags` keeps the last); see flagStrings. */
  repeated?: Record<string, Array<string | true>>;
}

/** A mistake in the command line itself (unknown flag, bad value): the CLI prints it and exits 2, before
 * anything is stored. */
export class UsageError extends Error {
  /** The error for a wrong value, by where it came from: a flag's (`--x`) is the command line's own mistake,
   * a UsageError (exit 2, as README says); an environment variable's stays a plain Error (exit 1). */
  static forSource(source: string, message: string): Error {
    return source.startsWith('--') ? new UsageError(message) : new Error(message);
  }
}

/** `switches` are the flags that take no value: the word after one is a positional, not its value
 * (`list --training tasks`, `run --all shop/x`). */
export function parseArgs(argv: string[], switches: ReadonlySet<string> = new Set()): ParsedArgs {
  const [command = 'help', ...rest] = argv;
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  const repeated: Record<string, Array<string | true>> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg.startsWith('--')) {
      // Split at the first '=' only: a value may hold one too (`--browser-endpoint=ws://h/x#max=4`).
      const eq = arg.indexOf('=');
      const key = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const inline = eq < 0 ? undefined : arg.slice(eq + 1);
      const next = rest[i + 1];
      if (inline !== undefined) flags[key] = inline;
      else if (next !== undefined && !next.startsWith('--') && !switches.has(key)) (flags[key] = next), i++;
      else flags[key] = true;
      (repeated[key] ??= []).push(flags[key]);
    } else {
      positionals.push(arg);
    }
  }
  return { command, positionals, flags, repeated };
}

/** Every value of a repeatable flag (`--browser-endpoint a --browser-endpoint b`), in order; [] when absent. */
export function flagStrings(args: ParsedArgs, name: string): string[] {
  const values = args.repeated?.[name] ?? (args.flags[name] === undefined ? [] : [args.flags[name]]);
  return values.map((value) => {
    if (value === true) throw new UsageError(`--${name} needs a value.`);
    return value;
  });
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  if (value === true) throw new UsageError(`--${name} needs a value.`);
  return value;
}

export function flagNumber(args: ParsedArgs, name: string, fallback: number): number {
  const value = flagString(args, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, not "${value}".`);
  return n;
}

/** An integer flag (of at least `min` when given), or undefined when absent: for flags no API schema covers. */
export function flagInteger(args: ParsedArgs, name: string, min?: number): number | undefined {
  const n = flagNumber(args, name, NaN);
  if (Number.isNaN(n)) return undefined;
  if (!Number.isSafeInteger(n) || (min !== undefined && n < min)) {
    throw new UsageError(`--${name} must be ${min === undefined ? 'an integer' : `a whole number ≥ ${min}`}, not ${args.flags[name]}.`);
  }
  return n;
}
