// `train`: a training job from the command line (issue 7) — the same job the Training page starts, recorded
// in the data directory — with a progress line per stage and, at the end, test SR per phase per variant (the
// ablation table when several variants run).
import type { TrainingBudget, TrainingJob, TrainingProgress, TrainingVariant } from '../api/training-types';
import { TRAINING_VARIANTS } from '../api/training-types';
import type { Core } from '../core';
import { TrainingDefaults } from '../training/training-defaults';
import { join } from 'node:path';
import type { TrainingRequest } from '../api/training-types';
import type { StudyReport } from '../api/study-types';
import { studyPreset } from '../training/study/presets';
import { parseSeeds, requestSeeds } from '../training/study/seeds';
import { studyReport } from '../training/study/study-report';
import { studyTextTable } from '../training/study/study-table';
import { writeStudyReport } from '../training/study/write-report';
import { overridesText, type MiraOverrides, type MiraReturnKind } from '../api/mira-overrides';
import { flagNumber, flagString, UsageError, type ParsedArgs } from './args';
import { trainCriticsCommand } from './train-critics-command';
import { checkTrainingRequest } from './train-request-check';
import { closest } from './flag-check';
import { outputProblem } from '../training/export/output-path';
import { episodesAtOnce } from '../services/worker-runner';
import { lossLabel } from '../training/loss-names';

export async function trainCommand(args: ParsedArgs, core: Core, dataDir = '.'): Promise<number> {
  if (args.positionals[0] === 'critics') return trainCriticsCommand(args, core);
  if (args.positionals[0] !== undefined) throw new UsageError(`Unexpected "${args.positionals[0]}": train takes no argument but \`critics\`.`);
  const variants = args.flags.ablation ? [...TRAINING_VARIANTS] : (flagString(args, 'variants') ?? 'full').split(',').map((v) => v.trim());
  const unknown = variants.filter((v) => !(TRAINING_VARIANTS as readonly string[]).includes(v));
  if (unknown.length) throw new UsageError(`Unknown variant(s) ${unknown.join(', ')}; choose from ${TRAINING_VARIANTS.join(', ')} (or --ablation for all).`);
  const families = flagString(args, 'families')?.split(',').map((f) => f.trim()) ?? [...TrainingDefaults.families];
  const overrides = miraFlags(args);
  const request = withStudy(args, {
    variants: variants as TrainingVariant[], families, phases: flagNumber(args, 'phases', 2),
    instancesPerFamily: flagNumber(args, 'train-instances', 10), seed: flagNumber(args, 'seed', 1),
    budget: budgetFlags(args), ...(overrides ? { overrides } : {}),
    ...(args.flags['parallel-variants'] !== undefined ? { parallelVariants: flagNumber(args, 'parallel-variants', 1) } : {}),
    ...(args.flags.concurrency !== undefined ? { concurrency: flagNumber(args, 'concurrency', 1) } : {}),
  });
  // Checked by the API's own rules, and the report's path, before the job (minutes to hours) starts.
  checkTrainingRequest(args, request);
  // Unless told, the runs' default over each worker's cores, recorded so the job's settings say it (as `run` does).
  request.concurrency ??= episodesAtOnce(request);
  checkTrainingFamilies(request.families, [...new Set(core.catalog?.all().map((i) => i.family) ?? [])]);
  const reportPath = flagString(args, 'report');
  // A report given by the user never goes into the data directory (it would truncate whatever it named there,
  // e.g. the database); the default one, <dataDir>/training/<job>/study.html, is written by the workbench itself.
  const reportProblem = reportPath === undefined ? null : await outputProblem(reportPath, 'file', { dataDir });
  if (reportProblem) throw new UsageError(`--report: ${reportProblem}.`);
  const changed = overridesText(request.overrides);
  console.log(`Training ${request.variants.join(', ')} on ${request.families.join(', ')}${request.seeds ? ` with seeds ${request.seeds.join(', ')}` : ''}: ${request.phases} MiRA phase(s) after SFT, ${request.instancesPerFamily} instances per family; ${request.concurrency} episode${request.concurrency === 1 ? '' : 's'} at a time${changed ? `; MiRA settings ${changed}` : ''}`);
  let lastLine = '';
  const off = core.events.subscribe((e) => {
    if (e.event !== 'training') return;
    const line = progressLine(e.payload as TrainingProgress, (request.seeds?.length ?? 1) > 1);
    if (line && line !== lastLine) console.log((lastLine = line));
  });
  try {
    const { jobId } = await core.api.startTraining(request);
    let job = await core.api.getTrainingJob(jobId);
    while (job.status === 'running') {
      await new Promise((r) => setTimeout(r, 500));
      job = await core.api.getTrainingJob(jobId);
    }
    // The study (issue 17): SR with 95% intervals over tasks × seeds, failure modes, milestones; and its HTML report.
    const study = studyReport(job);
    console.log(summaryTable(job, study));
    console.log(`\n${studyTextTable(study)}`);
    const report = await writeStudyReport(job, reportPath ?? join(dataDir, 'training', job.id, 'study.html'));
    console.log(`Study report: ${report.path}\nOpen: ${report.url}`);
    return job.status === 'finished' ? 0 : 1;
  } finally {
    off();
  }
}

