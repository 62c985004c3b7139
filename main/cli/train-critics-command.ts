// `train critics --runs <id,id>` (issue 17): fits the value and potential critics on recorded runs of any
// policy — the same background fit as the run report's button — printing its progress, the held-out losses
// and V's calibration, and where the checkpoint went. Replay then draws V and P for those runs' episodes.
import type { CriticFitJob } from '../api/critic-types';
import type { Core } from '../core';
import { flagNumber, flagString, UsageError, type ParsedArgs } from './args';
import { latestPersonRun, resolveRun } from './run-resolver';
import { checkCriticFitRequest } from './train-request-check';
import { findCommand } from './usage';

/** The `train` flags a critic fit reads; the rest of `train`'s (--alpha, --phases, …) configure training jobs and
 * would be silently ignored here, so they are refused (COMMON_FLAGS such as --data pass). */
const CRITIC_FIT_FLAGS = new Set(['runs', 'epochs', 'patience', 'seed']);

function refuseTrainingJobFlags(args: ParsedArgs): void {
  const trainFlags = new Set((findCommand('train')?.flags ?? []).map((f) => f.name));
  const stray = Object.keys(args.flags).filter((name) => trainFlags.has(name) && !CRITIC_FIT_FLAGS.has(name));
  if (stray.length) {
    throw new UsageError(`train critics takes --runs, --epochs, --patience and --seed; ${stray.map((f) => `--${f}`).join(', ')} ${stray.length === 1 ? 'configures' : 'configure'} training jobs (\`train\` without \`critics\`).`);
  }
}

export async function trainCriticsCommand(args: ParsedArgs, core: Core): Promise<number> {
  refuseTrainingJobFlags(args);
  const wanted = (flagString(args, 'runs') ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  if (wanted.length === 0) throw new UsageError('train critics needs --runs <id,id,…>: the runs whose episodes the critics learn from.');
  const epochs = flagNumber(args, 'epochs', NaN);
  const patience = flagNumber(args, 'patience', NaN);
  const request = {
    runIds: wanted, seed: flagNumber(args, 'seed', 1),
    ...(Number.isNaN(epochs) ? {} : { maxEpochs: epochs }), ...(Number.isNaN(patience) ? {} : { patience }),
  };
  checkCriticFitRequest(args, request);
  // Ids or unique prefixes, as every command takes them.
  const runs = await core.api.listRuns();
  const runIds = [...new Set(wanted.map((name) => resolveRun(runs, name, { latest: latestPersonRun() }).id))];
  const { fitId } = await core.api.startCriticFit({ ...request, runIds });
  console.log(`Fitting the critics on run(s) ${runIds.join(', ')} (fit ${fitId}); Ctrl-C cancels`);
  // Ctrl-C closes the core (cli/signals.ts), which stops the fit's worker at once and records it cancelled.
  const onInterrupt = () => console.error(`Cancelling critic fit ${fitId}: its worker stops now; its record will say cancelled.`);
  process.once('SIGINT', onInterrupt);
  let last = '';
  let job: CriticFitJob;
  try {
    for (;;) {
      [job] = (await core.api.listCriticFits()).filter((j) => j.id === fitId);
      const line = job.progress?.message ?? '';
      if (line && line !== last) console.log((last = line));
      if (job.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  if (job.status !== 'finished' || !job.result) {
    console.error(job.error ?? `The fit ended ${job.status}.`);
    return 1;
  }
  console.log(criticFitSummary(job));
  return 0;
}

export function criticFitSummary(job: CriticFitJob): string {
  const r = job.result!;
  const loss = (x: number | null) => (x === null ? '—' : x.toFixed(4));
  const lines = [
    `${r.episodes} episode(s): ${r.trainEpisodes} train, ${r.heldOutEpisodes} held out; ${r.skipped.length} skipped; P's labels from steps ${r.labelSources.steps}, verdicts ${r.labelSources.verdicts}, none ${r.labelSources.none}`,
    `value critic V: train BCE ${loss(r.value.trainLoss)}, held-out BCE ${r.value.heldOutLoss === null && r.value.heldOutNote ? r.value.heldOutNote : loss(r.value.heldOutLoss)} (${r.value.epochs} epochs, kept ${r.value.keptEpoch})`,
    r.potential ? `potential critic P: train MSE ${loss(r.potential.trainLoss)}, held-out MSE ${loss(r.potential.heldOutLoss)} (${r.potential.epochs} epochs, kept ${r.potential.keptEpoch})` : 'potential critic P: not fitted (no episode was judged against subgoals)',
    `calibration of V on ${r.calibration.heldOut ? 'the held-out' : 'all (no held-out slice with both outcomes)'} states: ECE ${r.calibration.ece === null ? '—' : r.calibration.ece.toFixed(4)} over ${r.calibration.n} states`,
    ...r.skipped.map((s) => `  skipped ${s.episodeId}: ${s.reason}`),
    `checkpoint: ${r.checkpoint} (${r.backend}, ${r.seconds.toFixed(1)} s)`,
  ];
  return lines.join('\n');
}
