/** Minimal argv parsing: `command --flag value --switch positional…`. */
export interface ParsedArgs {
  command: string;
  positionals: string[];
  flags: Record<string, string | true>;
  /** Every value of a flag given more than once, in order (`flags` keeps the last); see flagStrings. */
  repeated?: Record<string, Array<string | true>>;
}

export function parseArgs(argv: string[]): ParsedArgs {
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
      else if (next !== undefined && !next.startsWith('--')) (flags[key] = next), i++;
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
    if (value === true) throw new Error(`--${name} needs a value.`);
    return value;
  });
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  if (value === true) throw new Error(`--${name} needs a value.`);
  return value;
}

export function flagNumber(args: ParsedArgs, name: string, fallback: number): number {
  const value = flagString(args, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, not "${value}".`);
  return n;
}
