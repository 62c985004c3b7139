import type { RunProgress } from '../api/contract';
import { parseRunConfig } from '../api/run-config';
import type { EpisodeRecord, TaskRecord } from '../api/types';
import type { Core } from '../core';
import { countsTowardSuccessRate } from '../analysis/trajectory';
import type { StartedRun } from '../runs/run-tasks';
import { flagNumber, flagString, UsageError, type ParsedArgs } from './args';
import { runOptions, schedulerOptions } from './run-options';
import { checkResumeOverrides, checkRunRequest } from './run-request-check';
import { resolveRun } from './run-resolver';
import { MINIWOB_SUITE_FAMILY } from '../tasks/miniwob/suite';
import { llmUsageLines } from './llm-usage-text';

/** The splits a task can be in (TaskRecord.split). */
const TASK_SPLITS: readonly string[] = ['train', 'test'] satisfies NonNullable<TaskRecord['split']>[];

/** `run`: picks tasks, schedules them (`--concurrency N`), prints a progress line per finished episode and a
 * summary. Exit code 0 when the run completed (whatever the success rate); 1 when it could not run or some
 * episodes ended in infrastructure failures (`resume` runs those again); 130 when it was interrupted. */
export async function runCommand(args: ParsedArgs, core: Core): Promise<number> {
  checkTaskSelection(args);
  const policy = flagString(args, 'policy') ?? 'oracle';
  const options = runOptions(args);
  const taskIds = await selectTasks(args, core);
  if (taskIds.length === 0) throw new Error('No task matches; see `list tasks` or `list families`.');
  const seeds = flagNumber(args, 'seeds', NaN);
  const request = { taskIds, policy, seed: flagNumber(args, 'seed', 0), ...(Number.isNaN(seeds) ? {} : { seedsPerTask: seeds }), ...options };
  // Every flag is checked by the API's rules before the run exists: a stored run must be resumable.
  checkRunRequest(args, request);
  // Unless told, as many at once as the machine's cores keep fed (browser/default-concurrency.ts).
  request.scheduler = { concurrency: core.pool.defaultConcurrency(), ...request.scheduler };
  // A checkpoint must lie inside <dataDir>/training; checked before the run exists (relative to the shell's folder).
  if (request.checkpoint !== undefined) request.checkpoint = await core.resolveCheckpoint(request.checkpoint, process.cwd());
  // One episode per task and seed (--seeds N runs each task N times).
  const episodes = taskIds.length * (request.seedsPerTask ?? 1);
  const atOnce = Math.min(request.scheduler.concurrency ?? 1, episodes);
  console.log(`Running ${episodes} episode(s) with policy "${policy}", ${atOnce} at once (data: ${(await core.api.info()).dataDir})`);
  return follow(core, () => core.run(request));
}

/** `resume <run-id|latest>`: runs again every task of an interrupted (or infrastructure-failed) run that has no
 * finished episode. A run another process is resuming is refused as already running (runs/run-tasks.ts). */
export async function resumeCommand(args: ParsedArgs, core: Core): Promise<number> {
  const overrides = schedulerOptions(args);
  checkResumeOverrides(args, overrides);
  const run = resolveRun(await core.store.runs.list(), args.positionals[0] ?? 'latest', {
    // a training job's runs are not resumed
    latest: { pick: (runs) => runs.find((r) => (r.status === 'interrupted' || r.status === 'error') && r.kind !== 'rollout'), none: 'No interrupted run to resume.' },
  });
  console.log(`Resuming run ${run.id}`);
  return follow(core, () => core.resume(run.id, overrides));
}

async function follow(core: Core, start: () => Promise<StartedRun>): Promise<number> {
  const started = Date.now();
  const unsubscribe = core.events.subscribe((event) => {
    if (event.event !== 'progress') return;
    const p = event.payload as RunProgress;
    void core.store.episodes.get(p.episodeId).then((e) => e && console.log(progressLine(p, e)));
  });
  try {
    const { runId, done } = await start();
    // Which LLM scores the fuzzy_match checks, as the run recorded it (docs/design/WEBARENA.md §2.2).
    const stored = await core.store.runs.get(runId);
    const judge = stored && parseRunConfig(stored).judge;
    if (judge) console.log(`fuzzy_match checks are judged by ${judge.provider} ${judge.model}${judge.baseUrl ? ` at ${judge.baseUrl}` : ''} (temperature 0)`);
    const episodes = await done;
    // Infrastructure failures and cancelled episodes say nothing about the agent: not in the rate.
    const scored = episodes.filter(countsTowardSuccessRate);
    const successes = scored.filter((e) => e.success).length;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Run ${runId}: ${successes}/${scored.length} succeeded (${((100 * successes) / Math.max(scored.length, 1)).toFixed(1)}%) in ${seconds}s`);
    const failed = episodes.filter((e) => e.status === 'error');
    if (failed.length) {
      const reasons = [...new Set(failed.map((e) => e.stopReason))].join(', ');
      console.log(`${failed.length} episode(s) ended in infrastructure failures (${reasons}), not counted above; \`resume ${runId}\` runs them again.`);
    }
    for (const line of llmUsageLines(await core.api.getRunLlmUsage(runId))) console.log(line);
    const status = (await core.store.runs.get(runId))?.status;
    if (status === 'interrupted') {
      console.log(`Run ${runId} was interrupted; \`resume ${runId}\` runs its unfinished tasks.`);
      return 130;
    }
    return status === 'error' ? 1 : 0;
  } finally {
    unsubscribe();
  }
}

