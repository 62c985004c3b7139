import type { RunProgress } from '../api/contract';
import type { EpisodeRecord } from '../api/types';
import type { Core } from '../core';
import { countsTowardSuccessRate } from '../analysis/trajectory';
import type { StartedRun } from '../runs/run-tasks';
import { flagNumber, flagString, type ParsedArgs } from './args';
import { runOptions, schedulerOptions } from './run-options';
import { MINIWOB_SUITE_FAMILY } from '../tasks/miniwob/suite';

/** `run`: picks tasks, schedules them (`--concurrency N`), prints a progress line per finished episode and a
 * summary. Exit code 0 when the run completed (whatever the success rate); 1 when it could not run or some
 * episodes ended in infrastructure failures (`resume` runs those again); 130 when it was interrupted. */
export async function runCommand(args: ParsedArgs, core: Core): Promise<number> {
  const policy = flagString(args, 'policy') ?? 'oracle';
  const options = runOptions(args);
  // Unless told, as many at once as the machine's cores keep fed (browser/default-concurrency.ts).
  options.scheduler = { concurrency: core.pool.defaultConcurrency(), ...options.scheduler };
  // A checkpoint must lie inside <dataDir>/training; checked before the run exists (relative to the shell's folder).
  if (options.checkpoint !== undefined) options.checkpoint = await core.resolveCheckpoint(options.checkpoint, process.cwd());
  const taskIds = await selectTasks(args, core);
  if (taskIds.length === 0) throw new Error('No task matches; see `list tasks` or `list families`.');
  const atOnce = Math.min(options.scheduler.concurrency ?? 1, taskIds.length);
  console.log(`Running ${taskIds.length} episode(s) with policy "${policy}", ${atOnce} at once (data: ${(await core.api.info()).dataDir})`);
  const seeds = flagNumber(args, 'seeds', NaN);
  if (!Number.isNaN(seeds) && !(Number.isInteger(seeds) && seeds >= 1)) throw new Error(`--seeds must be a whole number ≥ 1, not "${args.flags.seeds}".`);
  return follow(core, () => core.run({ taskIds, policy, seed: flagNumber(args, 'seed', 0), ...(Number.isNaN(seeds) ? {} : { seedsPerTask: seeds }), ...options }));
}

/** `resume <run-id|latest>`: runs again every task of an interrupted (or infrastructure-failed) run that has no
 * finished episode. A run another process is resuming is refused as already running (runs/run-tasks.ts). */
export async function resumeCommand(args: ParsedArgs, core: Core): Promise<number> {
  const wanted = args.positionals[0] ?? 'latest';
  const runs = await core.store.runs.list();
  const run = wanted === 'latest'
    ? runs.find((r) => (r.status === 'interrupted' || r.status === 'error') && r.kind !== 'rollout') // a training job's runs are not resumed
    : runs.find((r) => r.id === wanted || r.id.startsWith(wanted));
  if (!run) throw new Error(wanted === 'latest' ? 'No interrupted run to resume.' : `No run matches "${wanted}".`);
  console.log(`Resuming run ${run.id}`);
  return follow(core, () => core.resume(run.id, schedulerOptions(args)));
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

async function selectTasks(args: ParsedArgs, core: Core): Promise<string[]> {
  const explicit = flagString(args, 'tasks');
  if (explicit) return explicit.split(',').map((s) => s.trim()).filter(Boolean);
  // MiniWoB++ as BrowserGym runs it (docs/design/WEBARENA.md §5): its 125 tasks, or every page of the checkout.
  const suite = flagString(args, 'suite');
  if (suite !== undefined) {
    if (suite !== 'miniwob' && suite !== 'miniwob-all') throw new Error(`--suite must be miniwob or miniwob-all, not "${suite}".`);
    const miniwob = (await core.store.tasks.list()).filter((t) => t.source === 'miniwob' && (suite === 'miniwob-all' || t.family === MINIWOB_SUITE_FAMILY));
    if (miniwob.length === 0) throw new Error(core.miniwob.problem ?? 'No MiniWoB++ tasks are registered: set MINIWOB_DIR (or --miniwob-dir).');
    return miniwob.map((t) => t.id);
  }
  const family = flagString(args, 'family');
  const split = flagString(args, 'split');
  const tasks = await core.store.tasks.list();
  return tasks
    // Sandbox tasks from an earlier, larger catalog stay in the store; only the current catalog's have an oracle.
    .filter((t) => t.source !== 'sandbox' || core.catalog?.get(t.id) !== undefined)
    .filter((t) => (family ? t.family === family : args.flags.all === true || t.source === 'sandbox'))
    .filter((t) => !split || t.split === split)
    .map((t) => t.id);
}