/** --sft-demos N, --rollouts N and --tasks-per-phase N, only those given (the trainer's defaults fill the rest). */
function budgetFlags(args: ParsedArgs): TrainingBudget {
  const budget: TrainingBudget = {};
  if (args.flags['sft-demos'] !== undefined) budget.sftDemosPerFamily = flagNumber(args, 'sft-demos', 0);
  if (args.flags.rollouts !== undefined) budget.rolloutsPerTask = flagNumber(args, 'rollouts', 1);
  if (args.flags['tasks-per-phase'] !== undefined) budget.tasksPerPhase = flagNumber(args, 'tasks-per-phase', 0);
  return budget;
}

/** --alpha … --no-perplexity-filter (docs/design/MIRA.md §6), only those given; the API's schema checks their ranges
 * (train-request-check.ts names the flag of a wrong one). */
export function miraFlags(args: ParsedArgs): MiraOverrides | undefined {
  const given = (flag: string) => args.flags[flag] !== undefined;
  const o: MiraOverrides = {};
  if (given('alpha')) o.alpha = flagNumber(args, 'alpha', 0);
  if (given('lambda')) o.lambda = flagNumber(args, 'lambda', 0);
  if (given('gamma')) o.gamma = flagNumber(args, 'gamma', 0);
  if (given('beta')) o.beta = flagNumber(args, 'beta', 0);
  if (given('replay-cap')) o.replayCapRatio = flagNumber(args, 'replay-cap', 0);
  if (given('critic-held-out')) o.criticHeldOut = flagNumber(args, 'critic-held-out', 0);
  const returnKind = flagString(args, 'return');
  if (returnKind !== undefined) o.returnKind = returnKind as MiraReturnKind;
  const perplexityBand = flagString(args, 'perplexity-band');
  if (perplexityBand !== undefined) o.perplexityBounds = bandFlag('perplexity-band', perplexityBand);
  const curriculumBand = flagString(args, 'curriculum-band');
  if (curriculumBand !== undefined) o.curriculumBand = bandFlag('curriculum-band', curriculumBand);
  if (args.flags['no-perplexity-filter'] === true) o.perplexityFilter = false;
  return Object.keys(o).length ? o : undefined;
}

/** "0.05,0.75" → [0.05, 0.75]; anything but two numbers is a usage error naming the flag. */
function bandFlag(flag: string, text: string): [number, number] {
  const parts = text.split(',').map((p) => p.trim());
  const band = parts.map(Number);
  if (parts.length !== 2 || parts.some((p) => p === '') || !band.every(Number.isFinite)) throw new UsageError(`--${flag} must be two numbers lo,hi, not "${text}".`);
  return [band[0], band[1]];
}

/** One line per stage boundary and per loss point; intermediate progress ticks are skipped. A study over seeds
 * names the seed with the variant. */
export function progressLine(p: TrainingProgress, withSeed = false): string | null {
  if (p.losses) return `[${p.variant ?? '-'}${withSeed && p.seed !== undefined ? ` seed ${p.seed}` : ''}] phase ${p.phase} ${p.stage}: ${Object.entries(p.losses).map(([k, v]) => `${lossLabel(k)} ${v.toFixed(4)}`).join(', ')}${p.samplesPerSecond ? ` (${p.samplesPerSecond.toFixed(0)} samples/s)` : ''}`;
  if (p.total > 0 && p.done !== p.total && p.done % 10 !== 0) return null;
  return p.message;
}

