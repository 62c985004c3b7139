import { resolve } from 'node:path';
import type { Core } from '../core';
import { loadWebArenaTasks, summariseBySite, type WebArenaVariant } from '../tasks';
import { flagString, UsageError, type ParsedArgs } from './args';

/** `import <file-or-dir> [--variant webarena|webarena-lite] [--replace]`: loads WebArena / WebArena-Lite configs
 * (docs/design/WEBARENA.md §1.3) into the store. Every rejected config is printed with its precise message and
 * the others are still imported; then the per-site summary. A task id already imported with a different config
 * keeps the stored one (its episodes were scored against it) with a warning, unless --replace. Exit code 1
 * when anything was rejected. */
export async function importCommand(args: ParsedArgs, core: Core): Promise<number> {
  const { path, variant } = importArgs(args);
  const { tasks, errors, warnings } = await loadWebArenaTasks(resolve(path), { variant });
  for (const error of errors) console.log(`rejected: ${error.message}`);
  for (const warning of warnings) console.log(`warning: ${warning.message}`);
  const replace = args.flags.replace === true;
  const outcomes = await core.store.db.transaction(async () => {
    const out: { id: string; outcome: Awaited<ReturnType<typeof core.store.tasks.importTask>> }[] = [];
    for (const task of tasks) out.push({ id: task.id, outcome: await core.store.tasks.importTask(task, replace) });
    return out;
  });
  for (const { id, outcome } of outcomes) {
    if (outcome === 'kept') console.log(`warning: ${id} is already imported with a different config; kept the stored one (its episodes were scored against it). Import again with --replace to overwrite it.`);
    if (outcome === 'replaced') console.log(`replaced: ${id} (its config changed)`);
  }
  const summary = Object.entries(summariseBySite(tasks)).sort((a, b) => b[1] - a[1]);
  console.log(`Imported ${tasks.length} task(s) into ${(await core.api.info()).dataDir}${summary.length ? ':' : '.'}`);
  for (const [site, count] of summary) console.log(`  ${site.padEnd(16)} ${count}`);
  const rejectedTasks = new Set(errors.map((e) => `${e.file}#${e.index ?? ''}#${e.taskId ?? ''}`)).size;
  if (errors.length > 0) console.log(`${rejectedTasks} config(s) rejected (${errors.length} problem(s)); fix them and import again.`);
  return errors.length > 0 ? 1 : 0;
}

const VARIANTS: readonly WebArenaVariant[] = ['webarena', 'webarena-lite'];

/** The path and --variant of `import`; a missing path or an unknown variant is a usage error (exit code 2). */
export function importArgs(args: ParsedArgs): { path: string; variant: WebArenaVariant | undefined } {
  const help = 'see `npm run cli -- help import`';
  const path = args.positionals[0];
  if (!path) throw new UsageError(`import needs a file or a folder of WebArena task configs: \`import <file-or-dir>\` (${help}).`);
  const variant = flagString(args, 'variant');
  if (variant !== undefined && !(VARIANTS as readonly string[]).includes(variant)) {
    throw new UsageError(`--variant must be ${VARIANTS.join(' or ')}, not "${variant}" (${help}).`);
  }
  return { path, variant: variant as WebArenaVariant | undefined };
}
