import type { RunProgress } from '../api/contract';
import type { EpisodeRecord } from '../api/types';
import type { Core } from '../core';
import type { StartedRun } from '../runs/run-tasks';
import { flagNumber, flagString, type ParsedArgs } from './args';
import { runOptions, schedulerOptions } from './run-options';

/** `run`: picks tasks, schedules them (`--concurrency N`), prints a progress line per finished episode and a
 * summary. Exit code 0 when the run completed (whatever the success rate), 1 when it could not run. */
export async function runCommand(args: ParsedArgs, core: Core): Promise<number> {
  const policy = flagString(args, 'policy') ?? 'oracle';
  const options = runOptions(args);
  const taskIds = await selectTasks(args, core);
  if (taskIds.length === 0) throw new Error('No task matches; see `list tasks` or `list families`.');
  console.log(`Running ${taskIds.length} episode(s) with policy "${policy}" (data: ${(await core.api.info()).dataDir})`);
  return follow(core, () => core.run({ taskIds, policy, seed: flagNumber(args, 'seed', 0), ...options }));
}

/** `resume <run-id|latest>`: runs again every task of an interrupted run that has no finished episode. */
export async function resumeCommand(args: ParsedArgs, core: Core): Promise<number> {
  const wanted = args.positionals[0] ?? 'latest';
  const runs = (await core.api.listRuns()).filter((r) => r.status === 'interrupted' || r.status === 'error');
  const run = wanted === 'latest' ? runs[0] : runs.find((r) => r.id === wanted || r.id.startsWith(wanted));
  if (!run) throw new Error(wanted === 'latest' ? 'No interrupted run to resume.' : `No interrupted run matches "${wanted}".`);
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
    const successes = episodes.filter((e) => e.success).length;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Run ${runId}: ${successes}/${episodes.length} succeeded (${((100 * successes) / Math.max(episodes.length, 1)).toFixed(1)}%) in ${seconds}s`);
    return 0;
  } finally {
    unsubscribe();
  }
}

function progressLine(p: RunProgress, e: EpisodeRecord): string {
  const mark = p.retrying ? '↻' : e.success ? '✓' : '✗';
  const head = `[${p.done}/${p.total}] ${mark} ${e.taskId} score=${e.score ?? '—'} steps=${e.stepCount} stop=${e.stopReason} episode=${e.id}`;
  return e.success ? head : `${head}\n      ${p.retrying ? 'Infrastructure failure, retrying: ' : ''}${e.outcome}`;
}

async function selectTasks(args: ParsedArgs, core: Core): Promise<string[]> {
  const explicit = flagString(args, 'tasks');
  if (explicit) return explicit.split(',').map((s) => s.trim()).filter(Boolean);
  const family = flagString(args, 'family');
  const split = flagString(args, 'split');
  const tasks = await core.api.listTasks();
  return tasks
    // Sandbox tasks from an earlier, larger catalog stay in the store; only the current catalog's have an oracle.
    .filter((t) => t.source !== 'sandbox' || core.catalog?.get(t.id) !== undefined)
    .filter((t) => (family ? t.family === family : args.flags.all === true || t.source === 'sandbox'))
    .filter((t) => !split || t.split === split)
    .map((t) => t.id);
}
