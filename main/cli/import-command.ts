import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Core } from '../core';
import { loadWebArenaTasks, summariseBySite, type WebArenaVariant } from '../tasks';
import { flagString, UsageError, type ParsedArgs } from './args';

/** `import <file-or-dir> [--variant webarena|webarena-lite] [--replace]`: loads WebArena / WebArena-Lite configs
 * (docs/design/WEBARENA.md §1.3) into the store. Every rejected config is printed with its precise message and
 * the others are still imported; then how many were new, replaced or already stored, and the per-site summary.
 * A task id already imported with a different config keeps the stored one (its episodes were scored against
 * it) with a warning, unless --replace. Exit code 1 when anything was rejected. */
export async function importCommand(args: ParsedArgs, core: Core): Promise<number> {
  const { path, variant } = importArgs(args);
  await checkImportPath(resolve(path));
  const { tasks, errors, warnings } = await loadWebArenaTasks(resolve(path), { variant });
  for (const error of errors) console.log(`rejected: ${error.message}`);
  for (const warning of warnings) console.log(`warning: ${warning.message}`);
  const replace = args.flags.replace === true;
  const outcomes = await core.store.db.transaction(async () => {
    const out: { id: string; outcome: Awaited<ReturnType<typeof core.store.tasks.importTask>> }[] = [];
    for (const task of tasks) out.push({ id: task.id, outcome: await core.store.tasks.importTask(task, replace) });
    return out;
  });
  const tally = { added: 0, unchanged: 0, replaced: 0, kept: 0 };
  for (const { id, outcome } of outcomes) {
    tally[outcome]++;
    if (outcome === 'kept') console.log(`warning: ${id} is already imported with a different config; kept the stored one (its episodes were scored against it). Import again with --replace to overwrite it.`);
    if (outcome === 'replaced') console.log(`replaced: ${id} (its config changed)`);
  }
  // A kept task was not imported (the stored config stays), so it is not counted as imported.
  const imported = tasks.filter((_, i) => outcomes[i].outcome !== 'kept');
  const summary = Object.entries(summariseBySite(imported)).sort((a, b) => b[1] - a[1]);
  const detail = tally.added === tasks.length ? '' : ` (${tally.added} new, ${tally.replaced} replaced, ${tally.unchanged} already stored unchanged${tally.kept ? `; ${tally.kept} kept as stored` : ''})`;
  console.log(`Imported ${imported.length} task(s) into ${(await core.api.info()).dataDir}${detail}${summary.length ? ':' : '.'}`);
  for (const [site, count] of summary) console.log(`  ${site.padEnd(16)} ${count}`);
  const rejectedTasks = new Set(errors.map((e) => `${e.file}#${e.index ?? ''}#${e.taskId ?? ''}`)).size;
  if (errors.length > 0) console.log(`${rejectedTasks} config(s) rejected (${errors.length} problem(s)); fix them and import again.`);
  return errors.length > 0 ? 1 : 0;
}

const VARIANTS: readonly WebArenaVariant[] = ['webarena', 'webarena-lite'];

/** A path `import` can read: a regular file or a folder. A FIFO or a device (`/dev/zero`) would hang the read
 * or fill memory (its size reads 0, so the loader's size limit does not stop it); it is refused before
 * reading. */
export async function checkImportPath(path: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (!info || info.isDirectory() || info.isFile()) return; // a missing path is reported by the loader, with the others
  throw new UsageError(`${path} is not a regular file or a folder; give a WebArena config file (.json) or a folder of them.`);
}

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
