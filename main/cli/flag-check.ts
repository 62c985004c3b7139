// The command line is checked against the usage (cli/usage.ts, the one list of what each command takes) before
// anything is opened: a mistyped flag or a stray word used to be ignored, and `run --familly shop/x` ran the
// whole catalog.
import { UsageError, type ParsedArgs } from './args';
import { COMMON_FLAGS, findCommand, type CommandUsage, type FlagUsage } from './usage';

const INVOCATION = 'npm run cli --';

/** The flags a command takes: its own and the common ones. */
function accepted(command: CommandUsage): FlagUsage[] {
  return [...command.flags, ...COMMON_FLAGS];
}

/** The flags of `name` that take no value (so the word after one is not swallowed as its value). */
export function switchesOf(name: string | undefined): Set<string> {
  const command = name === undefined ? undefined : findCommand(name);
  return new Set((command ? accepted(command) : COMMON_FLAGS).filter((f) => f.value === undefined).map((f) => f.name));
}

/** Throws a UsageError for a flag the command does not take (suggesting the closest one), a switch given a
 * value, or more positional arguments than its usage names. */
export function checkCommandLine(args: ParsedArgs): void {
  const command = findCommand(args.command);
  if (!command) return; // unknown commands are answered by helpReply
  const known = new Map(accepted(command).map((f) => [f.name, f]));
  const help = `see \`${INVOCATION} help ${command.name}\``;
  for (const [name, value] of Object.entries(args.flags)) {
    const usage = known.get(name);
    if (!usage) {
      const near = closest(name, [...known.keys()]);
      throw new UsageError(`${command.name} has no flag --${name}${near ? `; did you mean --${near}?` : ''} (${help}).`);
    }
    if (usage.value === undefined && value !== true) throw new UsageError(`--${name} takes no value, not "${value}" (${help}).`);
  }
  const most = positionalSlots(command);
  if (args.positionals.length > most) {
    const extra = args.positionals.slice(most).map((p) => `"${p}"`).join(', ');
    const takes = most === 0 ? 'takes no arguments, only flags' : `takes at most ${most} argument (${command.args})`;
    throw new UsageError(`Unexpected ${extra}: ${command.name} ${takes} (${help}).`);
  }
}

/** How many positional arguments a usage line names: `[run-id|latest]` is one, `<file-or-dir>` is one. */
function positionalSlots(command: CommandUsage): number {
  return (command.args?.match(/\[[^\]]*\]|<[^>]*>/g) ?? []).length;
}

/** The accepted flag nearest to a mistyped one: a prefix of it, or at most two edits away. */
export function closest(typed: string, names: readonly string[]): string | null {
  if (typed.length >= 3) {
    const prefixed = names.filter((n) => n.startsWith(typed));
    if (prefixed.length === 1) return prefixed[0];
  }
  let best: string | null = null;
  let bestDistance = 3;
  for (const name of names) {
    const d = editDistance(typed, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}
