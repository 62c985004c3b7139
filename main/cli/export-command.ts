// `export --run <runId> --format mira|vab-traces|webrl-trainer --out <path>` (issue 7 "Export", issue 23;
// fields in docs/export.md): `mira` writes a folder with steps.jsonl and manifest.json, `vab-traces`
// VisualAgentBench's WebRL trace folder, `webrl-trainer` one trajectory per line. One progress line per
// episode, skipped episodes with their reason, then a summary with the skip counts.
import type { Core } from '../core';
import { exportConfig } from '../training/export/export-run';
import { writeMiraExport } from '../training/export/mira-writer';
import { EXPORT_FORMATS, type EpisodeReport, type ExportFormat } from '../training/export/types';
import { WEBRL_TRAINER_GAMMA } from '../training/export/webrl-prompt';
import { writeVabTraces, writeWebRlTrainer, type WebRlExportTotals } from '../training/export/webrl-writers';
import { assertInRange } from '../training/validate';
import type { MiraConfig, ReturnKind } from '../training/defaults';
import { flagNumber, flagString, flagStrings, UsageError, type ParsedArgs } from './args';
import { exportSources, type ExportSources } from '../training/export/export-sources';
import { latestPersonRun, resolveRun } from './run-resolver';
import { outputProblem } from '../training/export/output-path';

const USAGE = 'export --run <runId|prefix|latest> [--format mira|vab-traces|webrl-trainer] --out <dir|file.jsonl> [--checkpoint <file|dir> (a policy checkpoint and/or a critics fit)] [--alpha A] [--lambda L] [--gamma G] [--return shaped|raw] [--webrl-gamma G]';

export async function exportCommand(args: ParsedArgs, core: Core): Promise<number> {
  const wanted = flagString(args, 'run') ?? args.positionals[0];
  if (wanted === undefined) {
    console.error(`Usage: ${USAGE}`);
    return 2;
  }
  const format = (flagString(args, 'format') ?? 'mira') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${format}".`);
  const checkpointPaths = flagStrings(args, 'checkpoint');
  if (format !== 'mira' && checkpointPaths.length) throw new UsageError('--checkpoint applies to --format mira only: WebRL computes its own critic and reference log-probs.');
  refuseFlagsOfOtherFormats(args, format);
  const { dataDir } = await core.api.info();
  // The checkpoints next (inside <dataDir>/training only): a refused path fails before anything else is read.
  const sources = await exportSources(dataDir, checkpointPaths, process.cwd());
  const outPath = flagString(args, 'out');
  if (!outPath) throw new UsageError(`--out is required: ${format === 'webrl-trainer' ? 'the .jsonl file to write' : 'the folder to write into'}.`);
  const run = resolveRun(await core.api.listRuns(), wanted, { latest: latestPersonRun() });
  // A path that cannot be written, or one inside the data directory (its database and blobs), is refused
  // before anything is read or created.
  const problem = await outputProblem(outPath, format === 'webrl-trainer' ? 'file' : 'folder', { dataDir });
  if (problem) throw new UsageError(`--out: ${problem}.`);

  if (format === 'mira') return exportMira(args, core, run.id, outPath, sources);
  const webrlGamma = args.flags['webrl-gamma'] !== undefined ? flagNumber(args, 'webrl-gamma', WEBRL_TRAINER_GAMMA) : WEBRL_TRAINER_GAMMA;
  asUsageError(() => assertInRange('--webrl-gamma', webrlGamma, 0, 1));
  console.log(`Exporting run ${run.id} as ${format} to ${outPath}`);
  const options = {
    gamma: webrlGamma,
    onSkip: (episodeId: string, taskId: string, reason: string) => console.error(`skipped episode ${episodeId} (${taskId}): ${reason}`),
    onTrajectory: (t: { source: { episode: { id: string; taskId: string; success: boolean | null } }; steps: unknown[] }) =>
      console.log(`  ${t.source.episode.id.slice(0, 8)} ${t.source.episode.taskId}: ${t.source.episode.success ? 'success' : 'fail'}, ${t.steps.length} step(s)`),
  };
  const totals: WebRlExportTotals = format === 'vab-traces'
    ? await writeVabTraces(core.store, run.id, outPath, options)
    : await writeWebRlTrainer(core.store, run.id, outPath, options);
  console.log(`Exported ${totals.episodes} trajectory(ies), ${totals.steps} step(s); skipped ${totals.unscored} episode(s) without an outcome and ${totals.inexpressible} with a step WebRL cannot express.`);
  return 0;
}

