// `export --run <runId> [--checkpoint <file|dir>] [--out file.jsonl]`: a run as WebRL-compatible JSONL with
// MiRA's per-step signals (issue 7 "Export"; fields in docs/export.md). Lines go to --out or stdout; the
// progress line per episode and the summary go to stdout with --out, to stderr otherwise, so piped JSONL
// stays clean.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Core } from '../core';
import { exportConfig, exportRun } from '../training/export/export-run';
import { loadLocalScorer } from '../training/model/local-scorer';
import type { MiraConfig, ReturnKind } from '../training/defaults';
import type { EpisodeReport } from '../training/export/types';
import { flagNumber, flagString, type ParsedArgs } from './args';

const USAGE = 'export --run <runId|prefix|latest> [--checkpoint <file|dir>] [--out file.jsonl] [--alpha A] [--lambda L] [--gamma G] [--return shaped|raw]';

export async function exportCommand(args: ParsedArgs, core: Core): Promise<number> {
  const wanted = flagString(args, 'run') ?? args.positionals[0];
  if (!wanted) {
    console.error(`Usage: ${USAGE}`);
    return 2;
  }
  const runs = await core.api.listRuns();
  const run = wanted === 'latest' ? runs[0] : runs.find((r) => r.id === wanted) ?? runs.find((r) => r.id.startsWith(wanted));
  if (!run) throw new Error(wanted === 'latest' ? 'There are no runs yet.' : `No run matches "${wanted}".`);
  const returnFlag = flagString(args, 'return');
  if (returnFlag !== undefined && returnFlag !== 'shaped' && returnFlag !== 'raw') throw new Error(`--return must be shaped or raw, not "${returnFlag}".`);
  const returnKind: ReturnKind | undefined = returnFlag;
  const mira: Partial<MiraConfig> = {
    ...(args.flags.alpha !== undefined ? { alpha: flagNumber(args, 'alpha', 0) } : {}),
    ...(args.flags.lambda !== undefined ? { lambda: flagNumber(args, 'lambda', 0) } : {}),
    ...(args.flags.gamma !== undefined ? { gamma: flagNumber(args, 'gamma', 0) } : {}),
    ...(returnKind ? { returnKind } : {}),
  };

  // Check the settings and load the checkpoint first: a mistake fails before an empty output file exists.
  exportConfig(mira);
  const checkpointPath = flagString(args, 'checkpoint');
  const checkpoint = checkpointPath ? await loadLocalScorer(checkpointPath) : undefined;
  const outPath = flagString(args, 'out');
  const out: NodeJS.WritableStream = outPath ? createWriteStream(outPath) : process.stdout;
  const log = (line: string) => (outPath ? console.log(line) : console.error(line));
  const totals = { episodes: 0, steps: 0, skipped: 0 };
  const onEpisode = (r: EpisodeReport) => {
    if (r.skipped) totals.skipped++;
    else (totals.episodes++, (totals.steps += r.steps));
    const verdict = r.success === null ? 'unscored' : r.success ? 'success' : 'fail';
    // A skipped episode's reason line goes to stderr from exportRun itself.
    if (!r.skipped) log(`  ${r.episodeId.slice(0, 8)} ${r.taskId}: ${verdict}, ${r.steps} step(s), critics ${r.criticSource ?? 'none'}`);
  };

  log(`Exporting run ${run.id}${outPath ? ` to ${outPath}` : ''}${checkpointPath ? ` with checkpoint ${checkpointPath}` : ''}`);
  try {
    for await (const line of exportRun(core.store, run.id, { format: 'webrl', checkpoint, mira, onEpisode })) {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    }
  } finally {
    if (outPath) await closeStream(out as WriteStream);
  }
  log(`Exported ${totals.episodes} episode(s), ${totals.steps} step(s); skipped ${totals.skipped} episode(s) without an outcome.`);
  return 0;
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
}