function progressLine(p: RunProgress, e: EpisodeRecord): string {
  const mark = p.retrying ? '↻' : e.status === 'error' ? '!' : e.status === 'interrupted' ? '…' : e.success ? '✓' : '✗';
  const head = `[${p.done}/${p.total}] ${mark} ${e.taskId} score=${e.score ?? '—'} steps=${e.stepCount} stop=${e.stopReason} episode=${e.id}`;
  const note = p.retrying ? 'Infrastructure failure, retrying: ' : e.status === 'error' ? 'Infrastructure failure (not counted): ' : '';
  return e.success ? head : `${head}\n      ${note}${e.outcome}`;
}

/** The ways `run` picks its tasks, from the most specific: --tasks names them; --suite takes MiniWoB++'s; --family
 * or --all, with --split, choose from the store. A flag a more specific one would override is refused (a usage error)
 * rather than silently ignored: `--tasks a,b --split test` used to run a and b whatever their split. */
export function checkTaskSelection(args: ParsedArgs): void {
  const given = (names: readonly string[]) => names.filter((name) => args.flags[name] !== undefined).map((name) => `--${name}`);
  const listed = (names: string[]) => (names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);
  const help = 'see `npm run cli -- help run`';
  const overridden = given(['suite', 'family', 'all', 'split']);
  if (args.flags.tasks !== undefined && overridden.length) {
    throw new UsageError(`--tasks names the tasks to run, so ${listed(overridden)} would be ignored: give --tasks alone, or choose from the catalog without it (${help}).`);
  }
  const catalog = given(['family', 'all', 'split']);
  if (args.flags.suite !== undefined && catalog.length) {
    throw new UsageError(`--suite picks the MiniWoB++ tasks itself, so ${listed(catalog)} would be ignored: give --suite alone (${help}).`);
  }
  if (args.flags.family !== undefined && args.flags.all !== undefined) {
    throw new UsageError(`--family picks one family's tasks, so --all would be ignored: give one or the other (${help}).`);
  }
}

async function selectTasks(args: ParsedArgs, core: Core): Promise<string[]> {
  const explicit = flagString(args, 'tasks');
  if (explicit) return explicit.split(',').map((s) => s.trim()).filter(Boolean);
  // MiniWoB++ as BrowserGym runs it (docs/design/WEBARENA.md §5): its 125 tasks, or every page of the checkout.
  const suite = flagString(args, 'suite');
  if (suite !== undefined) {
    if (suite !== 'miniwob' && suite !== 'miniwob-all') throw new UsageError(`--suite must be miniwob or miniwob-all, not "${suite}".`);
    const miniwob = (await core.store.tasks.list()).filter((t) => t.source === 'miniwob' && (suite === 'miniwob-all' || t.family === MINIWOB_SUITE_FAMILY));
    if (miniwob.length === 0) throw new Error(core.miniwob.problem ?? 'No MiniWoB++ tasks are registered: set MINIWOB_DIR (or --miniwob-dir).');
    return miniwob.map((t) => t.id);
  }
  const family = flagString(args, 'family');
  const split = flagString(args, 'split');
  if (split !== undefined && !TASK_SPLITS.includes(split)) throw new UsageError(`--split must be ${TASK_SPLITS.join(' or ')}, not "${split}".`);
  const tasks = await core.store.tasks.list();
  return tasks
    // Sandbox tasks from an earlier, larger catalog stay in the store; only the current catalog's have an oracle.
    .filter((t) => t.source !== 'sandbox' || core.catalog?.get(t.id) !== undefined)
    .filter((t) => (family ? t.family === family : args.flags.all === true || t.source === 'sandbox'))
    .filter((t) => !split || t.split === split)
    .map((t) => t.id);
}