/** A setting out of range is a mistake on the command line (exit code 2, like a flag that is not a number). */
function asUsageError(check: () => unknown): void {
  try {
    check();
  } catch (err) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}.`);
  }
}

/** The settings each format reads; given to another format a flag would be ignored without a word (a
 * `--gamma 0.95` meant for mc_return left it at 0.9), so it is refused instead. */
const FLAG_FORMATS: Record<string, ExportFormat> = { alpha: 'mira', lambda: 'mira', gamma: 'mira', return: 'mira', 'webrl-gamma': 'webrl-trainer' };

function refuseFlagsOfOtherFormats(args: ParsedArgs, format: ExportFormat): void {
  for (const [flag, owner] of Object.entries(FLAG_FORMATS)) {
    if (args.flags[flag] === undefined || owner === format) continue;
    const hint = flag === 'gamma' && format === 'webrl-trainer' ? '; the γ of mc_return is --webrl-gamma' : '';
    throw new UsageError(`--${flag} applies to --format ${owner} only, not ${format}${hint}.`);
  }
}

async function exportMira(args: ParsedArgs, core: Core, runId: string, outPath: string, { checkpoint, criticsFit }: ExportSources): Promise<number> {
  const returnFlag = flagString(args, 'return');
  if (returnFlag !== undefined && returnFlag !== 'shaped' && returnFlag !== 'raw') throw new UsageError(`--return must be shaped or raw, not "${returnFlag}".`);
  const returnKind: ReturnKind | undefined = returnFlag;
  const mira: Partial<MiraConfig> = {
    ...(args.flags.alpha !== undefined ? { alpha: flagNumber(args, 'alpha', 0) } : {}),
    ...(args.flags.lambda !== undefined ? { lambda: flagNumber(args, 'lambda', 0) } : {}),
    ...(args.flags.gamma !== undefined ? { gamma: flagNumber(args, 'gamma', 0) } : {}),
    ...(returnKind ? { returnKind } : {}),
  };
  // Check the settings first: a mistake fails before an output folder exists.
  asUsageError(() => exportConfig(mira));
  const using = [criticsFit && `V and P of critics fit ${criticsFit}`, checkpoint && `${criticsFit ? 'π_ref of' : ''} checkpoint ${checkpoint}`.trim()].filter(Boolean);
  console.log(`Exporting run ${runId} as mira to ${outPath}${using.length ? ` with ${using.join(' and ')}` : ''}`);
  const onEpisode = (r: EpisodeReport) => {
    const verdict = r.success === null ? 'unscored' : r.success ? 'success' : 'fail';
    if (!r.skipped) console.log(`  ${r.episodeId.slice(0, 8)} ${r.taskId}: ${verdict}, ${r.steps} step(s), critics ${r.criticSource ?? 'none'}`);
  };
  const onSkip = (episodeId: string, reason: string) => console.error(`skipped episode ${episodeId}: ${reason}`);
  const manifest = await writeMiraExport(core.store, runId, outPath, { checkpoint, criticsFit, mira, onEpisode, onSkip });
  if (manifest.critics_fit && !manifest.critics_fit.potential_fitted) {
    console.error(`Critics fit ${manifest.critics_fit.fit_id} has no potential critic P (none of its episodes had subgoals): potential is null${mira.alpha === 0 ? '' : ', and so are shaped_reward and advantage (give --alpha 0 for advantages without shaping)'}.`);
  }
  const { counts } = manifest;
  console.log(`Exported ${counts.episodes} episode(s), ${counts.steps} step(s); skipped ${counts.skipped} episode(s) without an outcome.`);
  return 0;
}