/** Test SR per phase per variant. One seed: that seed's result. Several (issue 17): the mean over the seeds that
 * reached each phase — the study's mean over tasks × seeds, the same number its table prints — with the header
 * saying so and "k of n" where a seed is missing, then each seed's own row. */
export function summaryTable(job: TrainingJob, report: StudyReport = studyReport(job, { replicates: 1 })): string {
  const phases = [...new Set(job.phases.map((p) => p.phase))].sort((a, b) => a - b);
  const seeds = requestSeeds(job.request);
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  const title = `Job ${job.id} ${job.status} on ${job.backend?.device ?? job.backend?.name ?? 'unknown backend'}${job.error ? `: ${job.error}` : ''}`;
  const header = ['variant', ...phases.map((p) => (p === 0 ? 'SFT' : `phase ${p}`))];
  if (seeds.length === 1) {
    const rows = job.request.variants.map((v) => [v, ...phases.map((n) => {
      const r = job.phases.find((p) => p.variant === v && p.phase === n);
      return r ? pct(r.testSuccess) : '—';
    })]);
    return [title, 'Test success rate per phase:', ...textTable([header, ...rows])].join('\n');
  }
  const means = job.request.variants.map((v) => [v, ...phases.map((n) => {
    const cell = report.cells.find((c) => c.variant === v && c.phase === n);
    if (!cell) return '—';
    return `${pct(cell.testSuccess.mean)}${cell.seeds.length < seeds.length ? ` (${cell.seeds.length} of ${seeds.length} seeds)` : ''}`;
  })]);
  const perSeed = seeds.flatMap((seed) => job.request.variants.map((v) => [v, String(seed), ...phases.map((n) => {
    const r = job.phases.find((p) => p.variant === v && p.phase === n && (p.seed ?? job.request.seed) === seed);
    return r ? pct(r.testSuccess) : '—';
  })]));
  return [
    title, `Test success rate per phase, mean over ${seeds.length} seeds (${seeds.join(', ')}):`, ...textTable([header, ...means]),
    'Per seed:', ...textTable([[header[0], 'seed', ...header.slice(1)], ...perSeed]),
  ].join('\n');
}

/** Rows padded to their columns' widths. */
function textTable(rows: string[][]): string[] {
  const width = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(width[i])).join('  '));
}

/** --study <name> fills what the flags leave out (issue 17, main/training/study/presets.ts); --seeds 1,2,3 runs
 * the same job once per trainer seed. */
function withStudy(args: ParsedArgs, request: TrainingRequest): TrainingRequest {
  const name = flagString(args, 'study');
  const given = (flag: string) => args.flags[flag] !== undefined;
  const out: TrainingRequest = { ...request };
  if (name !== undefined) {
    const preset = usage('--study', () => studyPreset(name));
    if (!given('variants') && !given('ablation')) out.variants = preset.variants;
    if (!given('families')) out.families = preset.families;
    if (!given('phases')) out.phases = preset.phases;
    if (!given('train-instances')) out.instancesPerFamily = preset.instancesPerFamily;
    if (!given('seed') && !given('seeds')) Object.assign(out, { seed: preset.seed, seeds: preset.seeds });
    out.budget = { ...preset.budget, ...request.budget };
  }
  const seeds = flagString(args, 'seeds');
  if (seeds !== undefined) {
    const parsed = usage('--seeds', () => parseSeeds(seeds));
    Object.assign(out, { seeds: parsed, seed: parsed[0] });
  }
  return out;
}

/** A family the sandbox does not have is a usage error (exit code 2) naming the nearest one and every known one,
 * before the job starts; the core's own refusal is left for a core without the sandbox (`known` empty). */
export function checkTrainingFamilies(families: readonly string[], known: readonly string[]): void {
  const unknown = families.filter((f) => !known.includes(f));
  if (unknown.length === 0 || known.length === 0) return;
  const named = unknown.map((f) => {
    const near = closest(f, known);
    return `"${f}"${near ? ` (did you mean ${near}?)` : ''}`;
  });
  const noun = unknown.length > 1 ? 'families' : 'family';
  throw new UsageError(`--families: unknown sandbox ${noun} ${named.join(', ')}; training uses the built-in sandbox's families: ${known.join(', ')} (\`list families\`).`);
}

/** A flag's value parsed by a helper whose error is about that value: a usage error naming the flag. */
function usage<T>(flag: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new UsageError(`${flag}: ${(err as Error).message}`);
  }
}
